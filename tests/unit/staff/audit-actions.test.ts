import { describe, expect, it } from "vitest";
import { type Action, STAFF_ACTIONS, TRANSITIONS } from "../../../src/shared/complaints/states";
import { AUDIT_ACTIONS, auditActionLabel } from "../../../src/shared/staff/audit-actions";

const labels: Partial<Record<string, string>> = AUDIT_ACTIONS;

describe("the audit action table", () => {
  it("labels every staff action of the transition table as the table names it", () => {
    for (const action of STAFF_ACTIONS) {
      expect(labels[`complaint.${action}`], action).toBe(`案件：${TRANSITIONS[action].label}`);
    }
  });

  it("has no entry for the steps no staff member takes: the case timeline records those", () => {
    const notStaff = (Object.keys(TRANSITIONS) as Action[]).filter((a) => !STAFF_ACTIONS.includes(a as never));
    expect(notStaff.sort()).toEqual(["file", "mark_overdue", "rate", "reopen"]);
    for (const action of notStaff) expect(labels[`complaint.${action}`]).toBeUndefined();
  });

  it("names every action with one dotted convention and a distinct label, so the log's filter can tell them apart", () => {
    for (const action of Object.keys(AUDIT_ACTIONS))
      expect(action).toMatch(/^(auth|staff|complaint|sweep|appointment|application|open311)\.[a-z_]+$/);
    const names = Object.values(AUDIT_ACTIONS);
    expect(new Set(names).size).toBe(names.length);
  });

  it("reads an action as staff see it: renamed ones by their new label, unknown ones as they are", () => {
    expect(auditActionLabel("complaint.accept")).toBe("案件：立案");
    expect(auditActionLabel("complaint.exported")).toBe("导出案件");
    expect(auditActionLabel("complaints.exported")).toBe("导出案件");
    expect(auditActionLabel("auth.login")).toBe("登录");
    expect(auditActionLabel("test.append")).toBe("test.append");
  });
});
