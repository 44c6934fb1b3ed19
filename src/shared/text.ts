import * as v from "valibot";

// What free text people type may carry into D1, the console and the exports.

/**
 * NUL and the other C0 controls but tab and new line, DEL and the C1 controls, and the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what a reader sees
 * ("Trojan Source", CVE-2021-42574): nobody means to type them, and a spreadsheet or a log shows them
 * as something else than what was stored.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text as stored: CR LF and lone CR as LF, the characters above gone; a single line also loses LF and tab. */
export function stripControls(text: string, opts: { singleLine?: boolean } = {}): string {
  const lines = text.replace(/\r\n?/g, "\n").replace(CONTROLS, "");
  return opts.singleLine ? lines.replace(/[\n\t]/g, " ") : lines;
}

/**
 * The one piece every free-text field's schema starts with, right after `v.string()`, so the length
 * checks that follow count what will be stored.
 *
 * @example
 * v.pipe(v.string("请描述问题"), PlainText, v.trim(), v.minLength(5))
 */
export const PlainText = v.transform((text: string) => stripControls(text));

/** The same for a one-line field (a name, an address). */
export const PlainLine = v.transform((text: string) => stripControls(text, { singleLine: true }));

// Phone numbers residents type into a description, in the shapes people write them. The text is
// matched in a copy whose full-width digits, Chinese numerals, dashes, brackets and spaces are
// written as ASCII, one character for one, so a match's place is the same in the original.
const TO_ASCII: Record<string, string> = {
  〇: "0",
  零: "0",
  一: "1",
  幺: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
  "＋": "+",
  "（": "(",
  "）": ")",
  "－": "-",
  "—": "-",
  "–": "-",
  "‐": "-",
  "\u3000": " ",
};

function asciiCopy(text: string): string {
  return text.replace(/[０-９]|[〇零一幺二三四五六七八九＋（）－—–‐\u3000]/g, (ch) =>
    /[０-９]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) - 0xfee0) : (TO_ASCII[ch] ?? ch),
  );
}

const SEP = "[ \\t.-]?";
const COUNTRY = `(?:\\(?(?:\\+|00)${SEP}86\\)?${SEP})`;
/** Mainland mobiles (1[3-9] and nine more digits) with any separator between digits; +86 or 0086 before. */
const MOBILE_TEXT = `${COUNTRY}?1${SEP}[3-9](?:${SEP}\\d){9}`;
/** Landlines: a 3- or 4-digit area code from 0 (or +86 without the 0), then 7 or 8 digits. */
const LANDLINE_TEXT = `(?:${COUNTRY}\\(?0?|\\(?0)\\d{2,3}\\)?${SEP}\\d{3,4}${SEP}\\d{4}`;
const PHONE_LIKE = new RegExp(`(?<![\\d+])(?:${MOBILE_TEXT}|${LANDLINE_TEXT})(?!\\d)`, "g");

/** The number's national digits: country code off, the trunk 0 back on a landline. */
function nationalDigits(match: string): string {
  const digits = match.replace(/\D/g, "");
  const national = /^(0086|86)/.test(digits) && /^[(+0]/.test(match) ? digits.replace(/^(00)?86/, "") : digits;
  return national.startsWith("1") ? national : national.replace(/^0?/, "0");
}

/**
 * Free text with every phone-like number masked to its first three and last four digits
 * ("139 1234 5678" → "139****5678", "0571-8888 6666" → "057****6666"), for staff whose role does
 * not hold the contact permission: the digits in between are what makes a number callable.
 */
export function maskPhoneNumbers(text: string): string {
  const ascii = asciiCopy(text);
  let out = "";
  let last = 0;
  for (const m of ascii.matchAll(PHONE_LIKE)) {
    const digits = nationalDigits(m[0]);
    out += `${text.slice(last, m.index)}${digits.slice(0, 3)}****${digits.slice(-4)}`;
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}
