// The mailer a use case gets from a request: links point at the origin the person is using, and new
// outbox rows go to the mail queue.
import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { Mailer } from "../mail/compose";
import { enqueueMail } from "../mail/delivery";

export const mailerFor = (c: Context<AppEnv>): Mailer => ({
  origin: new URL(c.req.url).origin,
  send: (ids) => enqueueMail(c.env.MAIL_QUEUE, ids),
});

/** The development mail viewer exists only where SANAD_ENV says development (404 everywhere else). */
export const devMailEnabled = (c: Context<AppEnv>) => c.env.SANAD_ENV === "development";
