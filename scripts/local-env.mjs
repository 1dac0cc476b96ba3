// Where the local app keeps its state, and the environment every wrangler call needs to stay offline
// and quiet. Shared by start, seed and (later) the browser tests and benchmarks.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const stateDir = path.resolve(root, process.env.SANAD_STATE_DIR || ".wrangler/state");
export const port = Number(process.env.PORT || 8787);
export const varsFile = path.join(stateDir, "sanad.dev.vars");

export const wranglerEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  // Non-interactive: no prompts (migrations apply asks to confirm on a TTY).
  CI: process.env.CI ?? "true",
};

/**
 * The password pepper lives next to the database it was used for: a fresh state directory gets a fresh
 * random pepper, and an existing one keeps its own, so the demo logins keep working across restarts.
 */
export const ensureDevVars = () => {
  mkdirSync(stateDir, { recursive: true });
  if (!existsSync(varsFile)) {
    writeFileSync(
      varsFile,
      `PASSWORD_PEPPER=${randomBytes(32).toString("base64url")}\nSANAD_ENV=development\n`,
      { mode: 0o600 },
    );
  }
  const vars = Object.fromEntries(
    readFileSync(varsFile, "utf8")
      .split("\n")
      .filter((l) => l.includes("="))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  return vars;
};

export const STRIPE_VARS = ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE"];
/** Variables passed from the shell to `wrangler dev`: Stripe's, and the benchmark's SQL log switch. */
const SHELL_VARS = [...STRIPE_VARS, "SANAD_SQL_LOG"];

/**
 * The env files `wrangler dev` reads, later ones overriding earlier ones: the state directory's pepper,
 * the project's `.dev.vars` (as wrangler documents it) and STRIPE_* variables set in this shell.
 */
export const devEnvFiles = () => {
  const files = [varsFile];
  const projectVars = path.join(root, ".dev.vars");
  if (existsSync(projectVars)) files.push(projectVars);
  const fromShell = SHELL_VARS.filter((k) => process.env[k]).map((k) => `${k}=${process.env[k]}`);
  if (fromShell.length) {
    const shellVars = path.join(stateDir, "from-shell.env");
    writeFileSync(shellVars, fromShell.join("\n") + "\n", { mode: 0o600 });
    files.push(shellVars);
  }
  const merged = Object.assign({}, ...files.map(readVars));
  return {
    files,
    stripe: Boolean(merged.STRIPE_SECRET_KEY),
    webhooks: Boolean(merged.STRIPE_WEBHOOK_SECRET),
  };
};

const readVars = (file) =>
  Object.fromEntries(
    readFileSync(file, "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#") && l.includes("="))
      .map((l) => [
        l.slice(0, l.indexOf("=")).trim(),
        l
          .slice(l.indexOf("=") + 1)
          .trim()
          .replace(/^"(.*)"$/, "$1"),
      ]),
  );
