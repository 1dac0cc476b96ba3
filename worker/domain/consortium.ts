// Consortium applications, as pure rules: a valid list of partners, whose consent survives an edit,
// what blocks the submission, and how an award's money is split by share.

export type PartnerTerms = { orgId: string; role: string; share: number };
export type PartnerState = PartnerTerms & { consentedAt: string | null; consentedBy: string | null };
export type ConsortiumProblem = { path: string; key: string };

/** Whole percent the lead keeps: what the partners do not take. */
export const leadShare = (partners: readonly { share: number }[]) =>
  100 - partners.reduce((s, p) => s + p.share, 0);

/**
 * Problems of the list itself (each partner's existence and visibility is checked against the data):
 * distinct organisations, not the lead, and the lead keeping at least 1 %.
 */
export const partnerListProblems = (
  partners: readonly PartnerTerms[],
  leadOrgId: string,
): ConsortiumProblem[] => {
  const problems: ConsortiumProblem[] = [];
  const seen = new Set<string>();
  partners.forEach((p, i) => {
    if (p.orgId === leadOrgId) problems.push({ path: `partners.${i}.orgId`, key: "partner.err.lead" });
    else if (seen.has(p.orgId)) problems.push({ path: `partners.${i}.orgId`, key: "partner.err.duplicate" });
    seen.add(p.orgId);
  });
  if (leadShare(partners) < 1) problems.push({ path: "partners", key: "partner.err.share_total" });
  return problems;
};

/**
 * The new list with the consents that still hold: a partner consented to a role and a share, so a change
 * of either (or leaving and coming back) asks it again.
 */
export const carryConsents = (before: readonly PartnerState[], after: readonly PartnerTerms[]) =>
  after.map((p): PartnerState => {
    const old = before.find((b) => b.orgId === p.orgId);
    const same = old && old.role === p.role && old.share === p.share;
    return { ...p, consentedAt: same ? old.consentedAt : null, consentedBy: same ? old.consentedBy : null };
  });

/** Partners the list gains (they are told they were named). */
export const addedPartners = (before: readonly { orgId: string }[], after: readonly PartnerTerms[]) =>
  after.filter((p) => !before.some((b) => b.orgId === p.orgId));

/** Submission waits for every partner's consent, each named by its place in the list. */
export const consentProblems = (partners: readonly { consentedAt: string | null }[]): ConsortiumProblem[] =>
  partners.flatMap((p, i) =>
    p.consentedAt ? [] : [{ path: `partners.${i}`, key: "partner.err.no_consent" }],
  );

/**
 * A partner's part of an amount (US cents): rounded down, so the lead's part (the rest) absorbs the
 * rounding and the parts always add up to the award.
 */
export const partnerPart = (amount: number, share: number) => Math.floor((amount * share) / 100);
