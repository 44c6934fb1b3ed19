import { type ComponentType, StrictMode } from "react";
import { createRoot } from "react-dom/client";

/**
 * Renders a staff-console island into `#staff-app` from a bundled module script. Astro's
 * `client:load` would put its 4 KB island loader inline in the page, which the site's CSP build
 * step (scripts/headers.ts: inline scripts ≤ 1 KB, allowed by hash) refuses; a module served from
 * /_astro/ is allowed by 'self'.
 *
 * @example
 * <script>import { mountIsland } from "../../lib/mount-island"; mountIsland(AccountsConsole);</script>
 */
export function mountIsland(Component: ComponentType, id = "staff-app"): void {
  const container = document.getElementById(id);
  if (!container) throw new Error(`#${id} is missing from the page`);
  container.replaceChildren();
  createRoot(container).render(
    <StrictMode>
      <Component />
    </StrictMode>,
  );
}
