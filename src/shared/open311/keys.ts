// The staff API of Open311 API keys (functions/routes/open311/staff.ts): its inputs, validated by
// the Worker and shown by the console page beside the field, and its response shapes, declared once.
import * as v from "valibot";
import { PlainLine } from "../text.ts";

/** Every key starts so: anyone who finds one in a log or a repository can tell what it is. */
export const API_KEY_MARK = "o311_";
/** How much of a key is kept and shown in the clear: the mark and 6 characters, too few to matter. */
export const API_KEY_PREFIX_LENGTH = API_KEY_MARK.length + 6;

export const IssueKeySchema = v.object({
  holder: v.pipe(
    v.string("请填写密钥持有人"),
    PlainLine,
    v.trim(),
    v.minLength(2, "请填写密钥持有人（单位或个人），至少 2 个字"),
    v.maxLength(80, "持有人不超过 80 个字"),
  ),
});
export type IssueKeyInput = v.InferInput<typeof IssueKeySchema>;

export const KeyIdParamSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^\d{1,9}$/, "密钥编号须为数字"), v.transform(Number)),
});

/** A key as the console lists it: never the key, never its hash. */
export interface Open311Key {
  id: number;
  holder: string;
  /** The key's first characters, e.g. `o311_Ab3dE9`: enough to tell keys apart. */
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
}

/** POST /api/staff/open311/keys (201): the new key, and the key itself, shown this once. */
export interface IssuedKey {
  key: Open311Key;
  apiKey: string;
}
