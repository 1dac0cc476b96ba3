// The Bindings and Variables every route shares.
import type { Db } from "./db/client";
import type { Viewer } from "./domain/permissions";
import type { Locale } from "../schema/enums";
import type { Translate } from "./i18n";
import type { MailMessage } from "./mail/delivery";

export type Bindings = {
  DB: D1Database;
  /** Outbox ids to send; consumed by this Worker's queue handler. */
  MAIL_QUEUE: Queue<MailMessage>;
  /** Cloudflare Email Service (simulated by wrangler locally: each mail is logged and written to a file). */
  EMAIL: SendEmail;
  /** The sender address of every mail. */
  MAIL_FROM: string;
  /** Workers Rate Limiting: sign-up, log-in and reset posts per client address. */
  AUTH_LIMITER: RateLimit;
  /** Workers Rate Limiting: reports and exports per client address. */
  HEAVY_LIMITER: RateLimit;
  /** R2: uploaded files (report photos, voice notes, receipts), metadata already removed. */
  UPLOADS: R2Bucket;
  /** Workers Rate Limiting: anonymous feedback to a group per client address. */
  FEEDBACK_LIMITER: RateLimit;
  /** Secret mixed into every password hash (HMAC key); set with `wrangler secret put` in production. */
  PASSWORD_PEPPER: string;
  /** "production" forces Secure cookies and HSTS; anything else is local development. */
  SANAD_ENV?: string;
  /** Stripe secret key (sk_test_… locally). Unset: pledges use the manual bank-transfer provider. */
  STRIPE_SECRET_KEY?: string;
  /** Webhook signing secret (whsec_…); the webhook route answers only when it is set. */
  STRIPE_WEBHOOK_SECRET?: string;
  /** Stripe API base URL; default https://api.stripe.com. Tests point it at a local stub. */
  STRIPE_API_BASE?: string;
  /** Where bank transfers for manual pledges go (shown to pledgers). */
  BANK_TRANSFER_DETAILS?: string;
  /** Minimum organisations behind any published report figure (default 5). */
  EQUITY_K?: string;
  /** "1" lets a request with `X-Sanad-Sql-Log: 1` print its SQL (benchmarks only; worker/db/sql-log.ts). */
  SANAD_SQL_LOG?: string;
  /** 360Giving identifier prefix for exported grants (default "360G-sanad"). */
  GIVING360_PREFIX?: string;
};

export type Variables = {
  /** Quoted by users from problem documents and error pages; worker/middleware/request-log.ts. */
  requestId: string;
  db: Db;
  viewer: Viewer | null;
  /** How the viewer authenticated: a cookie session (needs CSRF checks) or a bearer token. */
  authKind: "session" | "token" | null;
  sessionIdHash: string | null;
  locale: Locale;
  t: Translate;
  /** IANA zone for showing instants: the user's setting, the browser's (cookie), or UTC. */
  timeZone: string;
};

export type AppEnv = { Bindings: Bindings; Variables: Variables };
