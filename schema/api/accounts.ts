// Request and response shapes for accounts: signup, login, me, tokens.
import { z } from "@hono/zod-openapi";
import { LOCALES, MEMBER_ROLES, ORG_KINDS } from "../enums";
import { PLATFORM_ROLES } from "../accounts";
import { IsoTime } from "./common";

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: "err.email" }));

const Password = z.string().min(10, { error: "err.password_short" }).max(256, { error: "err.password_long" });

export const SignupBody = z
  .object({
    email: Email,
    password: Password,
    name: z.string().trim().min(1).max(120),
    locale: z.enum(LOCALES).optional(),
  })
  .openapi("SignupBody");

/** Six digits from an authenticator app, or a 20-digit recovery code (spaces and dashes allowed). */
const SecondFactorCode = z.string().trim().min(1).max(64);

export const LoginBody = z
  .object({
    email: Email,
    password: z.string().min(1).max(256),
    code: SecondFactorCode.optional().openapi({
      description:
        "Needed when two-step sign-in is on: the app's current code, or an unused recovery code (used up)",
    }),
  })
  .openapi("LoginBody");

export const TwoFactorStarted = z
  .object({
    secret: z.string().openapi({ description: "Base32 key (160 bits) to type into an authenticator app" }),
    otpauthUrl: z
      .string()
      .openapi({ description: "otpauth://totp/… URI with the same key (SHA-1, 6 digits, 30 s)" }),
  })
  .openapi("TwoFactorStarted");
export const TwoFactorCodeBody = z.object({ code: SecondFactorCode }).openapi("TwoFactorCodeBody");
export const RecoveryCodes = z
  .object({
    recoveryCodes: z
      .array(z.string())
      .openapi({ description: "Ten one-time codes, shown once (only their hashes are kept)" }),
  })
  .openapi("RecoveryCodes");

/** Mail links carry 32 random bytes, base64url: anything else cannot be a token. */
const LinkToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { error: "err.link_invalid" });

export const SignupAccepted = z.object({ status: z.literal("verification_sent") }).openapi("SignupAccepted", {
  description: "The same answer whether or not the address already has an account",
});
export const VerifyBody = z.object({ token: LinkToken }).openapi("VerifyBody");
export const ResetRequestBody = z.object({ email: Email }).openapi("ResetRequestBody");
export const ResetConfirmBody = z
  .object({ token: LinkToken, password: Password })
  .openapi("ResetConfirmBody");
export const PasswordChangeBody = z
  .object({ current: z.string().min(1).max(256), password: Password })
  .openapi("PasswordChangeBody");
export const SessionSummary = z
  .object({
    id: z.string().nullable(),
    createdAt: IsoTime,
    lastSeenAt: IsoTime,
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .openapi("Session");
export const DevMail = z
  .object({
    id: z.string(),
    to: z.string(),
    kind: z.string(),
    subject: z.string(),
    text: z.string(),
    sentAt: IsoTime.nullable(),
    createdAt: IsoTime,
  })
  .openapi("DevMail");

export const User = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: z.enum(LOCALES),
    timeZone: z.string().nullable(),
    platformRole: z.enum(PLATFORM_ROLES),
  })
  .openapi("User");

export const MeResponse = z
  .object({
    user: User,
    memberships: z.array(
      z.object({
        orgId: z.string(),
        orgKind: z.enum(ORG_KINDS),
        role: z.enum(MEMBER_ROLES),
        orgVerified: z.boolean().openapi({
          description:
            "Verified by the platform; a funder must be, to publish calls, see funders-only groups, match and invite",
        }),
      }),
    ),
    twoFactor: z.boolean().openapi({ description: "Two-step sign-in (authenticator app codes) is on" }),
  })
  .openapi("Me");

let zones: Set<string> | null = null;
/** IANA zone names the runtime knows (Intl), e.g. "Africa/Dakar", plus "UTC". */
export const isTimeZone = (tz: string) =>
  (zones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])).has(tz);
export const TimeZone = z.string().max(64).refine(isTimeZone, { error: "err.time_zone" });

export const MePatch = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    locale: z.enum(LOCALES).optional(),
    timeZone: TimeZone.nullable()
      .optional()
      .openapi({ description: "IANA time zone for deadlines; null to follow the browser" }),
  })
  .openapi("MePatch");

export const TokenBody = z.object({ name: z.string().trim().min(1).max(80) }).openapi("TokenBody");
export const TokenCreated = z.object({ id: z.string(), token: z.string() }).openapi("TokenCreated");
export const TokenSummary = z
  .object({ id: z.string(), name: z.string(), createdAt: IsoTime, lastUsedAt: IsoTime.nullable() })
  .openapi("TokenSummary");
