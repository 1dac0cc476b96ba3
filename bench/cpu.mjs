// CPU time of the local runtime (every `workerd` process) from /proc, in milliseconds. Read before and
// after a measured window and divided by its requests, it bounds the Worker's CPU per request from
// above: it also counts the HTTP handling and, locally, SQLite itself (in production D1 runs the SQL
// elsewhere and it is not on the Worker's clock).
import { readdirSync, readFileSync } from "node:fs";
import { execSync } from "node:child_process";

const TICK_MS = 1000 / Number(execSync("getconf CLK_TCK").toString().trim() || 100);

/** `group`: the process group of the app started by scripts/fresh-app.mjs, so other apps on the machine do not count. */
export const workerdCpuMs = (group) => {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (!comm.includes("workerd")) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (group && Number(fields[2]) !== group) continue;
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {}
  }
  return ticks * TICK_MS;
};
