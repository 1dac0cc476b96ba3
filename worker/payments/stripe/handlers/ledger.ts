// The Ledger a handler writes with, bound to one pledge and one delivery.
import type { Db } from "../../../db/client";
import { eventWon, recordPayment, type Pledge } from "../../../db/pledges";
import { loadFxTable } from "../../../db/fx";
import { auditInsertIf } from "../../../db/audit";
import { newId } from "../../../security/random";
import { toUsdCents } from "../../../domain/fx";
import type { Ledger } from "./handler";

/** `token` is the one this delivery wrote with the event id: only the delivery that wrote it "won". */
export const ledgerFor = async (
  db: Db,
  pledge: Pledge,
  event: { id: string; type: string },
  token: string,
): Promise<Ledger> => {
  const fx = await loadFxTable(db);
  const won = eventWon(event.id, token);
  return {
    db,
    pledge,
    event,
    fx,
    won,
    audit: (action, data) =>
      auditInsertIf(
        db,
        {
          actorUserId: null,
          action,
          subjectType: "pledge",
          subjectId: pledge.id,
          data: { stripeEvent: event.id, ...data },
        },
        won,
      ),
    payment: (externalId, amount, at, paymentIntentId) =>
      recordPayment(db, {
        id: newId(),
        pledgeId: pledge.id,
        recipientOrgId: pledge.recipientOrgId,
        amount,
        amountUsd: toUsdCents(amount, fx, at.slice(0, 10)),
        at,
        provider: "stripe",
        externalId,
        stripePaymentIntentId: paymentIntentId,
        reference: externalId,
      }),
  };
};
