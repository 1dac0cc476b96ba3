// Application pages: start, the draft form (works without JavaScript; autosave island when it runs),
// the applicant's status view, the funder's review page and review list, an organisation's applications.
import { Scroll } from "../components/Scroll";
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";
import { ErrorSummary, Notice, TextField, ChoiceGroup, type FormErrors } from "../components/form";
import { OrgFacts } from "../components/OrgFacts";
import { MoneyRange } from "../components/MoneyRange";
import { Deadline } from "../components/Deadline";
import { applicationHref } from "../islands/application";
import type { Call } from "../../worker/db/calls";
import type { Org } from "../../worker/db/orgs";
import type { Application } from "../../worker/db/applications";
import { amountToInput, formatMoney } from "../../worker/domain/money";
import { formatDateTime } from "../../worker/i18n";
import { DECLINE_REASONS } from "../../schema/enums";

export type ApplicationFormValues = { answers: Record<string, string>; amount: string; version: string };

const Status = ({ app }: { app: Application }) => {
  const { t } = usePage();
  return <span class={`status status-${app.status}`}>{t(`application.status.${app.status}`)}</span>;
};

/** Status, submission time and amount requested, as both the applicant and the funder see them. */
const StatusLine = ({ app }: { app: Application }) => {
  const { t, locale } = usePage();
  return (
    <p>
      <Status app={app} />
      {app.submittedAt && (
        <> · {t("application.submitted_at", { when: formatDateTime(app.submittedAt, locale) })}</>
      )}
      {app.requestedAmount && (
        <>
          {" "}
          · {t("application.requested")}: <bdi>{formatMoney(app.requestedAmount, locale)}</bdi>
        </>
      )}
    </p>
  );
};

const CallLine = ({ call }: { call: Call }) => {
  const { t } = usePage();
  return (
    <p class="muted">
      <a href={`/calls/${call.id}`}>
        <bdi>{call.title}</bdi>
      </a>{" "}
      · <bdi>{call.funderName ?? t("call.undisclosed_funder")}</bdi> ·{" "}
      <MoneyRange min={call.grant.min} max={call.grant.max} /> · {t("call.deadline")}:{" "}
      <Deadline iso={call.deadline} />
    </p>
  );
};

type StartProps = { call: Call; choices: { org: Org; applicationId: string | null }[] };

export const ApplyStartPage = ({ call, choices }: StartProps) => {
  const { t } = usePage();
  return (
    <Shell title={t("application.start_title", { call: call.title })}>
      <h1>{t("application.start_title", { call: call.title })}</h1>
      <CallLine call={call} />
      {choices.length === 0 && (
        <>
          <p>{t("application.need_cso")}</p>
          <p>
            <a class="button" href="/orgs/new">
              {t("me.create_org")}
            </a>
          </p>
        </>
      )}
      {choices.map(({ org, applicationId }) => (
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
      ))}
    </Shell>
  );
};

type EditProps = {
  app: Application;
  call: Call;
  org: Org;
  values: ApplicationFormValues;
  errors?: FormErrors;
  notice?: string;
  /** After a 409: the copy on the server, shown beside what the user typed. */
  conflict?: Application;
};

