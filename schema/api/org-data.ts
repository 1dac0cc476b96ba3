// Shapes for an owner's organisation export and for deleting an organisation.
import { z } from "@hono/zod-openapi";
import { FUNDING_TYPES, MEMBER_ROLES, PLEDGE_INTERVALS, PLEDGE_STATUSES } from "../enums";
import { IsoTime, Money } from "./common";
import { Org, Member } from "./orgs";
import { OrgApplication } from "./applications";
import { Call } from "./calls";
import { Ledger } from "./pledges";

const Details = z.record(z.string(), z.unknown());

export const OrgExport = z
  .object({
    format: z.literal("sanad-organisation-export/1"),
    exportedAt: IsoTime,
    organisation: Org,
    members: z.array(Member),
    invitations: z.array(
      z.object({
        email: z.string(),
        role: z.enum(MEMBER_ROLES),
        createdAt: IsoTime,
        acceptedAt: IsoTime.nullable(),
      }),
    ),
    applications: z.array(OrgApplication),
    awards: z.array(
      z.object({
        id: z.string(),
        applicationId: z.string(),
        callId: z.string(),
        funderOrgId: z.string(),
        amount: z.number().int(),
        currency: z.string(),
        awardDate: z.string(),
        fundingType: z.enum(FUNDING_TYPES),
        durationMonths: z.number().int(),
      }),
    ),
    ledger: Ledger,
    calls: z.array(Call).openapi({ description: "A funder's calls (empty for a CSO)" }),
    pledgesMade: z
      .array(
        z.object({
          id: z.string(),
          recipientOrgId: z.string(),
          recipientName: z.string(),
          amount: Money,
          interval: z.enum(PLEDGE_INTERVALS),
          installments: z.number().int().nullable(),
          status: z.enum(PLEDGE_STATUSES),
          createdAt: IsoTime,
        }),
      )
      .openapi({ description: "Pledges a funder organisation made (empty for a CSO)" }),
    notifications: z.array(z.object({ kind: z.string(), data: Details, createdAt: IsoTime })),
    audit: z.array(
      z.object({ at: IsoTime, action: z.string(), actorUserId: z.string().nullable(), data: Details }),
    ),
  })
  .openapi("OrgExport", {
    description: "Everything Sanad holds about the organisation that its owners may see",
  });

export const OrgDelete = z
  .object({
    confirmName: z
      .string()
      .max(400)
      .openapi({ description: "The organisation's name, typed by the owner to confirm" }),
  })
  .strict()
  .openapi("OrgDelete");

export const OrgDeleted = z
  .object({
    id: z.string(),
    deleted: z.literal(true),
    pledgesCancelled: z.number().int(),
    awardsKept: z.number().int().openapi({
      description: "Awards that stay in the equity record, attached to an anonymised, hidden record",
    }),
    applicationsKept: z
      .number()
      .int()
      .openapi({ description: "Submitted applications kept, their answers erased, for selection rates" }),
  })
  .openapi("OrgDeleted");
