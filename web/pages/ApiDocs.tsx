// A readable API reference rendered on the server from the OpenAPI document (no JavaScript, no CDN).
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";

export type Operation = {
  method: string;
  path: string;
  summary: string;
  tag: string;
  params: string[];
  body: string | null;
  responses: { status: string; description: string }[];
  auth: boolean;
};

export const ApiDocsPage = ({ operations }: { operations: Operation[] }) => {
  const { t } = usePage();
  const tags = [...new Set(operations.map((o) => o.tag))];
  return (
    <Shell title={t("api.title")}>
      <h1>{t("api.title")}</h1>
      <p>{t("api.intro")}</p>
      <p>
        <a href="/api/v1/openapi.json">{t("api.download")}</a>
      </p>
      {tags.map((tag) => (
        <section>
          <h2>{tag}</h2>
          {operations
            .filter((o) => o.tag === tag)
            .map((o) => (
              <div class="card" id={`${o.method}-${o.path}`}>
                <h3 dir="ltr">
                  <code>
                    {o.method.toUpperCase()} {o.path}
                  </code>
                  {o.auth ? " 🔒" : ""}
                </h3>
                <p>{o.summary}</p>
                {o.params.length > 0 && (
                  <p>
                    {t("api.parameters")}: <code dir="ltr">{o.params.join(", ")}</code>
                  </p>
                )}
                {o.body && (
                  <p>
                    {t("api.request_body")}: <code dir="ltr">{o.body}</code>
                  </p>
                )}
                <p>
                  {t("api.responses")}:{" "}
                  {o.responses.map((r) => (
                    <span class="tag" title={r.description}>
                      {r.status}
                    </span>
                  ))}
                </p>
              </div>
            ))}
        </section>
      ))}
    </Shell>
  );
};
