// The one error type thrown anywhere (actions, data checks, HTTP helpers): a status, a sentence, field
// errors. Neutral ground: actions and HTTP both import it, and it imports neither. worker/http/problem.ts
// renders it as an RFC 9457 document; worker/http/errors.tsx as a page or a form with messages.
import type { ZodError } from "zod";
import type { Translate } from "../i18n";
import { isMessageKey } from "../i18n";

export type FieldError = { path: string; message: string };

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly detail?: string,
    readonly errors?: FieldError[],
    /** Extra members of the problem document, e.g. `current` (the server copy) on a 409. */
    readonly extra?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? `HTTP ${status}`);
  }
}

/** A zod issue → a message in the viewer's language. Schemas put message keys ("err.email") in `error`. */
export const issueMessage = (issue: ZodError["issues"][number], t: Translate): string => {
  if (issue.message && isMessageKey(issue.message)) return t(issue.message);
  const i = issue as unknown as Record<string, unknown>;
  switch (issue.code) {
    case "invalid_type":
      if (i.input === undefined || i.received === "undefined" || /received undefined/.test(issue.message))
        return t("err.required");
      return i.expected === "number" ? t("err.number") : t("err.invalid");
    case "too_small":
      if (i.origin === "string")
        return Number(i.minimum) <= 1 ? t("err.required") : t("err.too_short", { min: Number(i.minimum) });
      if (i.origin === "array" || i.origin === "set") return t("err.too_few", { min: Number(i.minimum) });
      return t("err.too_small", { min: Number(i.minimum) });
    case "too_big":
      if (i.origin === "string") return t("err.too_long", { max: Number(i.maximum) });
      if (i.origin === "array" || i.origin === "set") return t("err.too_many", { max: Number(i.maximum) });
      return t("err.too_big", { max: Number(i.maximum) });
    case "invalid_value":
      return t("err.choose");
    case "invalid_format":
      return i.format === "email" ? t("err.email") : t("err.invalid");
    case "unrecognized_keys":
      return t("err.unknown_field");
    default:
      return /integer/i.test(issue.message) ? t("err.integer") : t("err.invalid");
  }
};

export const zodFieldErrors = (error: ZodError, t: Translate): FieldError[] =>
  error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join(".") || "body";
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((k) => ({
        path: base === "body" ? k : `${base}.${k}`,
        message: t("err.unknown_field"),
      }));
    return [{ path: base, message: issueMessage(issue, t) }];
  });
