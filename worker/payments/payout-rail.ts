// How money reaches a grantee. Sanad records disbursements, it never sends money: a rail is a way of
// paying out, and this is what each needs to know, how to check what a person typed (a disbursement's
// reference is checked here before it is recorded), and how the ledger names the recipient. Checks are of
// form only: no account, phone number or host is looked up, so "valid" means "worth trying", never
// "confirmed".

import { PAYOUT_RAILS, type PayoutRailKind } from "../../schema/enums";

export { PAYOUT_RAILS, type PayoutRailKind };

/** What a grantee gives for each rail. */
export type PayoutDetails = {
  bank: { accountName: string; accountNumber: string; bankName: string; country: string; swift?: string };
  /** `operator` as the grantee names it (M-Pesa, MTN MoMo, Orange Money…): operators change too often to list. */
  mobile_money: { operator: string; phone: string; accountName: string };
  /** A host organisation that receives and accounts for the grant for a group that cannot hold it itself. */
  fiscal_host: { hostName: string; contactEmail?: string; agreementReference?: string };
  /** Cash collected at an agent (a money-transfer network or a local agent) by a named person. */
  cash_agent: { agentName: string; location: string; recipientName: string };
  other: { description: string };
};

export type PayoutProblem = { field: string; problem: "required" | "too_long" | "invalid" | "checksum" };

export interface PayoutRail<K extends PayoutRailKind> {
  readonly kind: K;
  /** The details a form asks for, in order, and which of them it must have. */
  readonly fields: readonly { name: keyof PayoutDetails[K] & string; required: boolean }[];
  /** What is wrong with details as typed (values are trimmed first); empty when they are worth trying. */
  validate(details: Readonly<Record<string, string | undefined>>): PayoutProblem[];
  /**
   * Whether `reference` has the shape of this rail's proof that a payout was made (a bank's payment
   * reference, an operator's transaction id, a receipt number); problems name the field "reference".
   */
  validateReference(reference: string): PayoutProblem[];
  /** The recipient as the ledger will show it: enough to recognise, never a whole account or phone number. */
  describe(details: PayoutDetails[K]): string;
}

type FieldRule = {
  required: boolean;
  max: number;
  /** The value (trimmed, non-empty, not too long) is wrong: how. */
  check?: (value: string) => "invalid" | "checksum" | null;
};

const compact = (v: string) => v.replace(/[\s-]/g, "").toUpperCase();
const formatted = (re: RegExp) => (v: string) => (re.test(v) ? null : ("invalid" as const));

/** ISO 13616: the country and check digits moved to the end, letters as numbers, the whole ≡ 1 (mod 97). */
export const ibanChecksumOk = (iban: string) => {
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
};

/** An IBAN when it has an IBAN's shape (and then its checksum must hold); otherwise a national number. */
const accountNumber = (v: string) => {
  const n = compact(v);
  if (/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(n)) return ibanChecksumOk(n) ? null : "checksum";
  return /^[A-Z0-9]{4,34}$/.test(n) ? null : "invalid";
};

/** Only the last four characters, so a ledger reader can tell accounts apart without being able to use one. */
const lastFour = (v: string) => `••••${compact(v).slice(-4)}`;

const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(" · ");

const rail = <K extends PayoutRailKind>(
  kind: K,
  rules: { [F in keyof PayoutDetails[K] & string]-?: FieldRule },
  /** The rail's payout reference, trimmed. */
  reference: RegExp,
  describe: (details: PayoutDetails[K]) => string,
): PayoutRail<K> => {
  const entries = Object.entries(rules) as [keyof PayoutDetails[K] & string, FieldRule][];
  return {
    kind,
    fields: entries.map(([name, r]) => ({ name, required: r.required })),
    validate: (details) =>
      entries.flatMap(([field, r]): PayoutProblem[] => {
        const value = (details[field] ?? "").trim();
        if (!value) return r.required ? [{ field, problem: "required" }] : [];
        if (value.length > r.max) return [{ field, problem: "too_long" }];
        const problem = r.check?.(value);
        return problem ? [{ field, problem }] : [];
      }),
    validateReference: (ref) => {
      const value = ref.trim();
      if (!value) return [{ field: "reference", problem: "required" }];
      return reference.test(value) ? [] : [{ field: "reference", problem: "invalid" }];
    },
    describe,
  };
};

const name = (required: boolean, max = 140): FieldRule => ({ required, max });

export const PAYOUT_RAIL: { readonly [K in PayoutRailKind]: PayoutRail<K> } = {
  bank: rail(
    "bank",
    {
      accountName: name(true),
      accountNumber: { required: true, max: 42, check: accountNumber },
      bankName: name(true),
      // Two letters; whether such a country exists is for the reference data once payouts are stored.
      country: { required: true, max: 2, check: formatted(/^[A-Z]{2}$/) },
      swift: {
        required: false,
        max: 11,
        check: (v) => formatted(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/)(compact(v)),
      },
    },
    // A SWIFT/SEPA remittance reference: at most 35 characters of the set banks carry unchanged.
    /^[A-Za-z0-9/?:().,'+ -]{1,35}$/,
    (d) => joined(d.bankName, d.country, d.accountName, lastFour(d.accountNumber)),
  ),
  mobile_money: rail(
    "mobile_money",
    {
      operator: name(true, 60),
      // International form (E.164): the same number must work whichever country's operator sends.
      phone: {
        required: true,
        max: 24,
        check: (v) => formatted(/^\+[1-9]\d{7,14}$/)(v.replace(/[\s().-]/g, "")),
      },
      accountName: name(true),
    },
    // Operators' transaction ids: letters and digits (M-Pesa's are ten, others' longer or numeric).
    /^[A-Za-z0-9]{6,30}$/,
    (d) => joined(d.operator, d.accountName, lastFour(d.phone)),
  ),
  fiscal_host: rail(
    "fiscal_host",
    {
      hostName: name(true),
      contactEmail: { required: false, max: 254, check: formatted(/^[^\s@]+@[^\s@]+\.[^\s@]+$/) },
      agreementReference: name(false, 100),
    },
    // The host's own voucher or transfer number, in whatever form its accounts use.
    /^\S.{0,99}$/,
    (d) => joined(d.hostName, d.agreementReference),
  ),
  cash_agent: rail(
    "cash_agent",
    { agentName: name(true), location: name(true), recipientName: name(true) },
    // A receipt or control number, as printed on the agent's slip.
    /^[A-Za-z0-9/ -]{4,40}$/,
    (d) => joined(d.agentName, d.location, d.recipientName),
  ),
  other: rail("other", { description: name(true, 280) }, /^\S.{0,99}$/, (d) => d.description.trim()),
};

export const isPayoutRail = (kind: string): kind is PayoutRailKind =>
  (PAYOUT_RAILS as readonly string[]).includes(kind);
