import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { FileComplaintSchema } from "../../src/shared/complaints/schemas";
import { ACTION_SCHEMAS } from "../../src/shared/complaints/staff-schemas";
import { CreateAccountSchema } from "../../src/shared/staff/schemas";
import { maskPhoneNumbers, stripControls } from "../../src/shared/text";

// Trojan Source's bidi controls (CVE-2021-42574), NUL and the other C0 controls.
const UNSAFE = ["\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"]
  .concat(["\u2066", "\u2067", "\u2068", "\u2069"])
  .join("");
// biome-ignore lint/suspicious/noControlCharactersInRegex: what must not survive.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("stripControls", () => {
  it("drops NUL, the other C0 and C1 controls and the bidi overrides, and keeps new lines and tabs", () => {
    expect(stripControls(`井盖\u0000缺失${UNSAFE}，\n\t请处理`)).toBe("井盖缺失，\n\t请处理");
    expect(stripControls("第一行\r\n第二行\r第三行")).toBe("第一行\n第二行\n第三行");
    expect(stripControls("路灯不亮 \u200e LRM 与全角空格\u3000保留")).toBe("路灯不亮 \u200e LRM 与全角空格\u3000保留");
  });

  it("makes one line of a single-line field: new lines and tabs become spaces", () => {
    expect(stripControls("临河路\n88 号\t门口\u202e", { singleLine: true })).toBe("临河路 88 号 门口");
  });
});

describe("every text field of the complaint and staff schemas", () => {
  it("stores no control or bidi character from a filing", () => {
    const out = v.parse(FileComplaintSchema, {
      categoryId: "E0102",
      addressText: `临河路\u202e88 号\n门口`,
      communityId: undefined,
      lat: 30.2,
      lng: 120.1,
      description: `垃圾堆${UNSAFE}在路边\n三天`,
      name: `张\u0000三\u2066`,
      phone: "13912345678",
      callbackWanted: true,
      consent: true,
    });
    for (const value of [out.addressText, out.description, out.name ?? ""]) expect(value).not.toMatch(CONTROL);
    expect(out.addressText).toBe("临河路88 号 门口");
    expect(out.description).toBe("垃圾堆在路边\n三天");
  });

  it("counts only visible characters: a description of five controls is too short", () => {
    const r = v.safeParse(FileComplaintSchema.pipe[0].entries.description, "\u0000\u202e\u2066\u0001\u0002");
    expect(r.success).toBe(false);
  });

  it("cleans a case action's note and reason and a staff member's name", () => {
    const reply = v.parse(ACTION_SCHEMAS.reply, { version: 1, note: `已通知\u202e中队\u0000处理`, public: true });
    expect(reply.note).toBe("已通知中队处理");
    const reject = v.parse(ACTION_SCHEMAS.reject, { version: 1, reason: `\u2067不属于职责范围\u2069` });
    expect(reject.reason).toBe("不属于职责范围");
    const accept = v.parse(ACTION_SCHEMAS.accept, { version: 1, note: `备注\u001b[31m` });
    expect(accept.note).toBe("备注[31m");
    const account = v.parse(CreateAccountSchema, {
      email: "a@qingxi.example",
      displayName: `王\u202e五`,
      role: "viewer",
    });
    expect(account.displayName).toBe("王五");
  });
});

describe("maskPhoneNumbers", () => {
  // How residents write a phone number into a description, and what a role without the contact
  // permission reads instead.
  const PHRASINGS: [string, string][] = [
    ["请打13912345678联系我", "请打139****5678联系我"],
    ["电话 139 1234 5678", "电话 139****5678"],
    ["电话：139-1234-5678。", "电话：139****5678。"],
    ["电话１３９１２３４５６７８", "电话139****5678"],
    ["+86 13912345678", "139****5678"],
    ["+86-139-1234-5678", "139****5678"],
    ["(+86)13912345678", "139****5678"],
    ["008613912345678 找王师傅", "139****5678 找王师傅"],
    ["手机1 3 9 1 2 3 4 5 6 7 8", "手机139****5678"],
    ["138 0013 8000或15900001111", "138****8000或159****1111"],
    ["电话一三八一二三四五六七八", "电话138****5678"],
    ["物业电话0571-8888 6666", "物业电话057****6666"],
    ["座机057188886666，白天有人", "座机057****6666，白天有人"],
    ["（0571）88886666", "057****6666"],
    ["010-12345678", "010****5678"],
    ["+86 571 8888 6666", "057****6666"],
  ];

  it.each(PHRASINGS)("masks %s", (text, masked) => {
    expect(maskPhoneNumbers(text)).toBe(masked);
  });

  it("leaves what only looks like a number alone", () => {
    for (const text of [
      "案件编号 261201-9107 的后续",
      "2026-11-27 13:05 发现",
      "已持续 12345678 秒",
      "临河路 88 号 3 单元 1201 室",
      "噪音超过 85 分贝，持续到晚上 11 点",
      "12345 热线转来",
      "123456789012",
    ]) {
      expect(maskPhoneNumbers(text), text).toBe(text);
    }
  });
});
