// Byte helpers shared by the format parsers; every failure is an ImageError.
import { ImageError } from "./error";

export interface Stripped {
  bytes: Uint8Array;
  width: number;
  height: number;
}

export function fail(reason: string): never {
  throw new ImageError(reason);
}

/** A length pointing past the end is a corrupt file, reported as such rather than as a RangeError. */
export function need(bytes: Uint8Array, end: number, what: string): void {
  if (end > bytes.length) fail(`${what} runs past the end of the file`);
}

export function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function hasAscii(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (bytes[at + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}

export function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
