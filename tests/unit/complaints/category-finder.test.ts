import { describe, expect, it } from "vitest";
import raw from "../../../content/complaints/categories.json" with { type: "json" };
import { CATEGORIES, categoryById, parseCategoryFile } from "../../../src/shared/complaints/categories";
import { findCategories, normaliseQuery } from "../../../src/shared/complaints/category-finder";

// How residents put it, and the class an officer would file it under. The words come from what
// people type into 12345 and from our own notices (占道摆摊, 共享单车乱停, 油烟扰民, 井盖缺失 …).
const PHRASINGS: [string, string][] = [
  // 市容环境
  ["楼道口有人私自搭了个棚子", "E0101"],
  ["小区里有违建", "E0101"],
  ["垃圾满了没人收", "E0102"],
  ["路边垃圾没人清理", "E0102"],
  ["狗屎没人清", "E0102"],
  ["人行道上好多狗粪", "E0102"],
  ["建筑垃圾堆了好几天", "E0103"],
  ["空地上倒了很多渣土", "E0103"],
  ["马路上撒了一地沙子", "E0104"],
  ["草坪里全是垃圾", "E0106"],
  ["晚上有人在路边烧烤，烟很大", "E0107"],
  ["饭店油烟太大", "E0108"],
  ["楼下餐馆排油烟熏得没法开窗", "E0108"],
  // 宣传广告
  ["墙上小广告", "E0201"],
  ["电线杆上贴满了办证广告", "E0201"],
  ["有人乱挂横幅", "E0202"],
  ["人行道中间放了个广告牌", "E0203"],
  ["地铁口有人发传单", "E0204"],
  ["店招快掉下来了", "E0205"],
  // 施工管理
  ["晚上施工噪音", "E0301"],
  ["半夜工地还在施工", "E0301"],
  ["工地灰尘太大", "E0302"],
  ["渣土车没盖篷布", "E0303"],
  ["工地车辆把泥带到马路上", "E0304"],
  // 突发事件
  ["路面塌了一个大坑", "E0401"],
  ["水管爆了，路上全是水", "E0402"],
  ["大树被风刮倒了", "E0403"],
  // 街面秩序
  ["楼下有人摆摊", "E0501"],
  ["占道经营", "E0501"],
  ["小区门口有流动商贩", "E0501"],
  ["水果店把货摆到人行道上", "E0504"],
  ["汽车停在人行道上", "E0505"],
  ["共享单车乱停", "E0506"],
  ["电动车堵住了盲道", "E0506"],
  ["楼道外乱堆杂物", "E0507"],
  ["商店门口喇叭太吵", "E0508"],
  ["广告车一直放音乐噪音很大", "E0508"],
  // 部件
  ["井盖丢了", "C0101"],
  ["窨井盖破了", "C0101"],
  ["路灯不亮", "C0118"],
  ["路灯坏了一整条街都是黑的", "C0118"],
  ["马路中间的护栏被撞坏了", "C0201"],
  ["路牌坏了", "C0213"],
  ["公厕冲水坏了", "C0301"],
  ["垃圾桶坏了", "C0305"],
  ["指示牌倒了", "C0307"],
  ["行道树枯死了", "C0402"],
  ["绿化带里都是黄土", "C0405"],
];

describe("the category finder", () => {
  it("has at least forty everyday phrasings to answer", () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(40);
    for (const [, id] of PHRASINGS) expect(categoryById(id), id).toBeDefined();
  });

  it.each(PHRASINGS)("puts “%s” first in %s", (phrase, id) => {
    expect(findCategories(CATEGORIES, phrase)[0]?.id).toBe(id);
  });

  it("reads full-width letters and digits, spaces and punctuation as their plain forms", () => {
    expect(normaliseQuery(" 共享单车，乱停！ ")).toBe("共享单车乱停");
    expect(normaliseQuery("ＬＥＤ路灯")).toBe("led路灯");
    expect(findCategories(CATEGORIES, "井　盖 丢了")[0]?.id).toBe("C0101");
  });

  it("finds a category from part of its name, as the resident types", () => {
    const rubbish = findCategories(CATEGORIES, "垃圾").map((c) => c.id);
    expect(rubbish).toEqual(expect.arrayContaining(["E0102", "E0103", "C0305"]));
    expect(findCategories(CATEGORIES, "井")[0]?.id).toBe("C0101");
  });

  it("answers nothing for an empty query or words it does not know, and never offers 'other' as a match", () => {
    expect(findCategories(CATEGORIES, "   ")).toEqual([]);
    expect(findCategories(CATEGORIES, "邻居家的猫")).toEqual([]);
    expect(findCategories(CATEGORIES, "其他").map((c) => c.id)).not.toContain("other");
  });
});

describe("the categories file check", () => {
  const withFirstMinor = (change: Record<string, unknown>) => {
    const copy = structuredClone(raw);
    Object.assign(copy.classes[0]?.minors[0] ?? {}, change);
    return copy;
  };

  it("accepts the file as it is", () => {
    expect(() => parseCategoryFile(raw)).not.toThrow();
  });

  it("refuses a class without a plain name, and an empty or half synonym", () => {
    expect(() => parseCategoryFile(withFirstMinor({ label: "" }))).toThrow(/classes\.0\.minors\.0\.label/);
    expect(() => parseCategoryFile(withFirstMinor({ synonyms: [""] }))).toThrow(/synonyms/);
    expect(() => parseCategoryFile(withFirstMinor({ synonyms: ["垃圾+"] }))).toThrow(/synonyms/);
  });

  it("refuses one phrase in two classes, naming it", () => {
    expect(() => parseCategoryFile(withFirstMinor({ synonyms: ["摆摊"] }))).toThrow(/“摆摊”/);
  });
});
