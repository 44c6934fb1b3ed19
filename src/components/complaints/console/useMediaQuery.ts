import { useEffect, useState } from "react";

/** A phone-sized screen: the case list as cards, the case page's deadline and actions first. */
export const NARROW = "(max-width: 40rem)";
/**
 * No keyboard to speak of: a touch screen as the main pointer, or a phone-sized screen. Single-key
 * shortcuts and their legend are left out there (the legend holds their off switch, WCAG 2.1.4).
 */
export const NO_KEYBOARD = `(pointer: coarse), ${NARROW}`;

/** Whether a media query matches now, following changes (a rotated phone, a resized window). */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener("change", update);
    return () => list.removeEventListener("change", update);
  }, [query]);
  return matches;
}
