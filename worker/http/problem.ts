// RFC 9457 problem documents: a Problem (worker/core/problem.ts) as the API's JSON body, its title in the
// viewer's language.
import type { MessageKey, Translate } from "../i18n";
import type { Problem } from "../core/problem";

const TITLES: Record<number, MessageKey> = {
  400: "error.bad_request",
  401: "error.sign_in",
  403: "error.forbidden",
  404: "error.not_found",
  409: "error.conflict",
  413: "error.too_large",
  415: "error.bad_request",
  422: "error.bad_request",
  429: "error.too_many",
  500: "error.server",
};

/** RFC 9457's `instance` names this occurrence: the request, by the id in its log line. */
export const requestInstance = (requestId: string) => `urn:sanad:request:${requestId}`;

export const problemBody = (
  p: Problem,
  t: Translate,
  { titleParams, requestId }: { titleParams?: Record<string, string | number>; requestId?: string } = {},
) => ({
  type: p.status === 500 ? "about:blank" : `https://sanad.example/problems/${p.status}`,
  title: t(TITLES[p.status] ?? "error.title", titleParams),
  status: p.status,
  ...(p.detail ? { detail: p.detail } : {}),
  ...(p.errors?.length ? { errors: p.errors } : {}),
  ...p.extra,
  // Last, so no `extra` can overwrite them. `requestId` too, bare: what a user quotes to support.
  ...(requestId ? { instance: requestInstance(requestId), requestId } : {}),
});
