// Awards in the 360Giving Data Standard's grant shape (schema 1.4), validated in tests against the
// official schema. Organisations the caller may not see are anonymised: no name, no id that links
// their grants together, no location, no themes.
import { minorUnitExponent } from "./money";
import { fromMask } from "./bitmask";
import { THEMES, type FundingType, type Visibility } from "../../schema/enums";

/** One award with its call, recipient and funder: what a grant record is made from. */
export type ExportAward = {
  id: string;
  amount: number;
  currency: string;
  awardDate: string;
  fundingType: FundingType;
  durationMonths: number;
  callId: string;
  callTitle: string;
  orgId: string;
  orgName: string;
  orgCountry: string;
  orgVisibility: Visibility;
  /** Bit mask over THEMES. */
  orgThemes: number;
  funderId: string;
  funderName: string;
  funderVisibility: Visibility;
  modified: string;
  /** The award's tranches in order (JSON `[{ dueOn, amount }]` from SQL; amounts in the award's currency). */
  tranches: string | null;
  /** How many disbursements were recorded, and their sum in the award's currency (minor units). */
  disbursements: number;
  disbursed: number;
};

type Tranche = { dueOn: string; amount: number };

/**
 * The grant period first, then one planned date per tranche: 360Giving's Event has no amount, so the
 * planned payment goes in its description as a plain number and currency code (language-neutral).
 */
const plannedDates = (a: ExportAward) => {
  const tranches: Tranche[] = a.tranches ? JSON.parse(a.tranches) : [];
  return [
    { startDate: a.awardDate, duration: a.durationMonths },
    ...tranches.map((t, i) => ({
      title: `Tranche ${i + 1}/${tranches.length}`,
      startDate: t.dueOn,
      description: `${majorUnits(t.amount, a.currency)} ${a.currency}`,
    })),
  ];
};

export type Giving360Options = {
  /** The publisher's 360Giving identifier prefix, e.g. "360G-sanad". */
  prefix: string;
  /** Visibilities the caller may see; any other organisation is anonymised. */
  visible: Visibility[];
  countryName: (code: string) => string;
  anonymousName: string;
  fundingTypeTitle: (t: FundingType) => string;
  themeTitle: (t: string) => string;
};

/** Minor units → the decimal number 360Giving expects (12340 KWD fils → 12.34). */
export const majorUnits = (amount: number, currency: string) => {
  const exp = minorUnitExponent(currency);
  return Number((amount / 10 ** exp).toFixed(exp));
};

export const toGrant = (a: ExportAward, o: Giving360Options) => {
  const shown = o.visible.includes(a.orgVisibility);
  const funderShown = o.visible.includes(a.funderVisibility);
  const recipient = shown
    ? { id: `${o.prefix}-org-${a.orgId}`, name: a.orgName, addressCountry: a.orgCountry }
    : { id: `${o.prefix}-anon-${a.id}`, name: o.anonymousName };
  const funder = funderShown
    ? { id: `${o.prefix}-org-${a.funderId}`, name: a.funderName }
    : { id: `${o.prefix}-anon-funder-${a.id}`, name: o.anonymousName };
  return {
    id: `${o.prefix}-${a.id}`,
    title: a.callTitle.slice(0, 140),
    description: shown
      ? `${o.fundingTypeTitle(a.fundingType)}: ${a.callTitle} — ${a.orgName}`
      : `${o.fundingTypeTitle(a.fundingType)}: ${a.callTitle}`,
    currency: a.currency,
    amountAwarded: majorUnits(a.amount, a.currency),
    awardDate: a.awardDate,
    recipientOrganization: [recipient],
    fundingOrganization: [funder],
    ...(shown
      ? { beneficiaryLocation: [{ countryCode: a.orgCountry, name: o.countryName(a.orgCountry) }] }
      : {}),
    plannedDates: plannedDates(a),
    // Only once Sanad has a disbursement on record: older awards were paid outside it, not "0 paid".
    ...(a.disbursements > 0 ? { amountDisbursed: majorUnits(a.disbursed, a.currency) } : {}),
    grantProgramme: [{ code: a.callId, title: a.callTitle }],
    classifications: [
      { vocabulary: "sanad:funding-type", code: a.fundingType, title: o.fundingTypeTitle(a.fundingType) },
      ...(shown
        ? fromMask(a.orgThemes, THEMES).map((t) => ({
            vocabulary: "sanad:theme",
            code: t,
            title: o.themeTitle(t),
          }))
        : []),
    ],
    fromOpenCall: "Yes",
    dateModified: a.modified,
  };
};
