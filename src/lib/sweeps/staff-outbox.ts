// The outbox as staff read it: what each message is and who it is for, in Chinese.
import type { MessageKind, MessageRecipient } from "../../shared/sweeps/wire";

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  confirmed: "报名成功",
  waitlisted: "已候补",
  offered: "候补递补",
  offer_expired: "递补已过期",
  cancelled: "已取消报名",
  sweep_changed: "活动变更",
  sweep_cancelled: "活动取消",
  consent_needed: "需监护人同意",
  consented: "监护人已同意",
  released: "名额已释放",
  group_details_needed: "团体待填信息",
  reminder: "活动前一天提醒",
  hours_approved: "时长已审核",
  certificate_ready: "证明已开具",
};

export const RECIPIENT_LABELS: Record<MessageRecipient, string> = {
  volunteer: "志愿者",
  guardian: "监护人",
  group: "团体联系人",
};

export const OUTBOX_STATUS_LABELS = { unsent: "待发送", sent: "已发送", failed: "发送失败" } as const;
