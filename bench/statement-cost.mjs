// Calibrates the CPU estimate: locally every D1 statement goes through wrangler's D1 simulator inside
// `workerd`, which costs the runtime CPU per statement (≈ 2.6 ms measured here) that in production is I/O
// to D1, off the Worker's clock. A Worker of its own (bench/probe/) answers requests that run 1 and then
// 17 trivial statements; the difference in `workerd` CPU per request, ÷ 16, is that cost, and the
// estimate subtracts it for each statement a route sends beyond the empty route's one.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { workerdCpuMs } from "./cpu.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

export const statementCpuMs = async ({ port, wrangler, requests = 300 }) => {
  const state = mkdtempSync(path.join(tmpdir(), "sanad-probe-"));
  const server = spawn(wrangler, ["dev", "--local", "--port", String(port), "--persist-to", state], {
    cwd: path.join(here, "probe"),
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    stdio: "ignore",
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/?n=1`)).ok) break;
      } catch {}
      if (i > 300) throw new Error("the calibration Worker did not start");
      await new Promise((r) => setTimeout(r, 200));
    }
    const perRequest = async (n) => {
      for (let i = 0; i < 20; i++) await (await fetch(`${base}/?n=${n}`)).arrayBuffer();
      const c0 = workerdCpuMs(server.pid);
      for (let i = 0; i < requests; i++) await (await fetch(`${base}/?n=${n}`)).arrayBuffer();
      return (workerdCpuMs(server.pid) - c0) / requests;
    };
    const one = await perRequest(1);
    const many = await perRequest(17);
    return Number(((many - one) / 16).toFixed(2));
  } finally {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
    rmSync(state, { recursive: true, force: true });
  }
};
