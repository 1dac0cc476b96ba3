// Seeds the local D1 (in SANAD_STATE_DIR) with the demo data and prints the demo logins.
// Local only: it opens the database through wrangler's local platform proxy and refuses --remote.
import { getPlatformProxy } from "wrangler";
import path from "node:path";
import { stateDir, varsFile, ensureDevVars, root } from "./local-env.mjs";
import { createDb } from "../worker/db/client";
import { seedDemo, DEMO_PASSWORD, DEMO_USERS } from "../worker/seed/demo";

if (process.argv.some((a) => a === "--remote" || a.startsWith("--remote="))) {
  console.error("The demo seed only runs against the local database; it refuses --remote.");
  process.exit(2);
}

const vars = ensureDevVars();
const proxy = await getPlatformProxy<{ DB: D1Database; UPLOADS: R2Bucket }>({
  configPath: path.join(root, "wrangler.toml"),
  persist: { path: path.join(stateDir, "v3") },
  envFiles: [varsFile],
  remoteBindings: false,
});
try {
  const added = await seedDemo(createDb(proxy.env.DB), vars.PASSWORD_PEPPER, proxy.env.UPLOADS);
  console.log(
    added.users || added.orgs || added.calls || added.pledges
      ? `Seeded ${added.users} users, ${added.orgs} organisations, ${added.calls} calls and ${added.pledges} pledges.`
      : "Demo data already present; nothing changed.",
  );
  console.log(`\nDemo logins (password: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS.slice(0, 6))
    console.log(
      `  ${u.email.padEnd(26)} ${u.platformRole === "user" ? u.id.replace("demo-user-", "") : u.platformRole}`,
    );
} finally {
  await proxy.dispose();
}
