// A small closed-loop load generator for loopback: `concurrency` workers each send a request, wait for
// the whole response, record the latency and send the next, for `seconds` (or until `requests` are
// done). Reports requests/s, p50/p95/p99 and errors.
export const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

/**
 * `send(worker, i)` returns a fetch promise. Warm-up requests are sent first and not counted; slow routes
 * still get `minRequests` measured requests when `seconds` runs out first.
 */
export const drive = async ({
  send,
  concurrency = 1,
  seconds = 5,
  requests = Infinity,
  minRequests = 0,
  warmup = 10,
  check = (res) => res.ok,
}) => {
  for (let i = 0; i < warmup; i++) await (await send(0, -1 - i)).arrayBuffer();
  const times = [];
  let errors = 0;
  const samples = [];
  let issued = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while ((performance.now() < until || issued < minRequests) && issued < requests) {
        const i = issued++;
        const t = performance.now();
        const res = await send(w, i);
        const body = await res.text();
        times.push(performance.now() - t);
        if (!check(res, body)) {
          errors++;
          if (samples.length < 3) samples.push(`HTTP ${res.status} ${body.slice(0, 120)}`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    seconds: Number(elapsed.toFixed(2)),
    rps: Number((times.length / elapsed).toFixed(1)),
    p50: Number(percentile(times, 50).toFixed(1)),
    p95: Number(percentile(times, 95).toFixed(1)),
    p99: Number(percentile(times, 99).toFixed(1)),
    errors,
    ...(samples.length ? { errorSamples: samples } : {}),
  };
};