export const ApplicationEditPage = ({ app, call, org, values, errors, notice, conflict }: EditProps) => {
  const { t, locale } = usePage();
  const messages = JSON.stringify({
    saved: t("application.autosaved"),
    offline: t("application.offline"),
    restored: t("application.restored"),
    restoredOld: t("application.restored_old"),
  });
  return (
    <Shell title={t("application.edit_title", { call: call.title })} scripts={[applicationHref]}>
      <h1>{t("application.edit_title", { call: call.title })}</h1>
      <CallLine call={call} />
      <p>
        <Status app={app} /> ·{" "}
        {t("call.time_estimate", {
          low: call.estimatedMinutes.low,
          high: call.estimatedMinutes.high,
          n: call.questions.length,
        })}
      </p>
      {notice && <Notice>{notice}</Notice>}
      {conflict && (
        <div class="alert" role="alert">
          <p>{t("application.conflict")}</p>
        </div>
      )}
      <ErrorSummary errors={errors} />
      <details id="profile">
        <summary>{t("application.profile_sent", { org: org.name })}</summary>
        <OrgFacts org={org} />
        <p>
          <a href={`/orgs/${org.id}/edit`}>{t("application.fix_profile")}</a>
        </p>
      </details>
      <form
        class="stack"
        method="post"
        action={`/applications/${app.id}`}
        data-autosave={app.id}
        data-messages={messages}
        novalidate
      >
        <input type="hidden" name="version" value={values.version} />
        {call.questions.map((q) => {
          const name = `answer_${q.id}`;
          const error = errors?.[name];
          const theirs = conflict?.answers[q.id];
          return (
            <div class="field">
              <label for={name}>
                <bdi>{q.label}</bdi>
              </label>
              <span class="hint" id={`${name}-hint`}>
                {t("call.max_chars", { n: q.maxChars })}
              </span>
              {error && (
                <span class="error" id={`${name}-error`}>
                  {error}
                </span>
              )}
              {conflict && theirs !== undefined && theirs !== values.answers[q.id] && (
                <div class="theirs">
                  <strong>{t("application.their_version")}</strong>
                  <p class="pre" dir="auto">
                    {theirs}
                  </p>
                </div>
              )}
              <textarea
                id={name}
                name={name}
                rows={6}
                dir="auto"
                data-max={q.maxChars}
                aria-invalid={error ? "true" : undefined}
                aria-describedby={[`${name}-hint`, error ? `${name}-error` : "", `${name}-count`]
                  .filter(Boolean)
                  .join(" ")}
              >
                {values.answers[q.id] ?? ""}
              </textarea>
              <output id={`${name}-count`} class="counter" aria-live="polite"></output>
            </div>
          );
        })}
        <TextField
          name="amount"
          label={t("application.requested_amount", { currency: call.grant.min.currency })}
          hint={t("application.amount_range", {
            min: formatMoney(call.grant.min, locale),
            max: formatMoney(call.grant.max, locale),
          })}
          value={values.amount}
          inputmode="decimal"
          errors={errors}
        />
        {conflict?.requestedAmount && (
          <p class="theirs">
            {t("application.their_version")}: <bdi>{formatMoney(conflict.requestedAmount, locale)}</bdi>
          </p>
        )}
        <p class="muted" id="autosave-status" role="status" aria-live="polite"></p>
        <div class="actions">
          <button type="submit" name="action" value="save" class="secondary">
            {t("application.save")}
          </button>
          <button type="submit" name="action" value="submit">
            {t("application.submit")}
          </button>
        </div>
      </form>
      <form method="post" action={`/applications/${app.id}/withdraw`}>
        <button type="submit" class="secondary">
          {t("application.withdraw")}
        </button>
      </form>
    </Shell>
  );
};

const Answers = ({ app, call }: { app: Application; call: Call }) => (
  <dl class="answers">
    {call.questions.map((q) => (
      <>
        <dt>
          <bdi>{q.label}</bdi>
        </dt>
        <dd class="pre" dir="auto">
          {app.answers[q.id] ?? ""}
        </dd>
      </>
    ))}
  </dl>
);

const DecisionView = ({ app }: { app: Application }) => {
  const { t, locale } = usePage();
  const d = app.decision;
  if (!d) return null;
  return (
    <section class={d.decision === "award" ? "notice" : "alert"}>
      <h2>{d.decision === "award" ? t("application.awarded_title") : t("application.declined_title")}</h2>
      {d.amount && <p>{t("application.awarded_amount", { amount: formatMoney(d.amount, locale) })}</p>}
      {d.reasons.length > 0 && (
        <>
          <p>{t("application.declined_because")}</p>
          <ul>
            {d.reasons.map((r) => (
              <li>{t(`decline.${r}`)}</li>
            ))}
          </ul>
        </>
      )}
      {d.note && (
        <p class="pre" dir="auto">
          {d.note}
        </p>
      )}
    </section>
  );
};

export const ApplicationViewPage = ({
  app,
  call,
  canWithdraw,
  notice,
}: {
  app: Application;
  call: Call;
  canWithdraw: boolean;
  notice?: string;
}) => {
  const { t, locale } = usePage();
  return (
    <Shell title={t("application.view_title", { call: call.title })}>
      <h1>{t("application.view_title", { call: call.title })}</h1>
      <CallLine call={call} />
      {notice && <Notice>{notice}</Notice>}
      <StatusLine app={app} />
      <DecisionView app={app} />
      <Answers app={app} call={call} />
      {canWithdraw && (
        <form method="post" action={`/applications/${app.id}/withdraw`}>
          <button type="submit" class="secondary">
            {t("application.withdraw")}
          </button>
        </form>
      )}
    </Shell>
  );
};

type ReviewProps = {
  app: Application;
  call: Call;
  reviews: { reviewerName: string; score: number; comment: string | null }[];
  averageScore: number | null;
  canDecide: boolean;
  errors?: FormErrors;
  notice?: string;
};

