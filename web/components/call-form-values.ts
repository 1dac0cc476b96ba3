// The call form's fields as typed text (worker/http/call-form.ts converts them to and from the API's call).

export type QuestionValues = { id: string; label: string; maxChars: string };

export type CallFormValues = {
  funderOrgId: string;
  title: string;
  summary: string;
  languages: string;
  themes: string[];
  countries: string[];
  globalSouthOnly: boolean;
  legalStatuses: string[];
  maxBudgetAmount: string;
  maxBudgetCurrency: string;
  requiredLedBy: string[];
  /** "0"–"4"; "0" asks for no minimum trust level. */
  minTrustLevel: string;
  prioLedBy: string[];
  prioSettings: string[];
  prioThemes: string[];
  grantMin: string;
  grantMax: string;
  grantCurrency: string;
  fundingType: string;
  /** Non-cash calls: an OFFER_KINDS value and a count (empty on money calls). */
  offerWhat: string;
  offerQuantity: string;
  durationMonths: string;
  deadline: string;
  /** "standard" | "rapid" */
  kind: string;
  decisionWithinDays: string;
  /** "auto" (confidential when rapid), "yes" or "no". */
  confidential: string;
  /** "funder" | "panel" | "peer" */
  reviewMode: string;
  reviewsPerApplication: string;
  questions: QuestionValues[];
  version: string;
};
