// Request and response shapes for organisations and their members.
import { z } from "@hono/zod-openapi";
import {
  INVITATION_KINDS,
  LED_BY,
  LEGAL_STATUSES,
  MEMBER_ROLES,
  ORG_KINDS,
  SETTINGS,
  THEMES,
  VISIBILITIES,
} from "../enums";
import { Money, IsoTime, CountryCode, LanguageTag, uniqueList, Id } from "./common";
import { Email } from "./accounts";

const thisYear = () => new Date().getUTCFullYear();

/** Every editable field of an organisation; nullable ones may be cleared with null on PATCH. */
const orgFields = {
  name: z.string().trim().min(2).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  country: CountryCode,
  area: z.string().trim().max(120).nullable().optional(),
  setting: z.enum(SETTINGS).nullable().optional(),
  legalStatus: z.enum(LEGAL_STATUSES).nullable().optional(),
  foundedYear: z
    .number()
    .int()
    .min(1800)
    .refine((y) => y <= thisYear(), { error: "err.future_year" })
    .nullable()
    .optional(),
  annualBudget: Money.nullable().optional(),
  staffCount: z.number().int().min(0).max(1_000_000).nullable().optional(),
  volunteerCount: z.number().int().min(0).max(10_000_000).nullable().optional(),
  ledBy: uniqueList(z.enum(LED_BY), LED_BY.length).optional(),
  themes: uniqueList(z.enum(THEMES), THEMES.length).optional(),
  languages: uniqueList(LanguageTag, 20).optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  listedInChapter: z
    .boolean()
    .optional()
    .openapi({ description: "Agree to appear on the country chapter's public page (public profiles only)" }),
};

export const OrgCreate = z.object({ kind: z.enum(ORG_KINDS), ...orgFields }).openapi("OrgCreate");

export const OrgPatch = z
  .object({
    ...orgFields,
    name: orgFields.name.optional(),
    country: orgFields.country.optional(),
    version: z.number().int().min(1),
  })
  .openapi("OrgPatch");

export const Org = z
  .object({
    id: z.string(),
    kind: z.enum(ORG_KINDS),
    name: z.string(),
    description: z.string().nullable(),
    country: z.string(),
    area: z.string().nullable(),
    setting: z.enum(SETTINGS).nullable(),
    legalStatus: z.enum(LEGAL_STATUSES).nullable(),
    foundedYear: z.number().nullable(),
    annualBudget: Money.nullable(),
    staffCount: z.number().nullable(),
    volunteerCount: z.number().nullable(),
    ledBy: z.array(z.enum(LED_BY)),
    themes: z.array(z.enum(THEMES)),
    languages: z.array(z.string()),
    visibility: z.enum(VISIBILITIES),
    verified: z.boolean(),
    trustLevel: z.number().int().min(0).max(4).openapi({
      description:
        "The trust ladder's level, derived from evidence: 0 new, 1 e-mails verified, 2 vouched for by two trusted peers nearby, 3 confirmed by the country chapter, 4 verified by the platform (GET /orgs/{id}/trust gives the evidence)",
    }),
    listedInChapter: z.boolean(),
    version: z.number().int(),
    createdAt: IsoTime,
    updatedAt: IsoTime,
  })
  .openapi("Org");
export type OrgView = z.infer<typeof Org>;

export const OrgListQuery = z.object({
  kind: z.enum(ORG_KINDS).optional(),
  country: CountryCode.optional(),
  theme: z.enum(THEMES).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export const MemberInvite = z.object({ email: Email, role: z.enum(MEMBER_ROLES) }).openapi("MemberInvite");

/** `email` only for the organisation's owners; other members and admins see names and roles. */
export const Member = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string().optional(),
    role: z.enum(MEMBER_ROLES),
    since: IsoTime,
  })
  .openapi("Member");

/** A pending invitation as the organisation's owners see it. */
export const OrgInvitation = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.enum(MEMBER_ROLES),
    createdAt: IsoTime,
    expiresAt: IsoTime,
  })
  .openapi("OrgInvitation");

/** `invitations` is filled for owners only (empty for members and admins). */
export const MemberList = z
  .object({ items: z.array(Member), invitations: z.array(OrgInvitation) })
  .openapi("MemberList");

/** A pending invitation as the invited person sees it. */
export const MyInvitation = z
  .object({
    id: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    role: z.enum(MEMBER_ROLES),
    kind: z.enum(INVITATION_KINDS).openapi({
      description: "member: join the organisation; panel: review its call `call` (accepting joins nothing)",
    }),
    call: z.object({ id: z.string(), title: z.string() }).optional(),
    createdAt: IsoTime,
    expiresAt: IsoTime,
  })
  .openapi("MyInvitation");

export const MemberRolePatch = z.object({ role: z.enum(MEMBER_ROLES) }).openapi("MemberRolePatch");

export const InviteAccepted = z
  .object({
    orgId: z.string(),
    role: z.enum(MEMBER_ROLES),
    callId: z.string().optional().openapi({ description: "A panel invitation: the call now to review" }),
  })
  .openapi("InviteAccepted");

const pathParam = (name: string) => Id.openapi({ param: { name, in: "path" } });
export const OrgMemberParams = z.object({ id: pathParam("id"), userId: pathParam("userId") });
export const OrgInvitationParams = z.object({ id: pathParam("id"), invitationId: pathParam("invitationId") });

export const InviteResult = z
  .object({ status: z.literal("invited"), invitationId: z.string() })
  .openapi("InviteResult");

/**
 * What the admin checked before verifying a funder: anyone can call themselves a funder, and a fake
 * call collecting activists' data is the risk verification closes, so the checks are recorded.
 */
export const FunderChecks = z
  .object({
    website: z.url({ error: "err.url" }).max(300),
    registration: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .openapi({ description: "registration number and register, or how the funder is constituted" }),
    contact: z
      .string()
      .trim()
      .min(3)
      .max(200)
      .openapi({ description: "the person reached to confirm, and how" }),
  })
  .openapi("FunderChecks");
export const VerifyBody = z
  .object({ verified: z.boolean(), checks: FunderChecks.partial().optional() })
  .openapi("VerifyBody");
