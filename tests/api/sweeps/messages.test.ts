import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../../functions/index";
import { MAX_ATTEMPTS, sendOutbox } from "../../../functions/lib/sweeps/messages";
import { cloudflarePlatform } from "../../../functions/platform/cloudflare";
import type { MessageSender, OutgoingMessage } from "../../../functions/platform/ports";
import { noSender, webhookSender } from "../../../functions/platform/sender";
import type { Role } from "../../../src/shared/staff/roles";
import type { Outbox } from "../../../src/shared/sweeps/wire";
import { call, makeStaff, signIn } from "../staff/factories";
import { makeSweep, manage, signUpOk } from "./factories";

// The outbox and its sender: every mutation writes its message rows in its own batch; the cron hands
// unsent ones to the sender port and records what happened. No test reaches the network: the
// webhook sender is given a fetch mock, the cron a recording sender.

const batch = () => cloudflarePlatform(env).batch;
const asRole = async (role: Role) => signIn((await makeStaff(role)).email);

interface Row {
  id: number;
  signup_id: number;
  kind: string;
  recipient: string;
  sent_at: string | null;
  attempts: number;
}
const outboxOf = async (sweepId: string) =>
  (
    await env.DB.prepare(
      `SELECT m.id, m.signup_id, m.kind, m.recipient, m.sent_at, m.attempts FROM sweep_messages m
       JOIN sweep_signups s ON s.id = m.signup_id WHERE s.sweep_id = ? ORDER BY m.id`,
    )
      .bind(sweepId)
      .all<Row>()
  ).results;

/** A sender that records what it was given and answers `outcome`. */
function recordingSender(outcome: "sent" | "failed" = "sent") {
  const sent: OutgoingMessage[] = [];
  const sender: MessageSender = {
    enabled: true,
    send: async (m) => {
      sent.push(m);
      return outcome;
    },
  };
  return { sender, sent };
}

/** Sends whatever earlier tests left unsent (the tests of a file share one D1), so a test sees only its own. */
async function drain() {
  const { sender } = recordingSender();
  for (let i = 0; i < 20; i++) {
    const r = await sendOutbox(batch(), sender, new Date());
    if (r.sent + r.failed + r.undeliverable === 0) return;
  }
}

