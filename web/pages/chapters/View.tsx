// One country chapter: its coordinators, the organisations that asked to be listed (public profiles only)
// with their trust level, the open calls for the country, for its coordinators the queue of groups asking
// to be confirmed (hidden ones appear there and nowhere else), and for admins the forms that appoint and
// remove coordinators.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { Deadline } from "../../components/Deadline";
import { SelectField, TextField, ErrorSummary, Notice, type FormErrors } from "../../components/form";
import { countryName, formatDate } from "../../../worker/i18n";
import { CONFIRMATION_METHODS } from "../../../schema/trust";
import type { ChapterView } from "../../../schema/api/trust";

/** Form field names of a queue item's confirmation form (also the ids its errors link to). */
export const methodField = (orgId: string) => `method-${orgId}`;
export const noteField = (orgId: string) => `note-${orgId}`;

type Props = {
  chapter: ChapterView;
  isAdmin: boolean;
  notice?: string;
  errors?: FormErrors;
  values?: Record<string, string>;
};

type Values = Pick<Props, "errors" | "values">;

/** One group asking to be confirmed, with the form a coordinator confirms it with (how, and a note). */
const QueueItem = ({
  item: q,
  base,
  errors,
  values,
}: Values & { item: NonNullable<ChapterView["queue"]>[number]; base: string }) => {
  const { t, locale, timeZone } = usePage();
  return (
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
  );
};

/** The coordinators' queue of groups asking to be confirmed. */
const Queue = ({
  queue,
  base,
  errors,
  values,
}: Values & { queue: NonNullable<ChapterView["queue"]>; base: string }) => {
  const { t } = usePage();
  return (
    <section aria-labelledby="queue">
      <h2 id="queue">{t("chapter.queue")}</h2>
      <p class="muted">{t("chapter.queue_help")}</p>
      {queue.length === 0 ? (
        <p>{t("chapter.queue_empty")}</p>
      ) : (
        <ul class="cards">
          {queue.map((q) => (
            <QueueItem item={q} base={base} errors={errors} values={values} />
          ))}
        </ul>
      )}
    </section>
  );
};

/** The chapter's coordinators; for admins, a remove button on each and the form that appoints one. */
const Coordinators = ({
  coordinators,
  isAdmin,
  base,
  errors,
  values,
}: Values & { coordinators: ChapterView["coordinators"]; isAdmin: boolean; base: string }) => {
  const { t } = usePage();
  return (
    <>
      <h2>{t("chapter.coordinators")}</h2>
      {coordinators.length === 0 ? (
        <p class="muted">{t("chapter.no_coordinators")}</p>
      ) : (
        <ul>
          {coordinators.map((p) => (
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
    </>
  );
};

/** The organisations that asked to be listed, with their kind and trust level. */
const Listed = ({ orgs }: { orgs: ChapterView["orgs"] }) => {
  const { t } = usePage();
  return (
    <>
      <h2>{t("chapter.listed")}</h2>
      <p class="muted">{t("chapter.listed_help")}</p>
      {orgs.length === 0 ? (
        <p>{t("chapter.no_listed")}</p>
      ) : (
        <ul>
          {orgs.map((o) => (
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
    </>
  );
};

/** The calls open to groups in the country, with their funder and deadline. */
const OpenCalls = ({ calls, country }: { calls: ChapterView["openCalls"]; country: string }) => {
  const { t } = usePage();
  return (
    <>
      <h2>{t("chapter.calls", { country })}</h2>
      {calls.length === 0 ? (
        <p class="muted">{t("chapter.no_calls")}</p>
      ) : (
        <ul>
          {calls.map((c) => (
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
              <Deadline iso={c.deadline} within={c.decisionWithinDays} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
};

export const ChapterPage = ({ chapter, isAdmin, notice, errors, values }: Props) => {
  const { t, locale } = usePage();
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
      {chapter.queue && <Queue queue={chapter.queue} base={base} errors={errors} values={values} />}
      <Coordinators
        coordinators={chapter.coordinators}
        isAdmin={isAdmin}
        base={base}
        errors={errors}
        values={values}
      />
      <Listed orgs={chapter.orgs} />
      <OpenCalls calls={chapter.openCalls} country={country} />
    </Shell>
  );
};
