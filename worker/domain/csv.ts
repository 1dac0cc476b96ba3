// RFC 4180 CSV: CRLF line ends; a field is quoted when it holds a comma, a double quote, CR or LF, and
// quotes inside are doubled. Text is UTF-8 as given (Arabic stays Arabic); numbers are written plainly.
export type CsvValue = string | number | boolean | null | undefined;

// CSV (formula) injection, OWASP: https://owasp.org/www-community/attacks/CSV_Injection — a spreadsheet runs
// a cell starting with =, +, -, @, tab or CR as a formula, and text here (organisation names, labels) is
// user-supplied. Such a text cell gets a leading ' so it reads as text; RFC 4180 quoting then applies as usual.
// Only strings are neutralised: a JS number (a negative amount too) is written as a number.
const FORMULA_START = /^[=+\-@\t\r]/;
const neutralise = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);

const field = (v: CsvValue) => {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" ? neutralise(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const toCsv = (header: string[], rows: CsvValue[][]) =>
  [header, ...rows].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
