import { describe, expect, it } from "vitest";
import { checkFields } from "../../../src/lib/kit/check";
import { afterSignIn, homeFor, menuFor } from "../../../src/lib/staff/console";
import { accountState, formatAuditDetail } from "../../../src/lib/staff/display";
import { can, ROLES, STAFF_MENU } from "../../../src/shared/staff/roles";
import { ChangePasswordSchema, LoginSchema } from "../../../src/shared/staff/schemas";
import { formatChinaTime } from "../../../src/shared/time";

describe("the console menu", () => {
  it("shows each role exactly the entries whose permission it holds, in the table's order", () => {
    for (const role of ROLES) {
      expect(menuFor(role)).toEqual(STAFF_MENU.filter((e) => can(role, e.permission)));
    }
    expect(menuFor("admin").map((e) => e.label)).toEqual([
      "案件办理",
      "志愿清扫",
      "服务点接待",
      "店招申请",
      "服务点日历",
      "考核指标",
      "服务点统计",
      "志愿统计",
      "我的账号",
      "账号管理",
      "操作日志",
      "开放接口密钥",
    ]);
    expect(menuFor("volunteer_coordinator").map((e) => e.label)).toEqual(["志愿清扫", "志愿统计", "我的账号"]);
    expect(menuFor("viewer").map((e) => e.label)).toEqual(["考核指标", "服务点统计", "志愿统计", "我的账号"]);
    expect(menuFor("service_point_staff").map((e) => e.label)).toEqual([
      "服务点接待",
      "店招申请",
      "服务点日历",
      "服务点统计",
      "我的账号",
    ]);
  });

  it("lands a role on its first entry, or on the page it was sent from if that is one of its entries", () => {
    expect(homeFor("dispatcher")).toBe("/staff/complaints/");
    expect(homeFor("service_point_staff")).toBe("/staff/appointments/");
    expect(afterSignIn("admin", "/staff/audit/")).toBe("/staff/audit/");
    expect(afterSignIn("viewer", "/staff/audit/")).toBe("/staff/figures/");
  });

  it("never sends anyone to an address from elsewhere after signing in", () => {
    for (const next of ["https://evil.example/", "//evil.example/staff/", "/staff/../", null]) {
      expect(afterSignIn("admin", next)).toBe("/staff/complaints/");
    }
  });
});

describe("form checks in the browser", () => {
  it("give the API's own messages, by field", () => {
    expect(checkFields(LoginSchema, { email: "not-an-email", password: "" })).toEqual({
      email: "邮箱格式不正确",
      password: "请输入密码",
    });
    expect(checkFields(LoginSchema, { email: "a@b.example", password: "x" })).toEqual({});
  });

  it("point a check across fields at the field it is about", () => {
    const same = "the-same-long-password";
    expect(checkFields(ChangePasswordSchema, { currentPassword: same, newPassword: same })).toEqual({
      newPassword: "新密码不能与当前密码相同",
    });
  });
});

describe("how the console writes things", () => {
  it("shows audit times in Beijing time", () => {
    expect(formatChinaTime("2026-11-27T16:30:05.123Z")).toBe("2026-11-28 00:30:05");
  });

  it("writes an audit detail as one readable line, and leaves text that is not JSON as it is", () => {
    expect(formatAuditDetail('{"role":"viewer","unitId":null}')).toBe("role: viewer, unitId: null");
    expect(formatAuditDetail('{"from":{"disabled":false},"to":{"disabled":true}}')).toBe(
      "from: {disabled: false}, to: {disabled: true}",
    );
    expect(formatAuditDetail("not json")).toBe("not json");
    expect(formatAuditDetail(null)).toBe("");
  });

  it("names an account's state", () => {
    expect(accountState({ disabledAt: "2026-11-27T00:00:00Z", mustChangePassword: true })).toBe("已停用");
    expect(accountState({ disabledAt: null, mustChangePassword: true })).toBe("启用（待修改初始密码）");
    expect(accountState({ disabledAt: null, mustChangePassword: false })).toBe("启用");
  });
});
