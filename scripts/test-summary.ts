// Last step of `npm test`: vitest's JSON report (every project in one run) read back into a count
// per suite, the slowest tests beside their own timeouts' measured figures, and one closing line
// in the plain "N passed, N failed" form that CI logs are read for.
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

const DIR = ".tmp/test-reports";

interface Assertion {
  title: string;
  status: "passed" | "failed" | "pending" | "todo" | "skipped" | "disabled";
  duration?: number | null;
}
interface Report {
  testResults: { name: string; assertionResults: Assertion[] }[];
}

const counts = new Map<string, { passed: number; failed: number; skipped: number }>();
const timings: { test: string; ms: number }[] = [];
for (const file of (await readdir(DIR)).filter((f) => f.endsWith(".json"))) {
  const report = JSON.parse(await readFile(join(DIR, file), "utf8")) as Report;
  for (const { name, assertionResults } of report.testResults) {
    const path = relative(process.cwd(), name);
    // tests/<suite>/…: the project a file belongs to is its first folder.
    const suite = path.split("/")[1] ?? "other";
    const c = counts.get(suite) ?? { passed: 0, failed: 0, skipped: 0 };
    for (const a of assertionResults) {
      if (a.status === "passed") c.passed++;
      else if (a.status === "failed") c.failed++;
      else c.skipped++;
      timings.push({ test: `${path} › ${a.title}`, ms: a.duration ?? 0 });
    }
    counts.set(suite, c);
  }
}

const total = { passed: 0, failed: 0, skipped: 0 };
for (const [suite, c] of [...counts].sort()) {
  console.log(`  ${suite.padEnd(8)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
}
console.log("slowest:");
for (const { test, ms } of timings.sort((a, b) => b.ms - a.ms).slice(0, 5)) {
  console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${test}`);
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
if (total.failed > 0 || total.passed === 0) process.exit(1);
