// Numeric bounds of the contract that no table or vocabulary holds.

/** Fixed-length recurring pledges: between 2 and 10 years of monthly installments. */
export const MAX_INSTALLMENTS = 120;

/** A light report's answers (what changed, what was hard, what's next), each in code points, when sent. */
export const REPORT_MAX_CHARS = 1000;
/** Photos or a voice note attached to one light report. */
export const MAX_REPORT_UPLOADS = 5;

/** Rapid-response calls ask little: at most three questions. */
export const RAPID_MAX_QUESTIONS = 3;
/** The longest a rapid-response call may promise to take over a decision. */
export const RAPID_MAX_DECISION_DAYS = 60;
/** Reviews each application gets in a `panel` or `peer` call. */
export const MAX_REVIEWS_PER_APPLICATION = 7;
/** A score is 1 (weak) to 5 (strong); a comment is optional and short. */
export const REVIEW_COMMENT_MAX_CHARS = 1000;
