import { describe, expect, test } from "vitest";
import { toCsv } from "../../worker/domain/csv";

/** The one data row of a CSV with a single-column header, without its line end. */
const cell = (v: Parameters<typeof toCsv>[1][number][number]) => toCsv(["h"], [[v]]).split("\r\n")[1];

describe("CSV formula injection (OWASP)", () => {
  test("a text cell starting with =, +, -, @, tab or CR gets a leading single quote", () => {
    expect(cell('=HYPERLINK("http://evil.example","x")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    );
    expect(cell("=1+1")).toBe("'=1+1");
    expect(cell("+1+1")).toBe("'+1+1");
    expect(cell("-2+3")).toBe("'-2+3");
    expect(cell("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(cell("\t=1+1")).toBe("'\t=1+1");
    // A CR still needs RFC 4180 quoting after the quote mark is added.
    expect(cell("\r=1+1")).toBe(`"'\r=1+1"`);
    // Text that only looks like a number is still text, so it is neutralised too.
    expect(cell("-12.5")).toBe("'-12.5");
  });

  test("ordinary text, numbers (negative ones too), booleans and empty cells are unchanged", () => {
    expect(cell("Open Horizons Fund")).toBe("Open Horizons Fund");
    expect(cell("صندوق الأمل للتنمية")).toBe("صندوق الأمل للتنمية");
    expect(cell("a=b")).toBe("a=b");
    expect(cell("x-1")).toBe("x-1");
    expect(cell("'already quoted")).toBe("'already quoted");
    expect(cell(-12.5)).toBe("-12.5");
    expect(cell(-3)).toBe("-3");
    expect(cell(0)).toBe("0");
    expect(cell(1_000_000)).toBe("1000000");
    expect(cell(true)).toBe("true");
    expect(cell(null)).toBe("");
    expect(cell(undefined)).toBe("");
  });

  test("RFC 4180: CRLF line ends, quoting commas, quotes, CR and LF, doubled quotes", () => {
    const csv = toCsv(
      ["name", "amount"],
      [
        ['Fonds "Solidarité", Sahel', 50000],
        ["line\nbreak", -1],
        ["plain", 2],
      ],
    );
    expect(csv).toBe('name,amount\r\n"Fonds ""Solidarité"", Sahel",50000\r\n"line\nbreak",-1\r\nplain,2\r\n');
    expect(toCsv(["a", "b"], [['-x,"y"', -7]])).toBe(`a,b\r\n"'-x,""y""",-7\r\n`);
  });
});
