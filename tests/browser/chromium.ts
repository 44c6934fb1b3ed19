// Finds the Chromium the browser tests drive, once per run (in the global setup, which hands the path
// to every test file). Nothing here downloads a browser: a fresh machine needs only `npm install`.
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { mkdtemp, readFile, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/**
 * CHROME_PATH when set, else the system's /usr/bin/chromium (Debian's), else the build that the
 * `@sparticuz/chromium` devDependency carries inside itself, unpacked on first use.
 */
export async function findChromium(): Promise<string> {
  const configured = process.env.CHROME_PATH;
  if (configured) {
    // A path given on purpose is never silently replaced by another browser.
    if (!isExecutableFile(configured)) throw new Error(`CHROME_PATH=${configured} is not an executable file.`);
    return configured;
  }
  if (isExecutableFile("/usr/bin/chromium")) return "/usr/bin/chromium";
  return unpackBundledChromium();
}

/** A program file, not /dev/null bound over it (how a test hides the system browser) or a folder. */
function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The package keeps a brotli-packed headless Chromium (x86-64 Linux) and unpacks it with
 * `executablePath()` into the temp folder, reusing whatever file named `chromium` it finds there —
 * a half-written one after an interrupted run, or another version's. So it unpacks here into a
 * scratch folder that is then renamed, in one step, to a folder named after the package version:
 * that folder exists only complete, and two runs racing on a fresh machine both end up using it.
 */
async function unpackBundledChromium(): Promise<string> {
  // (createRequire: the test runner's module loader has no import.meta.resolve)
  const entry = createRequire(import.meta.url).resolve("@sparticuz/chromium");
  const pkg = JSON.parse(await readFile(join(dirname(entry), "..", "package.json"), "utf8")) as { version: string };
  const target = join(tmpdir(), `portal-chromium-${pkg.version}`);
  const binary = join(target, "chromium");
  if (existsSync(binary)) return binary;

  const scratch = await mkdtemp(`${target}-unpacking-`);
  const { default: bundled } = await import("@sparticuz/chromium");
  // The package unpacks into os.tmpdir(), which it reads before its first await: point that at
  // the scratch folder for the call's synchronous start only.
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = scratch;
  let unpacking: Promise<string>;
  try {
    unpacking = bundled.executablePath();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  const unpacked = await unpacking;
  // A later version of the package that unpacks elsewhere still gives a working path.
  if (unpacked !== join(scratch, "chromium")) {
    await rm(scratch, { recursive: true, force: true });
    return unpacked;
  }
  try {
    await rename(scratch, target);
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    if (!existsSync(binary)) throw error;
  }
  return binary;
}
