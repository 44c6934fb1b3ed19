import { describe, expect, inject, it } from "vitest";
import { ImageError, stripMetadata } from "../../functions/lib/image-metadata";
import { prng, withByte } from "./fixtures/image-checks";
import { bytesOf, jpegWithMetadata, pngWithMetadata, vp8, webpFile, webpWithMetadata } from "./fixtures/images";

// Damaged files, thousands of them (FUZZ_RUNS, 10,000 in `npm test`): stripping either succeeds
// or throws ImageError, the one error the API turns into a 422.

const RUNS = inject("fuzzRuns");
// 10,000 runs took 1.3 s on the two-core machine while other suites ran: ten times that per run, plus 10 s.
const TIMEOUT = 10_000 + RUNS * 1.3;

describe("stripMetadata on damaged input", () => {
  function mutate(bytes: Uint8Array, random: (below: number) => number): Uint8Array {
    const at = random(bytes.length);
    switch (random(5)) {
      case 0:
        return bytes.slice(0, at);
      case 1:
        return withByte(bytes, at, random(256));
      case 2:
        return withByte(bytes, at, [0x00, 0xff, 0x7f, 0x80][random(4)] ?? 0);
      case 3:
        return bytesOf(bytes.subarray(0, at), bytes.subarray(at + 1 + random(16)));
      default:
        return bytesOf(
          bytes.subarray(0, at),
          Array.from({ length: 1 + random(8) }, () => random(256)),
          bytes.subarray(at),
        );
    }
  }

  it(
    `returns a stripped image or throws ImageError, never another error, ${RUNS} times`,
    () => {
      const random = prng(20260305);
      const fixtures = [jpegWithMetadata(), pngWithMetadata(), webpWithMetadata(), webpFile(vp8(16, 16))];
      const outcomes = { stripped: 0, rejected: 0 };
      for (let i = 0; i < RUNS; i++) {
        let bytes: Uint8Array = fixtures[i % fixtures.length] ?? new Uint8Array(0);
        for (let n = 1 + random(3); n > 0; n--) bytes = mutate(bytes, random);
        try {
          const result = stripMetadata(bytes);
          // Stripping again changes nothing: the output is itself well formed and clean.
          expect(stripMetadata(result.bytes), `case ${i}`).toEqual(result);
          outcomes.stripped++;
        } catch (error) {
          expect(error, `case ${i}`).toBeInstanceOf(ImageError);
          outcomes.rejected++;
        }
      }
      // Both outcomes are common (more than 1 in 20 each): the damage reaches the parsers' every branch.
      expect(outcomes.stripped).toBeGreaterThan(RUNS / 20);
      expect(outcomes.rejected).toBeGreaterThan(RUNS / 20);
    },
    TIMEOUT,
  );
});
