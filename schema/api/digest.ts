// The weekly digest of new calls: a member's opt-in for one of their organisations.
import { z } from "@hono/zod-openapi";

export const DigestToggle = z.object({ on: z.boolean() }).openapi("DigestToggle");

export const DigestState = z.object({ orgId: z.string(), on: z.boolean() }).openapi("DigestState", {
  description:
    "on: every Monday, a mail in the member's language listing the open calls published that week the organisation is eligible for",
});
