// The closed vocabularies of the domain, shared by the tables, the zod schemas and the pages.

export const LOCALES = ["en", "ar", "fr", "es"] as const;
export type Locale = (typeof LOCALES)[number];

export const ORG_KINDS = ["cso", "funder"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const SETTINGS = ["urban", "peri_urban", "rural"] as const;
export type Setting = (typeof SETTINGS)[number];

export const LEGAL_STATUSES = ["registered", "unregistered", "fiscally_sponsored", "movement"] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

/** Order matters: the index is the bit in `led_by` masks stored in the database. Append only. */
export const LED_BY = ["women", "youth", "disabled_people", "displaced_people", "indigenous"] as const;
export type LedBy = (typeof LED_BY)[number];

export const VISIBILITIES = ["public", "funders_only", "hidden"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const MEMBER_ROLES = ["owner", "member"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** The theme taxonomy. Order matters: the index is the bit in `themes` masks. Append only. */
export const THEMES = [
  "womens_rights",
  "youth",
  "climate_environment",
  "peacebuilding",
  "livelihoods",
  "education",
  "health",
  "water_sanitation",
  "human_rights_defence",
  "displaced_people",
  "disability_inclusion",
  "digital_rights",
  "local_governance",
  "arts_culture",
  "humanitarian_response",
] as const;
export type Theme = (typeof THEMES)[number];

export const CIVIC_SPACE = ["open", "narrowed", "obstructed", "repressed", "closed"] as const;
export type CivicSpace = (typeof CIVIC_SPACE)[number];

export const INCOME_GROUPS = ["LIC", "LMC", "UMC", "HIC"] as const;
export type IncomeGroup = (typeof INCOME_GROUPS)[number];

/** non_cash: an offer of help other than money (OFFER_KINDS), posted with `offer` instead of a grant. */
export const FUNDING_TYPES = ["core", "project", "non_cash"] as const;
export type FundingType = (typeof FUNDING_TYPES)[number];

export const CALL_STATUSES = ["draft", "open", "closed"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** `rapid`: rolling (no deadline), at most RAPID_MAX_QUESTIONS questions, decided within a stated number of days. */
export const CALL_KINDS = ["standard", "rapid"] as const;
export type CallKind = (typeof CALL_KINDS)[number];

/** Who scores applications: the funder alone, a panel of invited community members, or the applicants. */
export const REVIEW_MODES = ["funder", "panel", "peer"] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];

/** An invitation to join an organisation (`member`) or a call's review panel (`panel`). */
export const INVITATION_KINDS = ["member", "panel"] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

/** A review assignment waits (`assigned`), is scored (`done`) or was handed back with a declared `conflict`. */
export const ASSIGNMENT_STATUSES = ["assigned", "done", "conflict"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "under_review",
  "awarded",
  "declined",
  "withdrawn",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const DECISIONS = ["award", "decline"] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECLINE_REASONS = [
  "outside_focus",
  "budget",
  "eligibility",
  "incomplete",
  "competition",
  "other",
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const PLEDGE_INTERVALS = ["once", "month", "year"] as const;
export type PledgeInterval = (typeof PLEDGE_INTERVALS)[number];

export const PLEDGE_STATUSES = ["pending", "active", "completed", "cancelled", "failed"] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

export const PAYMENT_PROVIDERS = ["stripe", "manual"] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];

/** Ledger entry kinds stored in `payments` (pledges themselves are entries of kind "pledge" on the ledger). */
/** How money reaches a grantee (worker/payments/payout-rail.ts says what each needs). */
export const PAYOUT_RAILS = ["bank", "mobile_money", "fiscal_host", "cash_agent", "other"] as const;
export type PayoutRailKind = (typeof PAYOUT_RAILS)[number];

/** What an upload may be, decided from its bytes (never its name or declared type). */
export const UPLOAD_KINDS = ["jpeg", "png", "webp", "pdf", "mp3", "ogg", "m4a"] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

/** The three questions of a light report. */
export const REPORT_QUESTIONS = ["changed", "hard", "next"] as const;
export const REPORT_STATUSES = ["draft", "submitted"] as const;

export const PAYMENT_KINDS = ["payment", "refund"] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/** What the equity report can group by; the query schema, the SQL and the report page all list these. */
export const DIMENSIONS = [
  "country",
  "region",
  "incomeGroup",
  "globalSouth",
  "legalStatus",
  "sizeBand",
  "ledBy",
  "setting",
  "civicSpace",
  "theme",
  "trustLevel",
  "fundingType",
  "funder",
  "year",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** What a non-cash offer gives: seats on a training, mentoring hours, travel, in-kind help or legal aid. */
export const OFFER_KINDS = ["training", "mentoring", "travel", "in_kind", "legal_aid"] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/** Creative Commons choices for the library (and "other" with the licence named in the summary). */
export const LICENCES = ["cc0", "cc_by", "cc_by_sa", "cc_by_nc", "cc_by_nc_sa", "other"] as const;
export type Licence = (typeof LICENCES)[number];

/** A library resource waits for moderation, is published, or was turned down. */
export const RESOURCE_STATUSES = ["pending", "published", "rejected"] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];
