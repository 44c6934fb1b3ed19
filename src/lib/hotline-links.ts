// Markdown step (astro.config.mjs): every mention of the hotline in editors' text becomes a tel:
// link, so a resident on a phone calls it with one tap (notices, regulations, the letter, the
// privacy notice) without editors writing links by hand. A plugin of Sätteri, Astro's Markdown
// processor.
import type { MdastPluginDefinition } from "satteri";

type Inline =
  | { type: "text"; value: string }
  | { type: "link"; url: string; children: { type: "text"; value: string }[] };

/** `value` split around each stand-alone `number` (not part of a longer number), or undefined if none. */
export function hotlineParts(value: string, number: string): Inline[] | undefined {
  const parts = value.split(new RegExp(`(?<!\\d)${number}(?!\\d)`));
  if (parts.length === 1) return undefined;
  return parts.flatMap((text, i): Inline[] => [
    ...(i > 0
      ? [{ type: "link" as const, url: `tel:${number}`, children: [{ type: "text" as const, value: number }] }]
      : []),
    ...(text ? [{ type: "text" as const, value: text }] : []),
  ]);
}

/** Links the hotline in text, except inside a link already. */
export const hotlineLinks = (number: string): MdastPluginDefinition => ({
  name: "hotline-links",
  text(node, ctx) {
    if (ctx.parent(node)?.type === "link") return;
    const parts = hotlineParts(node.value, number);
    if (parts) ctx.replaceNode(node, parts);
  },
});
