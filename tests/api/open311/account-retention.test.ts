import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { Open311Filed } from "../../../src/shared/open311/post";
import { syncUnits, track } from "../complaints/factories";
import { makeKey, postForm, validFields } from "./filing-kit";

beforeAll(syncUnits);

async function fileWithAccount(over: Record<string, string> = {}) {
  const key = await makeKey();
  const res = await postForm(validFields(key.apiKey, { account_id: "app-user-7", ...over }));
  expect(res.status).toBe(200);
  const [filed] = (await res.json()) as Open311Filed[];
  return filed as Open311Filed;
}

const accountOf = (token: string) =>
  env.DB.prepare("SELECT account_id AS accountId, complaint_id AS id FROM open311_requests WHERE token = ?")
    .bind(token)
    .first<{ accountId: string | null; id: number }>();

describe("the app's account_id goes with the reporter's contact", () => {
  it("is cleared when the reporter deletes the contact through the tracking link", async () => {
    const filed = await fileWithAccount({ last_name: "李", phone: "13900002222" });
    expect((await accountOf(filed.token))?.accountId).toBe("app-user-7");
    const res = await track(filed.tracking_url.split("#t=")[1] ?? "", "/api/complaints/track/contact", {
      method: "DELETE",
    });
    expect(res.status).toBeLessThan(300);
    expect((await accountOf(filed.token))?.accountId).toBeNull();
  });

  it("is cleared when retention anonymises the case", async () => {
    const filed = await fileWithAccount();
    const row = await accountOf(filed.token);
    await env.DB.prepare("UPDATE complaints SET contact_anonymised_at = ? WHERE id = ?")
      .bind(new Date().toISOString(), row?.id)
      .run();
    expect((await accountOf(filed.token))?.accountId).toBeNull();
  });
});
