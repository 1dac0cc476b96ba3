// The administration page: organisations to verify, country classifications, recent audit log.
import { Scroll } from "../components/Scroll";
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";
import {
  SelectField,
  TextField,
  ChoiceGroup,
  ErrorSummary,
  Notice,
  type FormErrors,
} from "../components/form";
import type { OrgView } from "../../schema/api/orgs";
import { countryName, formatDate, formatDateTime } from "../../worker/i18n";
import { CIVIC_SPACE, INCOME_GROUPS } from "../../schema/enums";
import { PledgeList } from "./pledges/pledge-list";

type Country = {
  code: string;
  name: string;
  incomeGroup: string | null;
  odaGroup: string | null;
  globalSouth: boolean;
  civicSpace: string | null;
  civicSpaceAsOf: string | null;
};
type AuditRow = {
  id: number;
  at: string;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
};

export const AdminPage = (p: {
  funders: OrgView[];
  unverified: OrgView[];
  countries: Country[];
  selected?: Country;
  audit: AuditRow[];
  transfers: Parameters<typeof PledgeList>[0]["items"];
  notice?: string;
  errors?: FormErrors;
}) => {
  const { t, locale, timeZone } = usePage();
  const s = p.selected;
  return (
    <Shell title={t("admin.title")}>
      <h1>{t("admin.title")}</h1>
      {p.notice && <Notice>{p.notice}</Notice>}
      <h2>{t("admin.funders")}</h2>
      <p class="muted">{t("admin.funders_help")}</p>
      {p.funders.length === 0 ? (
        <p>{t("admin.no_funders")}</p>
      ) : (
        <Scroll>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("org.name")}</th>
                <th scope="col">{t("org.country")}</th>
                <th scope="col">{t("admin.created")}</th>
                <th scope="col">
                  <span class="sr-only">{t("org.verify")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.funders.map((o) => (
                <tr>
                  <td>
                    <a href={`/orgs/${o.id}`}>
                      <bdi>{o.name}</bdi>
                    </a>
                  </td>
                  <td>{countryName(o.country, locale)}</td>
                  <td>{formatDate(o.createdAt, locale, timeZone)}</td>
                  <td>
                    <form method="post" action={`/orgs/${o.id}/verify`} class="stack">
                      <input type="hidden" name="verified" value="true" />
                      <input type="hidden" name="back" value="admin" />
                      <label>
                        {t("admin.check_website")} <input name="website" type="url" required />
                      </label>
                      <label>
                        {t("admin.check_registration")} <input name="registration" required />
                      </label>
                      <label>
                        {t("admin.check_contact")} <input name="contact" required />
                      </label>
                      <button type="submit" class="secondary">
                        {t("admin.verify_funder")}
                        <span class="sr-only"> {o.name}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}

      <h2>{t("admin.unverified")}</h2>
      {p.unverified.length === 0 ? (
        <p>{t("admin.none_unverified")}</p>
      ) : (
        <ul>
          {p.unverified.map((o) => (
            <li>
              <a href={`/orgs/${o.id}`}>{o.name}</a> — {t(`kind.${o.kind}`)}, {countryName(o.country, locale)}
              <form method="post" action={`/orgs/${o.id}/verify`} class="row">
                <input type="hidden" name="verified" value="true" />
                <input type="hidden" name="back" value="admin" />
                <button type="submit" class="secondary">
                  {t("org.verify")}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}

      <h2>{t("admin.transfers")}</h2>
      <PledgeList items={p.transfers} empty={t("admin.no_transfers")} />

      <h2>{t("admin.fx")}</h2>
      <p class="muted">{t("admin.fx_help")}</p>
      <ErrorSummary errors={p.errors} />
      <form method="post" action="/admin/fx-rates" class="row" novalidate>
        <TextField name="currency" label={t("pledge.currency")} maxLength={3} required errors={p.errors} />
        <TextField name="asOf" type="date" label={t("pledge.date")} required errors={p.errors} />
        <TextField
          name="usdPerUnit"
          label={t("admin.fx_rate")}
          inputmode="decimal"
          required
          errors={p.errors}
        />
        <TextField name="source" label={t("admin.fx_source")} required errors={p.errors} />
        <p>
          <button type="submit" class="secondary">
            {t("admin.fx_save")}
          </button>
        </p>
      </form>

      <h2>{t("admin.countries")}</h2>
      <p class="muted">{t("admin.countries_help")}</p>
      <form method="get" action="/admin" class="row">
        <SelectField
          name="country"
          label={t("org.country")}
          value={s?.code}
          options={p.countries.map((c) => ({ value: c.code, label: c.name }))}
        />
        <p>
          <button type="submit" class="secondary">
            {t("org.filter")}
          </button>
        </p>
      </form>
      {s && (
        <form class="stack" method="post" action={`/admin/countries/${s.code}`}>
          <ErrorSummary errors={p.errors} />
          <SelectField
            name="civicSpace"
            label={t("country.civic_space")}
            value={s.civicSpace}
            blank={t("country.unknown")}
            options={CIVIC_SPACE.map((r) => ({ value: r, label: t(`civic.${r}`) }))}
            errors={p.errors}
          />
          <TextField
            name="civicSpaceAsOf"
            label={t("admin.as_of")}
            value={s.civicSpaceAsOf}
            errors={p.errors}
          />
          <SelectField
            name="incomeGroup"
            label={t("country.income_group")}
            value={s.incomeGroup}
            blank={t("country.unknown")}
            options={INCOME_GROUPS.map((g) => ({ value: g, label: t(`income.${g}`) }))}
            errors={p.errors}
          />
          <SelectField
            name="odaGroup"
            label={t("country.oda_group")}
            value={s.odaGroup}
            blank={t("country.unknown")}
            options={["LDC", "OLIC", "LMIC", "UMIC"].map((g) => ({ value: g, label: g }))}
            errors={p.errors}
          />
          <ChoiceGroup
            type="checkbox"
            name="globalSouth"
            label={t("country.global_south")}
            values={s.globalSouth ? ["true"] : []}
            options={[{ value: "true", label: t("country.global_south") }]}
          />
          <p>
            <button type="submit">{t("admin.update")}</button>
          </p>
        </form>
      )}

      <h2>{t("admin.audit")}</h2>
      <div class="scroll">
        <Scroll>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin.audit_when")}</th>
                <th scope="col">{t("admin.audit_who")}</th>
                <th scope="col">{t("admin.audit_what")}</th>
              </tr>
            </thead>
            <tbody>
              {p.audit.map((a) => (
                <tr>
                  <td>{formatDateTime(a.at, locale)}</td>
                  <td>
                    <code>{a.actorUserId ?? "—"}</code>
                  </td>
                  <td>
                    <code>{a.action}</code> {a.subjectType}:{a.subjectId ?? ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      </div>
    </Shell>
  );
};
