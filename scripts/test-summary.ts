// Last step of `npm test`: one closing line over every vitest suite's JSON report, in the plain
// "N passed, N failed" form that CI logs are read for.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

const DIR = ".tmp/test-reports";
interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of (await readdir(DIR)).filter((f) => f.endsWith(".json"))) {
  const r = JSON.parse(await readFile(join(DIR, file), "utf8")) as Report;
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || passed === 0) process.exit(1);
