import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { offlineEnv } from "../../scripts/lib/env.ts";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A copy of content/ with one file changed, for Astro to load instead of the real one. */
async function brokenContent(file: string, change: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "content-"));
  dirs.push(dir);
  await cp("content", dir, { recursive: true });
  const path = join(dir, file);
  await writeFile(path, change(await readFile(path, "utf8")));
  return dir;
}

/** Runs Astro's content sync (the build's first step) over a content folder. */
function syncContent(contentDir: string) {
  const res = spawnSync("node_modules/.bin/astro", ["sync"], {
    // CI turns colours on; the assertions read plain text.
    env: offlineEnv({ CONTENT_DIR: contentDir, NO_COLOR: "1", FORCE_COLOR: "0" }),
    encoding: "utf8",
    // `astro sync` took 20 s on the two-core machine under load.
    timeout: 150_000,
  });
  return { status: res.status, output: stripVTControlCharacters(`${res.stdout}${res.stderr}`) };
}

describe("the build refuses broken content", () => {
  it("fails on a notice without a date, naming the file and the field", async () => {
    const dir = await brokenContent("notices/guiyuan-night-market-order.md", (t) => t.replace(/^date:.*\n/m, ""));
    const { status, output } = syncContent(dir);
    expect(status).not.toBe(0);
    expect(output).toContain("guiyuan-night-market-order");
    expect(output).toMatch(/\bdate\b.*必须填写日期/);
  });

  it("fails on a regulation with an unknown validity, naming the file and the field", async () => {
    const dir = await brokenContent("regulations/outdoor-signboard-measures.md", (t) =>
      t.replace(/^validity:.*$/m, 'validity: "失效"'),
    );
    const { status, output } = syncContent(dir);
    expect(status).not.toBe(0);
    expect(output).toContain("outdoor-signboard-measures");
    expect(output).toMatch(/\bvalidity\b.*有效性须为/);
  });

  it("accepts the content as it is", () => {
    const { status, output } = syncContent("./content");
    expect(output).not.toMatch(/Error/);
    expect(status).toBe(0);
  });
});
