import type { MessageSender } from "./ports";

/** How long the gateway has to answer one message before the attempt counts as failed. */
export const SEND_TIMEOUT_MS = 5_000;

/** No gateway configured (local, tests, a bureau without one): nothing is sent, the outbox is read on screen. */
export const noSender: MessageSender = {
  enabled: false,
  send: async () => "failed",
};

export interface WebhookConfig {
  /** The gateway's URL (SWEEP_SMS_WEBHOOK_URL); empty turns sending off. */
  url: string | undefined;
  /** Sent as `Authorization: Bearer …` (the SWEEP_SMS_WEBHOOK_TOKEN secret). */
  token: string | undefined;
}

/**
 * The bureau's SMS gateway behind a webhook: one POST per message with the JSON body
 * `{ to, text, kind, id }`, a bearer token and an Idempotency-Key of the message's id, so a retry
 * after a lost answer can be dropped by the gateway. Only a 2xx answer counts as sent. `fetch` is a
 * parameter so the tests hand in a mock and never reach the network.
 *
 * @example
 * const sender = webhookSender({ url: env.SWEEP_SMS_WEBHOOK_URL, token: env.SWEEP_SMS_WEBHOOK_TOKEN });
 * if (sender.enabled) await sender.send({ id: 1, to: "13900001111", text: "…", kind: "reminder" });
 */
export function webhookSender(config: WebhookConfig, fetchImpl: typeof fetch = fetch): MessageSender {
  const url = config.url?.trim() ?? "";
  if (url === "") return noSender;
  return {
    enabled: true,
    async send(message) {
      try {
        const res = await fetchImpl(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${config.token ?? ""}`,
            "idempotency-key": `${message.outbox ?? "sweep"}-message-${message.id}`,
          },
          body: JSON.stringify({
            to: message.to,
            text: message.text,
            kind: message.kind,
            id: message.id,
            ...(message.outbox ? { outbox: message.outbox } : {}),
          }),
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
        // The body is not read: what matters is the status, and an unread body would hold the connection.
        await res.body?.cancel();
        return res.ok ? "sent" : "failed";
      } catch {
        return "failed";
      }
    },
  };
}
