// Request and response shapes for partners: "looking for partners" posts on a call, and the partner
// organisations of a consortium application with their role, share and consent.
import { z } from "@hono/zod-openapi";
import { Id, IsoTime } from "./common";

export const MAX_PARTNERS = 5;

export const PartnerPostCreate = z
  .object({ orgId: Id, message: z.string().trim().min(10).max(1000) })
  .openapi("PartnerPostCreate");

export const PartnerPost = z
  .object({
    id: z.string(),
    callId: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    message: z.string(),
    createdAt: IsoTime,
    closedAt: IsoTime.nullable(),
  })
  .openapi("PartnerPost");
export type PartnerPostView = z.infer<typeof PartnerPost>;

/** One partner as the lead writes it: the share is whole percent, the lead keeps 100 − Σ shares. */
export const PartnerInput = z.object({
  orgId: Id,
  role: z.string().trim().min(2).max(100),
  share: z.number().int().min(1).max(99),
});
export const PartnerList = z.array(PartnerInput).max(MAX_PARTNERS);

export const ApplicationPartner = z
  .object({
    orgId: z.string(),
    name: z.string(),
    role: z.string(),
    share: z.number().int(),
    consented: z.boolean(),
    consentedAt: IsoTime.nullable(),
  })
  .openapi("ApplicationPartner");
export type ApplicationPartnerView = z.infer<typeof ApplicationPartner>;

/** A consortium application waiting for (or holding) one of the viewer's organisations' consent. */
export const ConsortiumRequest = z
  .object({
    applicationId: z.string(),
    callId: z.string(),
    callTitle: z.string(),
    status: z.string(),
    leadOrgId: z.string(),
    leadName: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    role: z.string(),
    share: z.number().int(),
    consented: z.boolean(),
  })
  .openapi("ConsortiumRequest");
export type ConsortiumRequestView = z.infer<typeof ConsortiumRequest>;

export const OrgPartnerParam = z.object({
  id: Id.openapi({ param: { name: "id", in: "path" } }),
  orgId: Id.openapi({ param: { name: "orgId", in: "path" } }),
});
