// Country chapters: the list, and one chapter's page — its coordinators, the organisations that asked to
// be listed (public profiles only) with their trust level, the open calls for the country, for its
// coordinators the queue of groups asking to be confirmed (hidden ones appear there and nowhere else),
// and for admins the forms that appoint and remove coordinators.
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";
import { Scroll } from "../components/Scroll";
import { Deadline } from "../components/Deadline";
import { SelectField, TextField, ErrorSummary, Notice, type FormErrors } from "../components/form";
import { countryName, formatDate } from "../../worker/i18n";
import { CONFIRMATION_METHODS } from "../../schema/trust";
import type { ChapterView } from "../../schema/api/trust";

type Summary = { country: string; coordinators: number; listedOrgs: number };

/** Form field names of a queue item's confirmation form (also the ids its errors link to). */
export const methodField = (orgId: string) => `method-${orgId}`;
export const noteField = (orgId: string) => `note-${orgId}`;

export const ChapterListPage = ({
  items,
  countries,
}: {
  items: Summary[];
  countries: { code: string; name: string }[] | null;
}) => {
  const { t, locale } = usePage();
  return (
    <Shell title={t("chapter.list_title")}>
      <h1>{t("chapter.list_title")}</h1>
      <p>{t("chapter.list_intro")}</p>
      {items.length === 0 ? (
        <p class="muted">{t("chapter.none")}</p>
      ) : (
        <Scroll>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("org.country")}</th>
                <th scope="col">{t("chapter.coordinators")}</th>
                <th scope="col">{t("chapter.listed")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((ch) => (
                <tr>
                  <td>
                    <a href={`/chapters/${ch.country}`}>{countryName(ch.country, locale)}</a>
                  </td>
                  <td>{ch.coordinators}</td>
                  <td>{ch.listedOrgs}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
      {countries && (
        <>
          <h2>{t("chapter.open_country")}</h2>
          <form method="get" action="/chapters" class="row">
            <SelectField
              name="country"
              label={t("org.country")}
              options={countries.map((c) => ({ value: c.code, label: c.name }))}
            />
            <p>
              <button type="submit" class="secondary">
                {t("chapter.open")}
              </button>
            </p>
          </form>
        </>
      )}
    </Shell>
  );
};

type Props = {
  chapter: ChapterView;
  isAdmin: boolean;
  notice?: string;
  errors?: FormErrors;
  values?: Record<string, string>;
};

export const ChapterPage = ({ chapter, isAdmin, notice, errors, values }: Props) => {
  const { t, locale, timeZone } = usePage();
  const country = countryName(chapter.country, locale);
  const base = `/chapters/${chapter.country}`;
  return (
    <Shell title={t("chapter.title", { country })}>
      <h1>{t("chapter.title", { country })}</h1>
      <p>
        <a href="/chapters">{t("chapter.all")}</a>
      </p>
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={errors} />

      {chapter.queue && (
        <section aria-labelledby="queue">
          <h2 id="queue">{t("chapter.queue")}</h2>
          <p class="muted">{t("chapter.queue_help")}</p>
          {chapter.queue.length === 0 ? (
            <p>{t("chapter.queue_empty")}</p>
          ) : (
            <ul class="cards">
              {chapter.queue.map((q) => (
                <li class="card">
                  <h3 dir="auto">{q.name}</h3>
                  <p class="muted">
                    {q.area && (
                      <>
                        <bdi>{q.area}</bdi> ·{" "}
                      </>
                    )}
                    {t("trust.level_short", { level: q.trustLevel })} ·{" "}
                    {t("trust.asked_on", { date: formatDate(q.askedAt, locale, timeZone) })}
                  </p>
                  <form method="post" action={`${base}/confirm/${q.orgId}`} class="stack" novalidate>
                    <SelectField
                      name={methodField(q.orgId)}
                      label={t("chapter.method")}
                      value={values?.[methodField(q.orgId)]}
                      required
                      errors={errors}
                      options={CONFIRMATION_METHODS.map((m) => ({ value: m, label: t(`trust.method.${m}`) }))}
                    />
                    <TextField
                      name={noteField(q.orgId)}
                      label={t("chapter.note")}
                      hint={t("chapter.note_hint")}
                      value={values?.[noteField(q.orgId)]}
                      multiline
                      maxLength={1000}
                      required
                      errors={errors}
                    />
                    <p>
                      <button type="submit">
                        {t("chapter.confirm")}
                        <span class="sr-only"> {q.name}</span>
                      </button>
                    </p>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <h2>{t("chapter.coordinators")}</h2>
      {chapter.coordinators.length === 0 ? (
        <p class="muted">{t("chapter.no_coordinators")}</p>
      ) : (
        <ul>
          {chapter.coordinators.map((p) => (
            <li>
              {isAdmin ? (
                <form method="post" action={`${base}/coordinators/${p.userId}/remove`} class="actions">
                  <bdi>{p.name}</bdi>
                  <button type="submit" class="secondary">
                    {t("chapter.remove")}
                    <span class="sr-only"> {p.name}</span>
                  </button>
                </form>
              ) : (
                <bdi>{p.name}</bdi>
              )}
            </li>
          ))}
        </ul>
      )}
      {isAdmin && (
        <form method="post" action={`${base}/coordinators`} class="stack" novalidate>
          <TextField
            name="email"
            type="email"
            label={t("chapter.appoint")}
            hint={t("chapter.appoint_help")}
            value={values?.email}
            autocomplete="off"
            required
            errors={errors}
          />
          <p>
            <button type="submit" class="secondary">
              {t("chapter.appoint_submit")}
            </button>
          </p>
        </form>
      )}

      <h2>{t("chapter.listed")}</h2>
      <p class="muted">{t("chapter.listed_help")}</p>
      {chapter.orgs.length === 0 ? (
        <p>{t("chapter.no_listed")}</p>
      ) : (
        <ul>
          {chapter.orgs.map((o) => (
            <li>
              <a href={`/orgs/${o.id}`}>
                <bdi>{o.name}</bdi>
              </a>{" "}
              — {t(o.kind === "funder" ? "kind.funder" : "kind.cso")} ·{" "}
              {t("trust.level_short", { level: o.trustLevel })}
            </li>
          ))}
        </ul>
      )}

      <h2>{t("chapter.calls", { country })}</h2>
      {chapter.openCalls.length === 0 ? (
        <p class="muted">{t("chapter.no_calls")}</p>
      ) : (
        <ul>
          {chapter.openCalls.map((c) => (
            <li>
              <a href={`/calls/${c.id}`}>
                <bdi>{c.title}</bdi>
              </a>
              {c.funderName && (
                <>
                  {" "}
                  — <bdi>{c.funderName}</bdi>
                </>
              )}
              <br />
              <Deadline iso={c.deadline} />
            </li>
          ))}
        </ul>
      )}
    </Shell>
  );
};
