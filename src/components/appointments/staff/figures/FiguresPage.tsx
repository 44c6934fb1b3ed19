// The top component of the staff figures page, mounted by the page's module script
// (src/lib/mount-island.tsx), as the desk's DeskPages.tsx is.
import { StaffShell } from "../../../staff/StaffShell";
import { FiguresWorkspace } from "./FiguresWorkspace";

/**
 * The services' names, which the page writes into a data attribute at build time
 * (src/pages/staff/appointments/figures.astro): the island never imports the points' loader,
 * which would carry the district's data into the browser (src/lib/appointments/catalogue.ts).
 */
function serviceNames(): Record<string, string> {
  const data = document.getElementById("appointment-figures-data")?.dataset.services;
  return JSON.parse(data ?? "{}") as Record<string, string>;
}

export function FiguresPage() {
  return (
    <StaffShell title="服务点统计" permission="appointments:figures">
      {() => <FiguresWorkspace serviceNames={serviceNames()} />}
    </StaffShell>
  );
}
