import { describe, expect, it } from "vitest";
import { answerRows, bodyRows, limitsOf, parameterRows, typeOf } from "../../../src/lib/openapi/reference";
import { openApiDocument } from "../../../src/shared/openapi/document";

// The reference pages (src/pages/developers/) read the generated document through these helpers:
// what they print is what the API checks.
const doc = openApiDocument();

describe("the reference pages' reading of the OpenAPI document", () => {
  it("shows a body field's type, whether it is required and its limits", () => {
    const rows = bodyRows(doc.paths["/api/complaints"].post.requestBody.content["application/json"].schema);
    const description = rows.find((r) => r.name === "description");
    expect(description).toMatchObject({ type: "字符串", required: true, limits: ["长度 5–4000"] });
    expect(description?.description).toContain("问题描述");
    expect(rows.find((r) => r.name === "consent")).toMatchObject({ type: "固定为 true", required: true });
    expect(rows.find((r) => r.name === "callbackWanted")?.limits).toEqual(["缺省为 false"]);
  });

  it("shortens a long enumeration and keeps a short one whole", () => {
    const categories = limitsOf({ type: "string", enum: Array.from({ length: 35 }, (_, i) => `C${i}`) });
    expect(categories).toEqual(["取值：C0、C1、C2、C3、C4、C5 等 35 个"]);
    expect(limitsOf({ type: "string", enum: ["open", "closed"] })).toEqual(["取值：open、closed"]);
  });

  it("shows where each parameter travels, and a comma list as one", () => {
    const rows = parameterRows(doc.paths["/open311/v2/requests.{format}"].get);
    expect(rows.find((r) => r.name === "format")).toMatchObject({ where: "路径", required: true });
    expect(rows.find((r) => r.name === "status")).toMatchObject({
      where: "查询",
      type: "字符串列表（逗号分隔）",
      limits: ["个数至多 2", "每项取值：open、closed"],
    });
    const track = parameterRows(doc.paths["/api/complaints/track"].get);
    expect(track[0]).toMatchObject({ name: "X-Tracking-Token", where: "请求头", required: true });
  });

  it("lists a body of either shape with both shapes' fields, neither required alone", () => {
    const rows = bodyRows(doc.paths["/api/sweeps/lead/checkin"].post.requestBody.content["application/json"].schema);
    expect(rows.map((r) => [r.name, r.required])).toEqual([
      ["signupId", false],
      ["code", false],
    ]);
  });

  it("resolves the shared problem answers and names their media type", () => {
    const answers = answerRows(doc.paths["/api/complaints/track/lookup"].post, doc);
    expect(answers.map((a) => a.status)).toEqual(["200", "404", "422", "429", "其他"]);
    expect(answers.find((a) => a.status === "429")?.types).toEqual(["application/problem+json"]);
    expect(typeOf({ anyOf: [{ type: "string" }, { type: "null" }] })).toBe("字符串");
  });
});
