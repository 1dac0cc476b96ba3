// Organisation pages: the list with filters, one profile, and the create/edit forms.
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";
import { OrgForm, type OrgFormValues } from "../components/OrgForm";
import { OrgFacts } from "../components/OrgFacts";
import { TextField, SelectField, Notice, type FormErrors } from "../components/form";
import { TrustSection, type TrustPanel, type VouchFormValues } from "../components/Trust";
import type { OrgView } from "../../schema/api/orgs";
import type { CallView } from "../../schema/api/calls";
import { countryName } from "../../worker/i18n";
import { ORG_KINDS, THEMES } from "../../schema/enums";

type Countries = { code: string; name: string }[];

export const OrgListPage = ({
  items,
  nextCursor,
  filters,
  countries,
}: {
  items: OrgView[];
  nextCursor: string | null;
  filters: Record<string, string>;
  countries: Countries;
}) => {
  const { t, locale } = usePage();
  const nextHref = nextCursor ? `/orgs?${new URLSearchParams({ ...filters, cursor: nextCursor })}` : null;
  return (
    <Shell title={t("org.list_title")}>
      <h1>{t("org.list_title")}</h1>
      <form method="get" action="/orgs" class="row" role="search">
        <TextField name="q" label={t("org.search")} value={filters.q} />
        <SelectField
          name="kind"
          label={t("org.kind")}
          value={filters.kind}
          blank={t("org.all")}
          options={ORG_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <SelectField
          name="country"
          label={t("org.country")}
          value={filters.country}
          blank={t("org.all")}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
        />
        <SelectField
          name="theme"
          label={t("org.themes")}
          value={filters.theme}
          blank={t("org.all")}
          options={THEMES.map((th) => ({ value: th, label: t(`theme.${th}`) }))}
        />
        <p>
          <button type="submit">{t("org.filter")}</button>
        </p>
      </form>
      {items.length === 0 ? (
        <p>{t("org.none")}</p>
      ) : (
        <ul class="cards">
          {items.map((o) => (
            <li class="card">
              <h2 dir="auto">
                <a href={`/orgs/${o.id}`}>{o.name}</a>
              </h2>
              <p class="muted">
                {t(`kind.${o.kind}`)} · {countryName(o.country, locale)}
                {o.verified && (
                  <>
                    {" "}
                    ·{" "}
                    <span class="badge-ok">
                      {t(o.kind === "funder" ? "org.verified_funder" : "org.verified")}
                    </span>
                  </>
                )}
              </p>
              <p>
                {o.themes.slice(0, 4).map((th) => (
                  <span class="tag">{t(`theme.${th}`)}</span>
                ))}
              </p>
            </li>
          ))}
        </ul>
      )}
      {nextHref && (
        <p>
          <a href={nextHref}>{t("org.next_page")}</a>
        </p>
      )}
    </Shell>
  );
};

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
};

export const OrgPage = ({
  org,
  calls,
  isMember,
  canEdit,
  seesMembers,
  canDispose,
  isAdmin,
  canPledge,
  notice,
  trust,
  trustErrors,
  trustValues,
}: OrgPageProps) => {
  const { t } = usePage();
  return (
    <Shell title={org.name}>
      <h1 dir="auto">{org.name}</h1>
      {notice && <Notice>{notice}</Notice>}
      <p>
        {org.verified ? (
          <span class="badge-ok">✓ {t(org.kind === "funder" ? "org.verified_funder" : "org.verified")}</span>
        ) : (
          <span class="muted">{t("org.not_verified")}</span>
        )}
      </p>
      {org.description && <p dir="auto">{org.description}</p>}
      <OrgFacts org={org} />
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
      <TrustSection org={org} trust={trust} errors={trustErrors} values={trustValues} />
      {calls && (
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
      )}
      {/* A funder is verified from the admin queue, where what was checked is recorded. */}
      {isAdmin && org.kind === "funder" && !org.verified && (
        <p>
          <a href="/admin">{t("admin.funders")}</a>
        </p>
      )}
      {isAdmin && !(org.kind === "funder" && !org.verified) && (
        <form method="post" action={`/orgs/${org.id}/verify`}>
          <input type="hidden" name="verified" value={org.verified ? "false" : "true"} />
          <button type="submit" class="secondary">
            {org.verified ? t("org.unverify") : t("org.verify")}
          </button>
        </form>
      )}
      {canDispose && (
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
      )}
    </Shell>
  );
};

export const OrgNewPage = ({
  values,
  errors,
  countries,
}: {
  values: OrgFormValues;
  errors?: FormErrors;
  countries: Countries;
}) => {
  const { t } = usePage();
  return (
    <Shell title={t("org.new_title")}>
      <h1>{t("org.new_title")}</h1>
      <OrgForm
        action="/orgs/new"
        values={values}
        errors={errors}
        countries={countries}
        submitLabel={t("org.create")}
      />
    </Shell>
  );
};

/** On a conflict the user's unsaved values stay in the form and the other person's version is shown above. */
export const OrgEditPage = ({
  org,
  values,
  errors,
  countries,
  conflict,
}: {
  org: OrgView;
  values: OrgFormValues;
  errors?: FormErrors;
  countries: Countries;
  conflict?: OrgView;
}) => {
  const { t } = usePage();
  return (
    <Shell title={t("org.edit_title", { name: org.name })}>
      <h1>{t("org.edit_title", { name: org.name })}</h1>
      {conflict && (
        <div class="alert" role="alert">
          <p>{t("org.conflict")}</p>
          <OrgFacts org={conflict} />
        </div>
      )}
      <OrgForm
        action={`/orgs/${org.id}/edit`}
        values={values}
        errors={errors}
        countries={countries}
        submitLabel={t("org.save")}
        editing
      />
    </Shell>
  );
};