export const ApplicationReviewPage = ({
  app,
  call,
  reviews,
  averageScore,
  canDecide,
  errors,
  notice,
}: ReviewProps) => {
  const { t, locale } = usePage();
  const org = app.snapshot;
  return (
    <Shell title={t("application.review_title", { org: org?.name ?? "" })}>
      <p class="muted">
        <a href={`/calls/${call.id}/applications`}>{t("application.back_to_list")}</a>
      </p>
      <h1>{t("application.review_title", { org: org?.name ?? "" })}</h1>
      <CallLine call={call} />
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={errors} />
      <StatusLine app={app} />
      <DecisionView app={app} />
      {org && (
        <details open>
          <summary>{t("application.snapshot")}</summary>
          <OrgFacts org={org} />
        </details>
      )}
      <h2>{t("application.answers")}</h2>
      <Answers app={app} call={call} />
      <h2>{t("application.reviews")}</h2>
      <p>
        {averageScore === null
          ? t("application.no_reviews")
          : t("application.average", { score: averageScore, n: reviews.length })}
      </p>
      <ul>
        {reviews.map((r) => (
          <li>
            <bdi>{r.reviewerName}</bdi>: {r.score}/5
            {r.comment && (
              <>
                {" "}
                — <span dir="auto">{r.comment}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {canDecide && (
        <>
          <form class="stack" method="post" action={`/applications/${app.id}/reviews`} novalidate>
            <ChoiceGroup
              type="radio"
              name="score"
              label={t("application.your_score")}
              values={[]}
              options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))}
              errors={errors}
              required
            />
            <TextField
              name="comment"
              label={`${t("application.comment")} (${t("org.optional")})`}
              multiline
              errors={errors}
              maxLength={2000}
            />
            <p>
              <button type="submit" class="secondary">
                {t("application.save_review")}
              </button>
            </p>
          </form>
          <h2>{t("application.decide")}</h2>
          <form class="stack" method="post" action={`/applications/${app.id}/decision`} novalidate>
            <input type="hidden" name="decision" value="award" />
            <TextField
              name="amount"
              label={t("application.award_amount", { currency: call.grant.min.currency })}
              value={app.requestedAmount ? amountToInput(app.requestedAmount) : ""}
              inputmode="decimal"
              errors={errors}
            />
            <p>
              <button type="submit">{t("application.award")}</button>
            </p>
          </form>
          <form class="stack" method="post" action={`/applications/${app.id}/decision`} novalidate>
            <input type="hidden" name="decision" value="decline" />
            <ChoiceGroup
              type="checkbox"
              name="reasons"
              label={t("application.decline_reasons")}
              values={[]}
              options={DECLINE_REASONS.map((r) => ({ value: r, label: t(`decline.${r}`) }))}
              errors={errors}
            />
            <TextField
              name="note"
              label={`${t("application.note")} (${t("org.optional")})`}
              multiline
              errors={errors}
              maxLength={2000}
            />
            <p>
              <button type="submit" class="secondary">
                {t("application.decline")}
              </button>
            </p>
          </form>
        </>
      )}
    </Shell>
  );
};

type ListItem = Application & { orgName: string; reviewCount: number; averageScore: number | null };

export const CallApplicationsPage = ({ call, items }: { call: Call; items: ListItem[] }) => {
  const { t, locale } = usePage();
  return (
    <Shell title={t("application.list_title", { call: call.title })}>
      <h1>{t("application.list_title", { call: call.title })}</h1>
      <CallLine call={call} />
      {items.length === 0 ? (
        <p>{t("application.none")}</p>
      ) : (
        <div class="scroll">
          <Scroll>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("org.name")}</th>
                  <th scope="col">{t("application.requested")}</th>
                  <th scope="col">{t("application.status")}</th>
                  <th scope="col">{t("application.reviews")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr>
                    <td>
                      <a href={`/applications/${a.id}`}>
                        <bdi>{a.orgName}</bdi>
                      </a>
                    </td>
                    <td>{a.requestedAmount && <bdi>{formatMoney(a.requestedAmount, locale)}</bdi>}</td>
                    <td>
                      <Status app={a} />
                    </td>
                    <td>
                      {a.averageScore === null
                        ? "—"
                        : t("application.average", { score: a.averageScore, n: a.reviewCount })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
        </div>
      )}
    </Shell>
  );
};

export const OrgApplicationsPage = ({
  org,
  items,
}: {
  org: Org;
  items: (Application & { callTitle: string })[];
}) => {
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
