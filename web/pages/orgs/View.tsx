// One organisation's profile: its facts, what the viewer may do with it, its trust section, a funder's
// calls, and for admins and owners verification and the organisation's data (export, delete).
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { OrgFacts } from "../../components/OrgFacts";
import { Notice, type FormErrors } from "../../components/form";
import { TrustSection, type TrustPanel, type VouchFormValues } from "../../components/Trust";
import { FeedbackSection, type FeedbackPanel } from "../../components/Feedback";
import type { OrgView } from "../../../schema/api/orgs";
import type { CallView } from "../../../schema/api/calls";

/** `seesMembers`: the organisation's members and admins, who may open its members page. */
type OrgPageProps = {
  org: OrgView;
  calls: CallView[] | null;
  isMember: boolean;
  canEdit: boolean;
  seesMembers: boolean;
  canDispose: boolean;
  isAdmin: boolean;
  canPledge: boolean;
  notice?: string;
  /** The trust ladder as this viewer may read it, and the vouch form's values and errors when it came back. */
  trust: TrustPanel;
  trustErrors?: FormErrors;
  trustValues?: VouchFormValues;
  /** Anonymous feedback to a funded group; ratings of a funder by the groups that applied to it. */
  feedback: FeedbackPanel;
};

type ActionsProps = Pick<OrgPageProps, "org" | "isMember" | "canEdit" | "seesMembers" | "canPledge">;

/** The buttons this viewer may use: edit, members, matches and applications, a new call, pledge, ledger. */
const Actions = ({ org, isMember, canEdit, seesMembers, canPledge }: ActionsProps) => {
  const { t } = usePage();
  return (
    <p class="actions">
      {canEdit && (
        <a class="button" href={`/orgs/${org.id}/edit`}>
          {t("org.edit")}
        </a>
      )}
      {seesMembers && (
        <a class="button secondary" href={`/orgs/${org.id}/members`}>
          {t("org.members")}
        </a>
      )}
      {isMember && org.kind === "cso" && (
        <a class="button" href={`/orgs/${org.id}/matches`}>
          {t("org.see_matches")}
        </a>
      )}
      {isMember && org.kind === "cso" && (
        <a class="button secondary" href={`/orgs/${org.id}/applications`}>
          {t("application.applications")}
        </a>
      )}
      {isMember && org.kind === "funder" && (
        <a class="button" href="/calls/new">
          {t("call.new")}
        </a>
      )}
      {canPledge && (
        <a class="button" href={`/orgs/${org.id}/pledge`}>
          {t("org.pledge")}
        </a>
      )}
      {org.kind === "cso" && (
        <a class="button secondary" href={`/orgs/${org.id}/ledger`}>
          {t("org.ledger")}
        </a>
      )}
    </p>
  );
};

/** A funder's calls with their status. */
const Calls = ({ calls }: { calls: CallView[] }) => {
  const { t } = usePage();
  return (
    <>
      <h2>{t("org.calls")}</h2>
      {calls.length ? (
        <ul>
          {calls.map((c) => (
            <li>
              <a href={`/calls/${c.id}`}>
                <bdi>{c.title}</bdi>
              </a>{" "}
              — {t(`call.status.${c.status}`)}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t("org.no_calls")}</p>
      )}
    </>
  );
};

/** The admin's verify/unverify button. A funder is verified from the admin queue, where what was checked
 * is recorded, so an unverified funder's page links there instead. */
const AdminVerify = ({ org }: { org: OrgView }) => {
  const { t } = usePage();
  return (
    <>
      {org.kind === "funder" && !org.verified && (
        <p>
          <a href="/admin">{t("admin.funders")}</a>
        </p>
      )}
      {!(org.kind === "funder" && !org.verified) && (
        <form method="post" action={`/orgs/${org.id}/verify`}>
          <input type="hidden" name="verified" value={org.verified ? "false" : "true"} />
          <button type="submit" class="secondary">
            {org.verified ? t("org.unverify") : t("org.verify")}
          </button>
        </form>
      )}
    </>
  );
};

/** The organisation's data: download it all, or delete the organisation. */
const DataActions = ({ org }: { org: OrgView }) => {
  const { t } = usePage();
  return (
    <>
      <h2>{t("org.data")}</h2>
      <p class="actions">
        <a class="button secondary" href={`/api/v1/orgs/${org.id}/export`} download>
          {t("org.export")}
        </a>
        <a class="button secondary" href={`/orgs/${org.id}/delete`}>
          {t("org.delete")}
        </a>
      </p>
    </>
  );
};

export const OrgPage = (p: OrgPageProps) => {
  const { t } = usePage();
  const { org } = p;
  return (
    <Shell title={org.name}>
      <h1 dir="auto">{org.name}</h1>
      {p.notice && <Notice>{p.notice}</Notice>}
      <p>
        {org.verified ? (
          <span class="badge-ok">✓ {t(org.kind === "funder" ? "org.verified_funder" : "org.verified")}</span>
        ) : (
          <span class="muted">{t("org.not_verified")}</span>
        )}
      </p>
      {org.description && <p dir="auto">{org.description}</p>}
      <OrgFacts org={org} />
      <Actions {...p} />
      <TrustSection org={org} trust={p.trust} errors={p.trustErrors} values={p.trustValues} />
      {p.calls && <Calls calls={p.calls} />}
      <FeedbackSection org={org} panel={p.feedback} />
      {p.isAdmin && <AdminVerify org={org} />}
      {p.canDispose && <DataActions org={org} />}
    </Shell>
  );
};
