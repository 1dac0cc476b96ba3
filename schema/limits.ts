// Numeric bounds of the contract that no table or vocabulary holds.

/** Fixed-length recurring pledges: between 2 and 10 years of monthly installments. */
export const MAX_INSTALLMENTS = 120;

/** A light report's answers (what changed, what was hard, what's next), each in code points, when sent. */
export const REPORT_MAX_CHARS = 1000;
/** Photos or a voice note attached to one light report. */
export const MAX_REPORT_UPLOADS = 5;
