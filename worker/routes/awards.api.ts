// JSON API: an award's money after the decision — the plan (tranches), disbursements (by the funder, or by
// admins from pooled pledge money) and the receipt the receiving group confirms.
import { createRoute } from "@hono/zod-openapi";
import { createApi, json, jsonBody, pick, security } from "../http/openapi";
import { IdParam } from "../../schema/api/common";
import {
  Award,
  TranchePlanBody,
  DisbursementCreate,
  PledgeDisbursementCreate,
  ReceiptCreate,
  Disbursement,
} from "../../schema/api/awards";
import {
  viewAward,
  setTranches,
  disburseAward,
  disbursePledge,
  confirmReceipt,
} from "../actions/award-money";
import { viewerOf } from "../http/guards";

const tags = ["Awards"];

export const awardsApi = createApi()
  .openapi(
    createRoute({
      method: "get",
      path: "/awards/{id}",
      tags,
      security,
      summary:
        "An award with its tranches, disbursements, receipts and totals (the group's members, the funder's members, admins)",
      request: { params: IdParam },
      responses: { 200: json(Award, "The award"), ...pick(401, 404) },
    }),
    async (c) => c.json(await viewAward(c.get("db"), viewerOf(c), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/awards/{id}/tranches",
      tags,
      security,
      summary:
        "Replace the plan (the funder's members): tranches in the award's currency adding up to it; refused once money was sent against a tranche",
      request: { params: IdParam, ...jsonBody(TranchePlanBody) },
      responses: { 200: json(Award, "The award with its new plan"), ...pick(400, 401, 403, 404, 409, 422) },
    }),
    async (c) =>
      c.json(
        await setTranches(
          c.get("db"),
          c.get("t"),
          c.get("locale"),
          viewerOf(c),
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/awards/{id}/disbursements",
      tags,
      security,
      summary:
        "Record money sent for the award (the funder's members); its US-dollar value is fixed at the rate of `sentOn`",
      request: { params: IdParam, ...jsonBody(DisbursementCreate) },
      responses: { 201: json(Disbursement, "Recorded"), ...pick(400, 401, 403, 404, 409, 422) },
    }),
    async (c) =>
      c.json(
        await disburseAward(
          c.get("db"),
          c.get("t"),
          c.get("locale"),
          viewerOf(c),
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/pledges/{id}/disbursements",
      tags,
      security,
      summary:
        "Send pooled pledge money to the pledge's recipient (admins); at most what was paid in for the pledge",
      request: { params: IdParam, ...jsonBody(PledgeDisbursementCreate) },
      responses: { 201: json(Disbursement, "Recorded"), ...pick(400, 401, 403, 404, 409, 422) },
    }),
    async (c) =>
      c.json(
        await disbursePledge(
          c.get("db"),
          c.get("t"),
          c.get("locale"),
          viewerOf(c),
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/disbursements/{id}/receipt",
      tags,
      security,
      summary:
        "Confirm what arrived and when (the receiving group's members, once); the loss on the way is computed in US dollars",
      request: { params: IdParam, ...jsonBody(ReceiptCreate) },
      responses: {
        200: json(Disbursement, "The disbursement with its receipt"),
        ...pick(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) =>
      c.json(
        await confirmReceipt(
          c.get("db"),
          c.get("t"),
          c.get("locale"),
          viewerOf(c),
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
        200,
      ),
  );
