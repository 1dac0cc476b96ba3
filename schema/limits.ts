// Numeric bounds of the contract that no table or vocabulary holds.

/** Fixed-length recurring pledges: between 2 and 10 years of monthly installments. */
export const MAX_INSTALLMENTS = 120;
