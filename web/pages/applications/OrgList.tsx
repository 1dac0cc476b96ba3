// An organisation's own applications, newest first, each with its call and status.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import type { OrgApplicationView } from "../../../schema/api/applications";
import type { OrgView } from "../../../schema/api/orgs";
import { Status } from "./status";

export const OrgApplicationsPage = ({ org, items }: { org: OrgView; items: OrgApplicationView[] }) => {
  const { t } = usePage();
  return (
    <Shell title={t("application.org_list_title", { org: org.name })}>
      <h1>{t("application.org_list_title", { org: org.name })}</h1>
      {items.length === 0 ? (
        <p>{t("application.none")}</p>
      ) : (
        <ul>
          {items.map((a) => (
            <li>
              <a href={`/applications/${a.id}`}>
                <bdi>{a.callTitle}</bdi>
              </a>{" "}
              — <Status app={a} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/orgs/${org.id}/matches`}>{t("org.see_matches")}</a>
      </p>
    </Shell>
  );
};
