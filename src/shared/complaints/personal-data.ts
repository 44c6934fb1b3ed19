// What a complaint keeps about the person who filed it, as one table: the tracking link shows each
// item to the reporter (PIPL art. 45), the privacy notice names each one, and a unit test checks
// both the notice and the schema against this list, so none of the three can promise what the
// others do not hold.

/** One item of personal data a case holds, where it is stored and what the reporter reads. */
export interface PersonalDataItem {
  /** Its key in the tracking view's `personalData`. */
  key:
    | "name"
    | "phone"
    | "callbackWanted"
    | "point"
    | "addressText"
    | "description"
    | "photoCount"
    | "ratingComment"
    | "reopenReasons"
    | "accountId"
    | "mediaUrl";
  /** The table and columns (drizzle names) that hold it. */
  table: "complaints" | "complaintPhotos" | "complaintEvents" | "open311Requests";
  columns: readonly string[];
  /** As the notice and the tracking page name it. */
  label: string;
  /** Contact details: the reporter can delete them through the tracking link at any time. */
  contact: boolean;
  /**
   * Held only by some cases (those a third-party app filed through Open311): the tracking view
   * carries it, and the page shows it, only when the case has it.
   */
  optional?: true;
}

export const PERSONAL_DATA: readonly PersonalDataItem[] = [
  { key: "name", table: "complaints", columns: ["reporterName"], label: "称呼", contact: true },
  { key: "phone", table: "complaints", columns: ["reporterPhone"], label: "手机号码", contact: true },
  { key: "callbackWanted", table: "complaints", columns: ["callbackWanted"], label: "是否需要回访", contact: true },
  { key: "point", table: "complaints", columns: ["lat", "lng"], label: "问题地点的精确位置", contact: false },
  { key: "addressText", table: "complaints", columns: ["addressText"], label: "您填写的地址", contact: false },
  { key: "description", table: "complaints", columns: ["description"], label: "问题描述", contact: false },
  { key: "photoCount", table: "complaintPhotos", columns: ["r2Key"], label: "照片", contact: false },
  { key: "ratingComment", table: "complaints", columns: ["ratingComment"], label: "评价留言", contact: false },
  { key: "reopenReasons", table: "complaintEvents", columns: ["note"], label: "申请复核的理由", contact: false },
  // Filed by an app through POST /open311/v2/requests: the app's identifier of the reporter goes
  // with the contact (deleteContactBatch, migrations/0023); the link is recorded, never fetched or
  // published.
  {
    key: "accountId",
    table: "open311Requests",
    columns: ["accountId"],
    label: "应用中的账号标识",
    contact: true,
    optional: true,
  },
  {
    key: "mediaUrl",
    table: "open311Requests",
    columns: ["mediaUrl"],
    label: "图片链接",
    contact: false,
    optional: true,
  },
];

/** The event a contact deletion writes to the case's timeline (internal: staff see it, the public does not). */
export const CONTACT_DELETED_ACTION = "contact_deleted";
export const CONTACT_DELETED_LABEL = "市民删除了联系方式";

/**
 * What replaces the reporter's name or phone where they had also typed it into the case's text
 * (description, address, rating comment, replies), when they delete their contact details.
 */
export const DELETED_MARK = "（已删除）";

/** Names shorter than this are not searched for in the case's text: one character would cut ordinary words. */
export const MIN_SCRUBBED_NAME = 2;
