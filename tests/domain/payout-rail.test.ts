import { describe, expect, test } from "vitest";
import { PAYOUT_RAILS, PAYOUT_RAIL, ibanChecksumOk, isPayoutRail } from "../../worker/payments/payout-rail";

const bank = {
  accountName: "Tadamon Association",
  accountNumber: "GB82 WEST 1234 5698 7654 32",
  bankName: "Westminster Bank",
  country: "GB",
  swift: "WESTGB2L",
};
const momo = { operator: "M-Pesa", phone: "+254 712 345 678", accountName: "Amina Njoroge" };

describe("payout rails", () => {
  test("every rail kind has a rail of that kind, listing what its form asks", () => {
    for (const kind of PAYOUT_RAILS) expect(PAYOUT_RAIL[kind].kind).toBe(kind);
    expect(Object.keys(PAYOUT_RAIL).sort()).toEqual([...PAYOUT_RAILS].sort());
    expect(PAYOUT_RAIL.mobile_money.fields).toEqual([
      { name: "operator", required: true },
      { name: "phone", required: true },
      { name: "accountName", required: true },
    ]);
    expect(PAYOUT_RAIL.bank.fields.find((f) => f.name === "swift")).toEqual({
      name: "swift",
      required: false,
    });
    expect(isPayoutRail("cash_agent")).toBe(true);
    expect(isPayoutRail("crypto")).toBe(false);
  });

  test("bank: an IBAN's checksum must hold; national account numbers are accepted by shape", () => {
    expect(ibanChecksumOk("GB82WEST12345698765432")).toBe(true);
    expect(ibanChecksumOk("DE89370400440532013000")).toBe(true);
    expect(PAYOUT_RAIL.bank.validate(bank)).toEqual([]);
    expect(PAYOUT_RAIL.bank.validate({ ...bank, accountNumber: "GB82 WEST 1234 5698 7654 33" })).toEqual([
      { field: "accountNumber", problem: "checksum" },
    ]);
    expect(PAYOUT_RAIL.bank.validate({ ...bank, accountNumber: "0123456789", swift: "" })).toEqual([]);
    expect(
      PAYOUT_RAIL.bank.validate({ ...bank, accountName: "  ", country: "Lebanon", swift: "WEST-G" }),
    ).toEqual([
      { field: "accountName", problem: "required" },
      { field: "country", problem: "too_long" },
      { field: "swift", problem: "invalid" },
    ]);
  });

  test("mobile money: the operator is required and the number is international", () => {
    expect(PAYOUT_RAIL.mobile_money.validate(momo)).toEqual([]);
    expect(PAYOUT_RAIL.mobile_money.validate({ ...momo, operator: undefined, phone: "0712345678" })).toEqual([
      { field: "operator", problem: "required" },
      { field: "phone", problem: "invalid" },
    ]);
  });

  test("fiscal host, cash agent, other: names required, optional details checked when given", () => {
    expect(PAYOUT_RAIL.fiscal_host.validate({ hostName: "Kenya Community Fund" })).toEqual([]);
    expect(PAYOUT_RAIL.fiscal_host.validate({ hostName: "K", contactEmail: "not an email" })).toEqual([
      { field: "contactEmail", problem: "invalid" },
    ]);
    expect(PAYOUT_RAIL.cash_agent.validate({ agentName: "Agent 12", location: "Gulu" })).toEqual([
      { field: "recipientName", problem: "required" },
    ]);
    expect(PAYOUT_RAIL.other.validate({ description: "x".repeat(281) })).toEqual([
      { field: "description", problem: "too_long" },
    ]);
  });

  test("payout references have each rail's shape; none may be empty", () => {
    expect(PAYOUT_RAIL.bank.validateReference("GRANT 2026/014-A")).toEqual([]);
    expect(PAYOUT_RAIL.bank.validateReference("x".repeat(36))).toEqual([
      { field: "reference", problem: "invalid" },
    ]);
    expect(PAYOUT_RAIL.mobile_money.validateReference("QGH7X2ABCD")).toEqual([]);
    expect(PAYOUT_RAIL.mobile_money.validateReference("QGH 7X2")).toEqual([
      { field: "reference", problem: "invalid" },
    ]);
    expect(PAYOUT_RAIL.cash_agent.validateReference("MTCN 1234567890")).toEqual([]);
    for (const kind of PAYOUT_RAILS)
      expect(PAYOUT_RAIL[kind].validateReference("  ")).toEqual([
        { field: "reference", problem: "required" },
      ]);
  });

  test("the ledger's description identifies the recipient without a usable account or phone number", () => {
    const b = PAYOUT_RAIL.bank.describe(bank);
    expect(b).toBe("Westminster Bank · GB · Tadamon Association · ••••5432");
    expect(b).not.toContain("WEST1234");
    expect(PAYOUT_RAIL.mobile_money.describe(momo)).toBe("M-Pesa · Amina Njoroge · ••••5678");
    expect(PAYOUT_RAIL.fiscal_host.describe({ hostName: "Kenya Community Fund" })).toBe(
      "Kenya Community Fund",
    );
    expect(
      PAYOUT_RAIL.cash_agent.describe({
        agentName: "Agent 12",
        location: "Gulu",
        recipientName: "A. Okello",
      }),
    ).toBe("Agent 12 · Gulu · A. Okello");
  });
});