async function runCron(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "*/15 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

describe("the outbox", () => {
  it("gets a message row from each mutation, in its batch: sign-up, waitlist, cancel and offer, staff cancel", async () => {
    const s = await makeSweep({ capacity: 1 });
    const a = await signUpOk(s.id);
    await signUpOk(s.id);
    expect((await outboxOf(s.id)).map((m) => m.kind)).toEqual(["confirmed", "waitlisted"]);
    expect((await manage(a.manageToken, "DELETE")).status).toBe(200);
    expect((await outboxOf(s.id)).map((m) => m.kind)).toEqual(["confirmed", "waitlisted", "cancelled", "offered"]);
    const cookie = await asRole("volunteer_coordinator");
    const res = await call(`/api/staff/sweeps/${s.id}/cancel`, {
      method: "POST",
      cookie,
      body: { version: 1, reason: "暴雨预警" },
    });
    expect(res.status).toBe(200);
    const rows = await outboxOf(s.id);
    expect(rows.map((m) => m.kind).slice(4)).toEqual(["sweep_cancelled"]);
    expect(rows.every((m) => m.recipient === "volunteer" && m.sent_at === null && m.attempts === 0)).toBe(true);
  });

  it("is left as it is without a gateway: the cron sends nothing and the messages stay unsent", async () => {
    const s = await makeSweep();
    await signUpOk(s.id);
    expect(noSender.enabled).toBe(false);
    expect(await sendOutbox(batch(), noSender, new Date())).toEqual({ sent: 0, failed: 0, undeliverable: 0 });
    // The Worker's own cron: SWEEP_SMS_WEBHOOK_URL is empty in wrangler.toml.
    await runCron(Date.now());
    expect(await outboxOf(s.id)).toMatchObject([{ kind: "confirmed", sent_at: null, attempts: 0 }]);
  });
});

describe("the cron's sending", () => {
  it("hands each unsent message to the sender with the person's phone and the sweep in its text, and marks it sent", async () => {
    const s = await makeSweep();
    await signUpOk(s.id, { phone: "13912345678" });
    const { sender, sent } = recordingSender();
    const now = new Date();
    const result = await sendOutbox(batch(), sender, now);
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const mine = sent.filter((m) => m.to === "13912345678");
    expect(mine).toHaveLength(1);
    expect(mine[0]?.kind).toBe("confirmed");
    expect(mine[0]?.text).toMatch(/^【青溪区城管】志愿清扫「周六清扫」（\d{4}年\d+月\d+日 \d\d:\d\d/);
    expect(mine[0]?.text).toContain("报名成功");
    expect(mine[0]?.text).toContain("管理链接");
    expect(await outboxOf(s.id)).toMatchObject([{ sent_at: now.toISOString(), attempts: 1 }]);
    // Sent once: the next run leaves it.
    const again = recordingSender();
    await sendOutbox(batch(), again.sender, new Date());
    expect(again.sent.filter((m) => m.to === "13912345678")).toHaveLength(0);
  });

  it("sends the oldest first, a chunk per run", async () => {
    await drain();
    const s = await makeSweep({ capacity: 5 });
    for (let i = 0; i < 5; i++) await signUpOk(s.id);
    const ids = (await outboxOf(s.id)).map((m) => m.id);
    const { sender, sent } = recordingSender();
    await sendOutbox(batch(), sender, new Date(), 2);
    expect(sent.map((m) => m.id)).toEqual(ids.slice(0, 2));
    await sendOutbox(batch(), sender, new Date(), 2);
    expect(sent.map((m) => m.id)).toEqual(ids.slice(0, 4));
  });

  it("counts failed attempts and gives a message up at the limit; it stays on the manage page", async () => {
    await drain();
    const s = await makeSweep();
    const a = await signUpOk(s.id);
    const { sender, sent } = recordingSender("failed");
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await sendOutbox(batch(), sender, new Date());
    expect(sent.map((m) => m.kind)).toEqual(Array(MAX_ATTEMPTS).fill("confirmed"));
    expect(await outboxOf(s.id)).toMatchObject([{ sent_at: null, attempts: MAX_ATTEMPTS }]);
    const view = (await (await manage(a.manageToken)).json()) as { messages: { kind: string }[] };
    expect(view.messages.map((m) => m.kind)).toEqual(["confirmed"]);
  });

  it("gives up at once on a message with no phone to go to, and never sends a stale one", async () => {
    const s = await makeSweep();
    await signUpOk(s.id);
    const [row] = await outboxOf(s.id);
    await env.DB.prepare("UPDATE sweep_signups SET phone = '' WHERE id = ?").bind(row?.signup_id).run();
    const { sender, sent } = recordingSender();
    expect((await sendOutbox(batch(), sender, new Date())).undeliverable).toBeGreaterThanOrEqual(1);
    expect(sent.filter((m) => m.id === row?.id)).toHaveLength(0);
    expect(await outboxOf(s.id)).toMatchObject([{ sent_at: null, attempts: MAX_ATTEMPTS }]);

    const t = await makeSweep();
    await signUpOk(t.id);
    const twoDaysLater = new Date(Date.now() + 48 * 3_600_000);
    await sendOutbox(batch(), sender, twoDaysLater);
    expect(await outboxOf(t.id)).toMatchObject([{ sent_at: null, attempts: 0 }]);
  });

  it("sends a guardian's and a group contact's messages to their own phones", async () => {
    const s = await makeSweep();
    const a = await signUpOk(s.id, { name: "李小华" });
    const [row] = await outboxOf(s.id);
    const now = new Date().toISOString();
    await env.DB.batch([
      env.DB.prepare(
        "UPDATE sweep_signups SET guardian_name = '李大华', guardian_phone = '13700001111' WHERE id = ?",
      ).bind(row?.signup_id),
      env.DB.prepare(
        "INSERT INTO sweep_messages (signup_id, kind, recipient, created_at) VALUES (?, 'consent_needed', 'guardian', ?)",
      ).bind(row?.signup_id, now),
    ]);
    const { sender, sent } = recordingSender();
    await sendOutbox(batch(), sender, new Date());
    const guardian = sent.find((m) => m.to === "13700001111");
    expect(guardian?.kind).toBe("consent_needed");
    expect(guardian?.text).toContain("李小华报名的");
    expect(guardian?.text).toContain("监护人同意链接");
    expect(a.status).toBe("confirmed");
  });
});

describe("the webhook sender", () => {
  const message = { id: 42, to: "13900001111", text: "【青溪区城管】测试", kind: "reminder" };

  it("POSTs the message as JSON with the bearer token and an idempotency key, and takes a 2xx as sent", async () => {
    const requests: Request[] = [];
    const fetchMock = (async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(new Request(input, init));
      return new Response(null, { status: 202 });
    }) as typeof fetch;
    const sender = webhookSender({ url: "https://sms.bureau.example/send", token: "s3cret" }, fetchMock);
    expect(sender.enabled).toBe(true);
    expect(await sender.send(message)).toBe("sent");
    const [req] = requests;
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe("https://sms.bureau.example/send");
    expect(req?.headers.get("authorization")).toBe("Bearer s3cret");
    expect(req?.headers.get("content-type")).toBe("application/json");
    expect(req?.headers.get("idempotency-key")).toBe("sweep-message-42");
    expect(await req?.json()).toEqual({ to: message.to, text: message.text, kind: "reminder", id: 42 });
    expect(req?.signal).toBeInstanceOf(AbortSignal);
  });

  it("takes a refusal, a network error and a timeout as failed, never as a throw", async () => {
    const answering = (status: number) => (async () => new Response("no", { status })) as typeof fetch;
    const url = "https://sms.bureau.example/send";
    expect(await webhookSender({ url, token: "t" }, answering(500)).send(message)).toBe("failed");
    expect(await webhookSender({ url, token: "t" }, answering(401)).send(message)).toBe("failed");
    expect(await webhookSender({ url, token: "t" }, answering(302)).send(message)).toBe("failed");
    const down = (async () => {
      throw new TypeError("network down");
    }) as typeof fetch;
    expect(await webhookSender({ url, token: "t" }, down).send(message)).toBe("failed");
    const timedOut = (async () => {
      throw new DOMException("timed out", "TimeoutError");
    }) as typeof fetch;
    expect(await webhookSender({ url, token: "t" }, timedOut).send(message)).toBe("failed");
  });

  it("is off without a URL: the platform's sender is disabled as wrangler.toml ships", () => {
    expect(webhookSender({ url: "", token: "t" }).enabled).toBe(false);
    expect(webhookSender({ url: undefined, token: undefined }).enabled).toBe(false);
    expect(cloudflarePlatform(env).sender.enabled).toBe(false);
    expect(
      cloudflarePlatform({ ...env, SWEEP_SMS_WEBHOOK_URL: "https://sms.bureau.example/send" }).sender.enabled,
    ).toBe(true);
  });
});

