// Starting an application: for each of the viewer's groups, continue its application or start one with the
// profile it already has.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { OrgFacts } from "../../components/OrgFacts";
import { LeaveQuickly } from "../../components/LeaveQuickly";
import type { CallView } from "../../../schema/api/calls";
import type { OrgView } from "../../../schema/api/orgs";
import { CallLine } from "./call-line";

export type StartChoice = { org: OrgView; applicationId: string | null };

const NeedCso = () => {
  const { t } = usePage();
  return (
    <>
      <p>{t("application.need_cso")}</p>
      <p>
        <a class="button" href="/orgs/new">
          {t("me.create_org")}
        </a>
      </p>
    </>
  );
};

const Choice = ({ call, choice: { org, applicationId } }: { call: CallView; choice: StartChoice }) => {
  const { t } = usePage();
  return (
    <section class="card">
      <h2 dir="auto">{org.name}</h2>
      {applicationId ? (
        <p>
          <a class="button" href={`/applications/${applicationId}`}>
            {t("application.continue")}
          </a>
        </p>
      ) : (
        <>
          <p>{t("application.profile_reused")}</p>
          <OrgFacts org={org} />
          <p class="muted">
            <a href={`/orgs/${org.id}/edit`}>{t("application.fix_profile")}</a>
          </p>
          <form method="post" action={`/calls/${call.id}/apply`}>
            <input type="hidden" name="orgId" value={org.id} />
            <button type="submit">{t("application.start")}</button>
          </form>
        </>
      )}
    </section>
  );
};

export const ApplyStartPage = ({ call, choices }: { call: CallView; choices: StartChoice[] }) => {
  const { t } = usePage();
  return (
    <Shell title={t("application.start_title", { call: call.title })}>
      <LeaveQuickly call={call} />
      <h1>{t("application.start_title", { call: call.title })}</h1>
      <CallLine call={call} />
      {choices.length === 0 && <NeedCso />}
      {choices.map((choice) => (
        <Choice call={call} choice={choice} />
      ))}
    </Shell>
  );
};
