import { useCallback, useEffect, useState } from "react";
import { errorMessage } from "../../../lib/kit/problem";
import { staffSweepsApi } from "../../../lib/sweeps/staff-api";
import { can } from "../../../shared/staff/roles";
import type { Me } from "../../../shared/staff/wire";
import type { Roster } from "../../../shared/sweeps/wire";
import { StatusMessage } from "../../staff/StatusMessage";
import { LeaderLinkPanel } from "./LeaderLinkPanel";
import { StaffSweepFacts } from "./StaffSweepFacts";
import { SweepCancelForm } from "./SweepCancelForm";
import { SweepEditForm } from "./SweepEditForm";
import { SweepHoursPanel } from "./SweepHoursPanel";
import { SweepRoster } from "./SweepRoster";

const ID = /^[a-z0-9]{10}$/;

/** A sweep's page in the console: its facts, the edit and cancel forms, and its roster. */
export function StaffSweepWorkspace({ me }: { me: Me }) {
  const [id] = useState(() => new URLSearchParams(location.search).get("id") ?? "");
  const [roster, setRoster] = useState<Roster | null>(null);
  const [error, setError] = useState("");
  const [status, setStatus] = useState("");

  const load = useCallback(
    async (contacts = false) => {
      try {
        setRoster(await staffSweepsApi.roster(id, contacts));
        setError("");
      } catch (err) {
        setError(errorMessage(err));
      }
    },
    [id],
  );

  useEffect(() => {
    if (ID.test(id)) void load();
    else setError("地址中没有有效的活动编号。请从活动列表打开。");
  }, [id, load]);

  if (error && !roster) {
    return (
      <div role="alert" className="error-summary">
        <p>{error}</p>
        <p>
          <a href="/staff/sweeps/">返回活动列表</a>
        </p>
      </div>
    );
  }
  if (!roster) return <StatusMessage text="正在加载…" />;
  const { sweep } = roster;
  const live = sweep.state !== "cancelled" && Date.parse(sweep.endsAt) > Date.now();
  // Hours are there to review once the sweep began (check-in opens an hour before).
  const begun = sweep.state !== "cancelled" && Date.parse(sweep.startsAt) - 3_600_000 <= Date.now();
  return (
    <>
      <p>
        <a href="/staff/sweeps/">← 返回活动列表</a>
      </p>
      <StatusMessage text={status} />
      <div className="sweep-grid">
        <StaffSweepFacts sweep={sweep} />
        {live && (
          <div className="sweep-side">
            {sweep.state === "open" && <LeaderLinkPanel sweep={sweep} />}
            <SweepEditForm
              sweep={sweep}
              onSaved={(result) => {
                setRoster((r) => r && { ...r, sweep: result.sweep });
                setStatus(`已保存。${result.messaged > 0 ? `已通知 ${result.messaged} 位报名者活动有变化。` : ""}`);
              }}
              onReload={() => load(roster.contactsShown)}
            />
            <SweepCancelForm
              key={sweep.version}
              sweep={sweep}
              onCancelled={(result) => {
                setRoster((r) => r && { ...r, sweep: result.sweep });
                setStatus(`活动已取消，已通知 ${result.messaged} 位报名者。`);
              }}
              onReload={() => load(roster.contactsShown)}
            />
          </div>
        )}
      </div>
      {begun && <SweepHoursPanel sweep={sweep} />}
      <SweepRoster
        roster={roster}
        mayReveal={can(me.role, "sweeps:contact")}
        onReveal={() => load(true)}
        onHide={() => load(false)}
      />
    </>
  );
}
