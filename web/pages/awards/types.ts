// What the award page shows: the public accounting for everyone who may see the group, and the whole
// award (plan, money, references, receipts) for the two sides and admins.
import type { AwardView } from "../../../schema/api/awards";
import type { AwardSummary } from "../../../worker/domain/award-summary";
import type { FormErrors } from "../../components/form";
import type { OfferView } from "../../components/Offer";

export type TrancheRowValues = { dueOn: string; amount: string; afterReport: boolean };
export type DisburseValues = {
  amount: string;
  sentOn: string;
  rail: string;
  via: string;
  reference: string;
  trancheId: string;
};
export type ReceiptValues = { amount: string; currency: string; receivedOn: string; note: string };

export type SentReport = { id: string; submittedAt: string | null; language: string };

export type AwardPageProps = {
  id: string;
  call: { id: string; title: string };
  grantee: { id: string; name: string };
  /** null: the viewer may not see the funder, so it is "a funder". */
  funderName: string | null;
  summary: AwardSummary;
  /** A non-cash award (training seats, mentoring hours, …): shown instead of every money figure. */
  offer: OfferView | null;
  /** null for everyone but the two sides and admins. */
  full: AwardView | null;
  /** The sent reports, for the two sides and admins (empty for everyone else). */
  reports: SentReport[];
  canPlan: boolean;
  canConfirm: boolean;
  notice?: string;
  plan?: { rows: TrancheRowValues[]; errors?: FormErrors };
  disburse?: { values: DisburseValues; errors?: FormErrors };
  receipt?: { disbursementId: string; values: ReceiptValues; errors?: FormErrors };
};
