// CPU time a server's whole process group (wrangler, its workerd) spends, read from /proc. Throughput
// on a shared machine swings with whatever else runs; CPU per request barely does, so the floor table
// shows both.
import { readdir, readFile } from "node:fs/promises";

/** Linux's USER_HZ: /proc counts CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) used so far by every process in group `pgid`; 0 where /proc is missing. */
export async function groupCpuSeconds(pgid: number): Promise<number> {
  let ticks = 0;
  const pids = await readdir("/proc").catch(() => [] as string[]);
  for (const pid of pids) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    // Fields after "(comm)": state ppid pgrp … utime (14th field) stime (15th).
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(f[2]) === pgid) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / TICKS_PER_SECOND;
}