describe("the staff outbox", () => {
  it("lists unsent messages with phones and names masked, and in full only for a role that may see contacts, audited", async () => {
    const s = await makeSweep();
    await signUpOk(s.id, { name: "钱多多", phone: "13811112222" });
    const cookie = await asRole("volunteer_coordinator");
    const audits = async () =>
      (
        await env.DB.prepare(
          "SELECT count(*) AS n FROM audit_log WHERE action = 'sweep.outbox_contacts_viewed'",
        ).first<{
          n: number;
        }>()
      )?.n ?? 0;
    const before = await audits();
    const masked = (await (await call(`/api/staff/sweeps/outbox?sweepId=${s.id}`, { cookie })).json()) as Outbox;
    expect(masked).toMatchObject({
      status: "unsent",
      senderEnabled: false,
      contactsShown: false,
      maxAttempts: MAX_ATTEMPTS,
    });
    expect(masked.messages).toHaveLength(1);
    expect(masked.messages[0]).toMatchObject({
      sweepId: s.id,
      kind: "confirmed",
      recipient: "volunteer",
      to: "138****2222",
    });
    expect(JSON.stringify(masked)).not.toContain("13811112222");
    expect(await audits()).toBe(before);
    const full = (await (
      await call(`/api/staff/sweeps/outbox?sweepId=${s.id}&contacts=1`, { cookie })
    ).json()) as Outbox;
    expect(full.contactsShown).toBe(true);
    expect(full.messages[0]?.to).toBe("13811112222");
    expect(await audits()).toBe(before + 1);
  });

  it("filters by status: sent and failed", async () => {
    const s = await makeSweep({ capacity: 3 });
    await signUpOk(s.id);
    await signUpOk(s.id);
    const [first, second] = await outboxOf(s.id);
    await env.DB.batch([
      env.DB.prepare("UPDATE sweep_messages SET sent_at = ?, attempts = 1 WHERE id = ?").bind(
        new Date().toISOString(),
        first?.id,
      ),
      env.DB.prepare("UPDATE sweep_messages SET attempts = ? WHERE id = ?").bind(MAX_ATTEMPTS, second?.id),
    ]);
    const cookie = await asRole("admin");
    const list = async (status: string) =>
      ((await (await call(`/api/staff/sweeps/outbox?status=${status}&sweepId=${s.id}`, { cookie })).json()) as Outbox)
        .messages;
    expect((await list("sent")).map((m) => m.id)).toEqual([first?.id]);
    expect((await list("failed")).map((m) => m.id)).toEqual([second?.id]);
    expect(await list("unsent")).toEqual([]);
    expect((await call("/api/staff/sweeps/outbox?status=lost", { cookie })).status).toBe(422);
  });

  it("is refused to roles without sweeps:manage", async () => {
    const cookie = await asRole("dispatcher");
    expect((await call("/api/staff/sweeps/outbox", { cookie })).status).toBe(403);
  });
});
