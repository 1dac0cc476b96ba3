// The draft form. It works without JavaScript; when the autosave island runs, it saves as the user types.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { ErrorSummary, Notice, TextField, type FormErrors } from "../../components/form";
import { OrgFacts } from "../../components/OrgFacts";
import { LeaveQuickly } from "../../components/LeaveQuickly";
import { applicationHref } from "../../islands/application";
import type { ApplicationView } from "../../../schema/api/applications";
import type { CallView } from "../../../schema/api/calls";
import type { OrgView } from "../../../schema/api/orgs";
import { actionsFor, type SideAction } from "../../../worker/domain/application-workflow";
import { formatMoney } from "../../../worker/domain/money";
import { CallLine } from "./call-line";
import { Status } from "./status";
import { QuestionField } from "./question-field";
import { WithdrawForm } from "./withdraw-form";
import { PartnersSection } from "../partners/PartnersSection";

export type ApplicationFormValues = { answers: Record<string, string>; amount: string; version: string };

type EditProps = {
  app: ApplicationView;
  call: CallView;
  org: OrgView;
  values: ApplicationFormValues;
  errors?: FormErrors;
  notice?: string;
  /** After a 409: the copy on the server, shown beside what the user typed. */
  conflict?: ApplicationView;
};

/** The profile that goes with the application, and where to correct it. */
const ProfileSent = ({ org }: { org: OrgView }) => {
  const { t } = usePage();
  return (
    <details id="profile">
      <summary>{t("application.profile_sent", { org: org.name })}</summary>
      <OrgFacts org={org} />
      <p>
        <a href={`/orgs/${org.id}/edit`}>{t("application.fix_profile")}</a>
      </p>
    </details>
  );
};

const AmountField = ({ call, values, errors, conflict }: Omit<EditProps, "app" | "org" | "notice">) => {
  const { t, locale } = usePage();
  if (!call.grant) return null;
  return (
    <>
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
    </>
  );
};

type DraftFormProps = Omit<EditProps, "org" | "notice"> & { actions: SideAction[] };

const DraftForm = ({ app, call, values, errors, conflict, actions }: DraftFormProps) => {
  const { t } = usePage();
  const messages = JSON.stringify({
    saved: t("application.autosaved"),
    offline: t("application.offline"),
    restored: t("application.restored"),
    restoredOld: t("application.restored_old"),
  });
  return (
    <form
      class="stack"
      method="post"
      action={`/applications/${app.id}`}
      data-autosave={app.id}
      data-messages={messages}
      // Rapid requests: the browser should not remember what was typed about a threat.
      autocomplete={call.kind === "rapid" ? "off" : undefined}
      novalidate
    >
      <input type="hidden" name="version" value={values.version} />
      {call.questions.map((q) => (
        <QuestionField
          question={q}
          value={values.answers[q.id]}
          errors={errors}
          theirs={conflict?.answers[q.id]}
        />
      ))}
      {call.grant && call.fundingType !== "non_cash" ? (
        <AmountField call={call} values={values} errors={errors} conflict={conflict} />
      ) : (
        <p class="muted">{t("offer.no_amount")}</p>
      )}
      <p class="muted" id="autosave-status" role="status" aria-live="polite"></p>
      <div class="actions">
        {actions.includes("save") && (
          <button type="submit" name="action" value="save" class="secondary">
            {t("application.save")}
          </button>
        )}
        {actions.includes("submit") && (
          <button type="submit" name="action" value="submit">
            {t("application.submit")}
          </button>
        )}
      </div>
    </form>
  );
};

export const ApplicationEditPage = ({ app, call, org, values, errors, notice, conflict }: EditProps) => {
  const { t } = usePage();
  const actions = actionsFor(app.status, "applicant");
  return (
    <Shell title={t("application.edit_title", { call: call.title })} scripts={[applicationHref]}>
      <LeaveQuickly call={call} />
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
      {call.review.mode !== "funder" && <p class="hint">{t(`application.read_by_${call.review.mode}`)}</p>}
      <ProfileSent org={org} />
      <DraftForm
        app={app}
        call={call}
        values={values}
        errors={errors}
        conflict={conflict}
        actions={actions}
      />
      <PartnersSection appId={app.id} partners={app.partners ?? []} version={app.version} errors={errors} />
      {actions.includes("withdraw") && <WithdrawForm appId={app.id} />}
    </Shell>
  );
};
