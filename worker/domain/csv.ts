// RFC 4180 CSV: CRLF line ends; a field is quoted when it holds a comma, a double quote, CR or LF, and
// quotes inside are doubled. Text is UTF-8 as given (Arabic stays Arabic); numbers are written plainly.
export type CsvValue = string | number | boolean | null | undefined;

const field = (v: CsvValue) => {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const toCsv = (header: string[], rows: CsvValue[][]) => [header, ...rows].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
