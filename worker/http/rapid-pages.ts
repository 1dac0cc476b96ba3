// Rapid-response pages are not kept by the browser: Back after "Leave quickly" (or another person opening
// the history later) must not bring the request, filled in, back from the cache.
import type { Context } from "hono";
import type { AppEnv } from "../env";

export const noStoreIfRapid = (c: Context<AppEnv>, call: { kind: string }) => {
  if (call.kind === "rapid") c.header("Cache-Control", "no-store");
};
