/** One URL per page template of the publishing site: the accessibility and header tests visit each. */
export const PAGE_TEMPLATES = [
  { name: "home", path: "/" },
  { name: "notice list", path: "/notices/" },
  { name: "notice list, page 2", path: "/notices/2/" },
  { name: "notice list by kind", path: "/notices/kind/campaign/" },
  { name: "notice", path: "/notices/guiyuan-night-market-order/" },
  { name: "regulation list", path: "/regulations/" },
  { name: "regulation list by validity", path: "/regulations/validity/repealed/" },
  { name: "regulation, repealed", path: "/regulations/construction-dust-interim-2025/" },
  { name: "regulation, in force", path: "/regulations/city-appearance-street-order/" },
  { name: "open letter", path: "/letter/" },
  { name: "privacy notice", path: "/privacy/" },
  { name: "search with results", path: "/search/?q=%E5%A4%9C%E5%B8%82" },
  { name: "404", path: "/no-such-page/" },
] as const;
