import { type ComponentType, StrictMode } from "react";
import { createRoot } from "react-dom/client";

/**
 * Renders a staff-console island into `#staff-app` from a bundled module script. The console's
 * pages have nothing to hydrate (every view is behind a sign-in, so it is rendered in the browser),
 * so Astro's `client:load` would add only its island loader, inlined into every page (about 3 KB;
 * scripts/lib/csp.ts allows inline scripts up to MAX_INLINE_SCRIPT_BYTES by hash) and serialized
 * props; a plain module served from /_astro/ (allowed by 'self') needs neither.
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
