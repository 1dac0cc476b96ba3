// The benchmark's SQL capture: only when the environment enables it and the request asks for it, and
// then every statement (single queries and batches) with its parameters.
import { afterEach, describe, expect, test, vi } from "vitest";
import { Client, workerWith } from "../helpers/client";
import { orgOwner } from "../helpers/world";

const captured = () => {
  const spy = vi.spyOn(console, "log").mockImplementation(() => {});
  return () =>
    spy.mock.calls
      .map((c) => String(c[0]))
      .filter((l) => l.startsWith("sanad-sql "))
      .map((l) => JSON.parse(l.slice("sanad-sql ".length)) as { sql: string; params: unknown[] });
};
afterEach(() => vi.restoreAllMocks());

describe("SQL capture for the benchmark", () => {
  test("with SANAD_SQL_LOG=1 and the header: every statement with its parameters, batches included", async () => {
    const cso = await orgOwner();
    const logged = Object.assign(new Client(workerWith({ SANAD_SQL_LOG: "1" })), { cookies: cso.cookies });
    const lines = captured();
    const res = await logged.fetch(`/api/v1/orgs/${cso.org.id}/matches`, {
      headers: { "X-Sanad-Sql-Log": "1" },
    });
    expect(res.status).toBe(200);
    const statements = lines();
    expect(statements.some((s) => /from "orgs"/i.test(s.sql) && s.params.includes(cso.org.id))).toBe(true);
    // The report's three queries go to D1 in one batch; each is printed (from the rollup when unfiltered,
    // from the events with a period starting inside a year: whole years read org_equity_by_funder).
    const reporter = new Client(workerWith({ SANAD_SQL_LOG: "1" }));
    expect(
      (
        await reporter.fetch("/api/v1/reports/equity?groupBy=country", {
          headers: { "X-Sanad-Sql-Log": "1" },
        })
      ).status,
    ).toBe(200);
    expect(lines().filter((s) => s.sql.includes("FROM org_equity")).length).toBe(3);
    expect(
      (
        await reporter.fetch("/api/v1/reports/equity?groupBy=country&from=2020-03-01", {
          headers: { "X-Sanad-Sql-Log": "1" },
        })
      ).status,
    ).toBe(200);
    // Over the period's events: the per-organisation figures (shares, Gini), the overall and per-country
    // groups, the after-award measures (disbursements of the same awards) and the non-cash offers by kind;
    // the confidential count is one more statement, without the union.
    const period = lines().filter((s) => s.params.includes("2020-03-01"));
    expect(period.filter((s) => s.sql.includes("UNION ALL")).length).toBe(5);
    expect(period.length).toBe(6);
  });

  test("without the header, or without the environment switch, nothing is printed", async () => {
    const lines = captured();
    await new Client(workerWith({ SANAD_SQL_LOG: "1" })).fetch("/api/v1/calls");
    await new Client().fetch("/api/v1/calls", { headers: { "X-Sanad-Sql-Log": "1" } });
    expect(lines()).toEqual([]);
  });
});
