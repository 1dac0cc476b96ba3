// The human-readable API reference page, built from the same OpenAPI document the JSON route serves.
import { Hono } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { ApiDocsPage, type Operation } from "../../web/pages/ApiDocs";

type Doc = {
  paths?: Record<
    string,
    Record<
      string,
      {
        summary?: string;
        tags?: string[];
        parameters?: { name: string; in: string }[];
        requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
        responses?: Record<string, { description?: string }>;
        security?: unknown[];
      }
    >
  >;
};

const operationsOf = (doc: Doc): Operation[] =>
  Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method,
      path,
      summary: op.summary ?? "",
      tag: op.tags?.[0] ?? "Other",
      params: (op.parameters ?? []).map((p) => `${p.name} (${p.in})`),
      body:
        Object.values(op.requestBody?.content ?? {})[0]
          ?.schema?.$ref?.split("/")
          .pop() ?? (op.requestBody ? "JSON" : null),
      responses: Object.entries(op.responses ?? {}).map(([status, r]) => ({
        status,
        description: r.description ?? "",
      })),
      auth: !!op.security?.length,
    })),
  );

export const docsRoutes = (app: OpenAPIHono<AppEnv>) => {
  let operations: Operation[] | null = null;
  return new Hono<AppEnv>().get("/api/v1/docs", (c) => {
    operations ??= operationsOf(
      app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "Sanad API", version: "1.0.0" } }) as Doc,
    );
    return renderPage(c, <ApiDocsPage operations={operations} />);
  });
};
