// "My account": consortium applications naming a group the person owns, with Consent / Withdraw while
// the application is a draft (consent commits the group to a role and a share of the money).
import { usePage } from "../../context";
import type { ConsortiumRequestView } from "../../../schema/api/partners";

export const ConsortiumRequests = ({ items }: { items: ConsortiumRequestView[] }) => {
  const { t } = usePage();
  if (!items.length) return null;
  return (
    <section aria-labelledby="consortium-title">
      <h2 id="consortium-title">{t("partner.requests")}</h2>
      <ul>
        {items.map((r) => (
          <li>
            <a href={`/applications/${r.applicationId}`} dir="auto">
              {t("partner.request_line", {
                lead: r.leadName,
                org: r.orgName,
                role: r.role,
                share: r.share,
                call: r.callTitle,
              })}
            </a>{" "}
            · {r.consented ? t("partner.consented") : t("partner.waiting")}
            {r.status === "draft" && (
              <form
                method="post"
                action={`/applications/${r.applicationId}/partners/${r.orgId}/${r.consented ? "withdraw-consent" : "consent"}`}
              >
                <button type="submit" class={r.consented ? "secondary" : undefined}>
                  {r.consented ? t("partner.withdraw") : t("partner.consent")}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
};
