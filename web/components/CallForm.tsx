// The call form (create and edit a draft). Plain HTML: works without JavaScript, errors next to fields.
import { usePage } from "../context";
import { TextField, SelectField, ChoiceGroup, ErrorSummary, type FormErrors } from "./form";
import { CurrencyInput } from "./CurrencyInput";
import {
  CALL_KINDS,
  FUNDING_TYPES,
  OFFER_KINDS,
  LED_BY,
  LEGAL_STATUSES,
  REVIEW_MODES,
  SETTINGS,
  THEMES,
} from "../../schema/enums";
import type { CallFormValues } from "./call-form-values";
import { MAX_QUESTIONS } from "../../worker/domain/calls";
import { TRUST_LEVELS } from "../../worker/domain/trust";
import { trustLevelLabel } from "../../worker/i18n/reasons";

type Props = {
  action: string;
  values: CallFormValues;
  errors?: FormErrors;
  countries: { code: string; name: string }[];
  /** Funder organisations the viewer may post for; empty when editing (the funder cannot change). */
  funders: { id: string; name: string }[];
  submitLabel: string;
  localCurrency?: string;
};

export const CallForm = ({
  action,
  values: v,
  errors: e,
  countries,
  funders,
  submitLabel,
  localCurrency,
}: Props) => {
  const { t, timeZone, locale } = usePage();
  const checks = <T extends string>(all: readonly T[], prefix: string) =>
    all.map((x) => ({ value: x, label: t(`${prefix}.${x}` as never) }));
  const questions = Array.from(
    { length: MAX_QUESTIONS },
    (_, i) => v.questions[i] ?? { id: "", label: "", maxChars: "" },
  );
  return (
    <form class="stack" method="post" action={action} novalidate>
      <ErrorSummary errors={e} />
      {v.version && <input type="hidden" name="version" value={v.version} />}
      {funders.length > 1 ? (
        <SelectField
          name="funderOrgId"
          label={t("call.funder")}
          value={v.funderOrgId}
          options={funders.map((f) => ({ value: f.id, label: f.name }))}
          errors={e}
          required
        />
      ) : (
        <input type="hidden" name="funderOrgId" value={v.funderOrgId} />
      )}
      <TextField name="title" label={t("call.title")} value={v.title} required errors={e} maxLength={200} />
      <TextField
        name="summary"
        label={t("call.summary")}
        hint={t("call.summary_help")}
        value={v.summary}
        multiline
        required
        errors={e}
        maxLength={4000}
      />
      <TextField
        name="languages"
        label={t("call.languages")}
        hint={t("org.languages_help")}
        value={v.languages}
        required
        errors={e}
      />
      <ChoiceGroup
        type="checkbox"
        name="themes"
        label={t("call.themes")}
        values={v.themes}
        options={checks(THEMES, "theme")}
        errors={e}
      />

      <fieldset class="field">
        <legend>{t("call.grant")}</legend>
        <div class="row">
          <TextField
            name="grantMin"
            label={t("call.grant_min")}
            value={v.grantMin}
            inputmode="decimal"
            errors={e}
          />
          <TextField
            name="grantMax"
            label={t("call.grant_max")}
            value={v.grantMax}
            inputmode="decimal"
            errors={e}
          />
          <CurrencyInput
            name="grantCurrency"
            label={t("org.budget_currency")}
            value={v.grantCurrency}
            errors={e}
            local={localCurrency}
          />
        </div>
      </fieldset>
      <div class="row">
        <SelectField
          name="fundingType"
          label={t("call.funding_type")}
          value={v.fundingType}
          options={FUNDING_TYPES.map((f) => ({ value: f, label: t(`funding.${f}`) }))}
          errors={e}
          required
        />
        <TextField
          name="durationMonths"
          label={t("call.duration_months")}
          value={v.durationMonths}
          inputmode="numeric"
          required
          errors={e}
        />
      </div>
      <fieldset class="field">
        <legend>{t("offer.label")}</legend>
        <span class="hint">{t("offer.hint")}</span>
        <div class="row">
          <SelectField
            name="offerWhat"
            label={t("offer.what")}
            value={v.offerWhat}
            blank=""
            options={OFFER_KINDS.map((k) => ({ value: k, label: t(`offer.kind.${k}`) }))}
            errors={e}
          />
          <TextField
            name="offerQuantity"
            label={t("offer.quantity")}
            value={v.offerQuantity}
            inputmode="numeric"
            errors={e}
          />
        </div>
      </fieldset>

      <fieldset class="field">
        <legend>{t("call.kind")}</legend>
        <span class="hint">{t("call.kind_help")}</span>
        <div class="row">
          <SelectField
            name="kind"
            label={t("call.kind")}
            value={v.kind}
            options={CALL_KINDS.map((k) => ({ value: k, label: t(`call.kind_${k}`) }))}
            errors={e}
            required
          />
          <TextField
            name="deadline"
            type="datetime-local"
            label={t("call.deadline")}
            hint={t("call.deadline_zone", { zone: timeZone })}
            value={v.deadline}
            errors={e}
          />
          <TextField
            name="decisionWithinDays"
            label={t("call.decision_within_days")}
            hint={t("call.decision_within_days_help")}
            value={v.decisionWithinDays}
            inputmode="numeric"
            errors={e}
          />
        </div>
        <SelectField
          name="confidential"
          label={t("call.confidential")}
          hint={t("call.confidential_help")}
          value={v.confidential}
          options={(["auto", "yes", "no"] as const).map((c) => ({
            value: c,
            label: t(`call.confidential_${c}`),
          }))}
          errors={e}
        />
      </fieldset>

      <fieldset class="field">
        <legend>{t("call.review_mode")}</legend>
        <div class="row">
          <SelectField
            name="reviewMode"
            label={t("call.review_mode")}
            hint={t("call.review_mode_help")}
            value={v.reviewMode}
            options={REVIEW_MODES.map((m) => ({ value: m, label: t(`call.review_mode_${m}`) }))}
            errors={e}
          />
          <TextField
            name="reviewsPerApplication"
            label={t("call.reviews_per_application")}
            value={v.reviewsPerApplication}
            inputmode="numeric"
            errors={e}
          />
        </div>
      </fieldset>

      <h2>{t("call.eligibility")}</h2>
      <p class="muted">{t("call.eligibility_help")}</p>
      <div class="field">
        <label>
          <input type="checkbox" name="globalSouthOnly" checked={v.globalSouthOnly} />{" "}
          {t("call.global_south_only")}
        </label>
      </div>
      <div class="field">
        <label for="countries">{t("call.countries")}</label>
        <span class="hint" id="countries-hint">
          {t("call.countries_help")}
        </span>
        {e?.countries && (
          <span class="error" id="countries-error">
            {e.countries}
          </span>
        )}
        <select
          id="countries"
          name="countries"
          multiple
          size={6}
          aria-describedby={e?.countries ? "countries-hint countries-error" : "countries-hint"}
        >
          {countries.map((c) => (
            <option value={c.code} selected={v.countries.includes(c.code)}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <ChoiceGroup
        type="checkbox"
        name="legalStatuses"
        label={t("call.legal_statuses")}
        hint={t("call.none_means_all")}
        values={v.legalStatuses}
        options={checks(LEGAL_STATUSES, "legal")}
        errors={e}
      />
      <fieldset class="field">
        <legend>{t("call.max_budget")}</legend>
        <span class="hint">{t("call.max_budget_help")}</span>
        <div class="row">
          <TextField
            name="maxBudgetAmount"
            label={t("org.budget_amount")}
            value={v.maxBudgetAmount}
            inputmode="decimal"
            errors={e}
          />
          <CurrencyInput
            name="maxBudgetCurrency"
            label={t("org.budget_currency")}
            value={v.maxBudgetCurrency}
            errors={e}
            local={localCurrency}
          />
        </div>
      </fieldset>
      <ChoiceGroup
        type="checkbox"
        name="requiredLedBy"
        label={t("call.required_led_by")}
        hint={t("call.required_led_by_help")}
        values={v.requiredLedBy}
        options={checks(LED_BY, "ledby")}
        errors={e}
      />
      <SelectField
        name="minTrustLevel"
        label={t("call.min_trust_level")}
        hint={t("call.min_trust_level_help")}
        value={v.minTrustLevel || "0"}
        options={TRUST_LEVELS.map((l) => ({
          value: String(l),
          label: l === 0 ? t("call.min_trust_none") : trustLevelLabel(l, t, locale),
        }))}
        errors={e}
      />

      <h2>{t("call.priorities")}</h2>
      <p class="muted">{t("call.priorities_help")}</p>
      <ChoiceGroup
        type="checkbox"
        name="prioLedBy"
        label={t("org.led_by")}
        values={v.prioLedBy}
        options={checks(LED_BY, "ledby")}
        errors={e}
      />
      <ChoiceGroup
        type="checkbox"
        name="prioSettings"
        label={t("org.setting")}
        values={v.prioSettings}
        options={checks(SETTINGS, "setting")}
        errors={e}
      />
      <ChoiceGroup
        type="checkbox"
        name="prioThemes"
        label={t("org.themes")}
        values={v.prioThemes}
        options={checks(THEMES, "theme")}
        errors={e}
      />

      <h2>{t("call.questions")}</h2>
      <p class="muted">{t("call.questions_help")}</p>
      {questions.map((q, i) => (
        <fieldset class="field">
          <legend>{t("call.question_n", { n: i + 1 })}</legend>
          <input type="hidden" name={`q${i + 1}_id`} value={q.id} />
          <div class="row">
            <TextField
              name={`q${i + 1}_label`}
              label={t("call.question_label")}
              value={q.label}
              errors={e}
              maxLength={300}
              required={i === 0}
            />
            <TextField
              name={`q${i + 1}_max`}
              label={t("call.question_max")}
              value={q.maxChars || (q.label ? "" : "1000")}
              inputmode="numeric"
              errors={e}
            />
          </div>
        </fieldset>
      ))}
      <p>
        <button type="submit">{submitLabel}</button>
      </p>
    </form>
  );
};
