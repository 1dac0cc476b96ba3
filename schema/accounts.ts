// Users, sessions, personal API tokens and the per-account failed-login counter.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";

export const PLATFORM_ROLES = ["user", "analyst", "admin"] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  /** Stored lower-cased and trimmed; unique. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  locale: text("locale").notNull().default("en"),
  /** IANA time zone for showing deadlines; NULL means "use the browser's, or UTC". */
  timeZone: text("time_zone"),
  platformRole: text("platform_role", { enum: PLATFORM_ROLES }).notNull().default("user"),
  /** Self-describing: "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>", so parameters can be upgraded. */
  passwordHash: text("password_hash").notNull(),
  /** Set when the person followed a link mailed to this address (sign-up or password reset). */
  emailVerifiedAt: text("email_verified_at"),
  /**
   * Two-step sign-in (TOTP, RFC 6238). Secrets are sealed with a key derived from the password pepper
   * (worker/security/secret-box.ts): a copy of the database alone cannot produce codes. `totpPendingSecret`
   * is an enrolment not confirmed yet; `totpSecret` with `totpEnabledAt` is the active one.
   */
  totpSecret: text("totp_secret"),
  totpPendingSecret: text("totp_pending_secret"),
  totpEnabledAt: text("totp_enabled_at"),
  /** The last accepted time step (Unix time / 30 s): a code for this step or an earlier one is a replay. */
  totpLastStep: integer("totp_last_step"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** One-time recovery codes for two-step sign-in: only SHA-256(user id, code) is stored; `usedAt` once spent. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    usedAt: text("used_at"),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** Only the SHA-256 of the session secret is stored: a database leak does not leak live sessions. */
export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: text("last_seen_at").notNull(),
    /** Absolute expiry; idle expiry is computed from last_seen_at. */
    expiresAt: text("expires_at").notNull(),
    /** Shown in the list of sessions so a person recognises their devices (truncated). */
    userAgent: text("user_agent"),
    /** A public handle for the session (the id hash is a secret's digest and never leaves the server). */
    publicId: text("public_id"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: text("last_used_at"),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

/** Keyed by the e-mail tried (not the user id) so unknown addresses are throttled the same way. */
export const loginThrottle = sqliteTable("login_throttle", {
  email: text("email").primaryKey(),
  failures: integer("failures").notNull(),
  windowStart: text("window_start").notNull(),
});
