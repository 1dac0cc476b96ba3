// What a panelist or peer reviewer may see of an application: the answers, the amount, and coarse facts
// about the applicant. Built by listing what is kept (never by removing fields from the organisation),
// so a field added to organisations later stays out until someone decides it is safe.
import { LED_BY, type LedBy, type Setting } from "../../schema/enums";
import { fromMask } from "./bitmask";
import { bandOfUsdCents, type SizeBandKey } from "./size-bands";

export interface AnonymisableApplication {
  id: string;
  /** { questionId: answer } */
  answers: Record<string, string>;
  requestedAmount: number | null;
  requestedCurrency: string | null;
}

/** Only the coarse facts are read; anything else on the object is ignored. */
export interface AnonymisableOrg {
  country: string;
  setting: Setting | null;
  /** Bitmask over LED_BY. */
  ledBy: number;
  /** Annual budget already converted to US cents (fx.ts), null when unknown. */
  budgetUsdCents: number | null;
}

export interface AnonymisableCall {
  /** The call's question ids: answers to anything else (stale drafts, removed questions) are dropped. */
  questionIds: string[];
  /** A secret per call (or per deployment): without it, refs cannot be linked back to applications. */
  refSalt: string;
}

export interface AnonymisedApplication {
  ref: string;
  answers: Record<string, string>;
  requestedAmount: { amount: number; currency: string } | null;
  country: string;
  setting: Setting | null;
  sizeBand: SizeBandKey | null;
  ledBy: LedBy[];
}

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

/**
 * The opaque reference: HMAC-SHA-256 of the application id under the call's secret salt, 80 bits in hex.
 * Deterministic (the same application keeps its ref across pages and the tally), but neither the
 * application id nor the organisation can be recovered or guessed from it without the salt.
 */
export const reviewRef = async (applicationId: string, salt: string) =>
  (await reviewRefs([applicationId], salt))[0]!;

/** Refs for many applications of one call: the key is imported once (a tally of 200 did it 200 times). */
export const reviewRefs = async (applicationIds: string[], salt: string) => {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    enc.encode(salt),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return Promise.all(
    applicationIds.map(
      async (id) => `r_${hex(await crypto.subtle.sign("HMAC", key, enc.encode(id))).slice(0, 20)}`,
    ),
  );
};

export const anonymisedApplication = async (
  app: AnonymisableApplication,
  org: AnonymisableOrg,
  call: AnonymisableCall,
): Promise<AnonymisedApplication> => {
  const answers: Record<string, string> = {};
  for (const q of call.questionIds) {
    const answer = app.answers[q];
    if (typeof answer === "string") answers[q] = answer;
  }
  return {
    ref: await reviewRef(app.id, call.refSalt),
    answers,
    requestedAmount:
      app.requestedAmount !== null && app.requestedCurrency !== null
        ? { amount: app.requestedAmount, currency: app.requestedCurrency }
        : null,
    country: org.country,
    setting: org.setting,
    sizeBand: bandOfUsdCents(org.budgetUsdCents)?.key ?? null,
    ledBy: fromMask(org.ledBy, LED_BY),
  };
};
