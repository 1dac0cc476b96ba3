// One application to review, anonymised: the answers under their questions, the amount asked for and
// coarse facts — never who applied. The form scores 1–5 with an optional comment, or hands the
// application back with a declared conflict of interest. Plain form, no JavaScript.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { ChoiceGroup, ErrorSummary, Notice, TextField, type FormErrors } from "../../components/form";
import { countryName } from "../../../worker/i18n";
import { formatMoney } from "../../../worker/domain/money";
import { REVIEW_COMMENT_MAX_CHARS } from "../../../schema/limits";
import type { ReviewItemView } from "../../../schema/api/reviews";
import { ReviewStatus } from "./Queue";

export type ReviewFormValues = { score: string; comment: string };

const SCALE = ["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v }));

const Facts = ({ app }: { app: ReviewItemView["application"] }) => {
  const { t, locale } = usePage();
  return (
    <dl class="facts">
      <dt>{t("review.amount")}</dt>
      <dd>{app.requestedAmount ? <bdi>{formatMoney(app.requestedAmount, locale)}</bdi> : "—"}</dd>
      <dt>{t("review.country")}</dt>
      <dd>{app.country ? countryName(app.country, locale) : "—"}</dd>
      <dt>{t("review.setting")}</dt>
      <dd>{app.setting ? t(`setting.${app.setting}`) : "—"}</dd>
      <dt>{t("review.size_band")}</dt>
      <dd>{app.sizeBand ? t(`report.size.${app.sizeBand}`) : "—"}</dd>
      <dt>{t("review.led_by")}</dt>
      <dd>{app.ledBy.length ? app.ledBy.map((l) => t(`ledby.${l}`)).join(", ") : "—"}</dd>
    </dl>
  );
};

type Props = { item: ReviewItemView; values: ReviewFormValues; errors?: FormErrors; notice?: string };

export const ReviewPage = ({ item, values, errors, notice }: Props) => {
  const { t } = usePage();
  const open = item.status !== "conflict" && !item.call.tallyPublishedAt;
  return (
    <Shell title={t("review.title")}>
      <p>
        <a href="/reviews">{t("review.back")}</a>
      </p>
      <h1 dir="auto">{item.call.title}</h1>
      <p class="muted">
        {t("review.ref")} <bdi>{item.application.ref}</bdi> · <ReviewStatus item={item} />
      </p>
      {notice && <Notice>{notice}</Notice>}
      <p class="muted">{t("review.anonymised_note")}</p>
      <Facts app={item.application} />
      {item.call.questions.map((q) => (
        <section>
          <h2 dir="auto">{q.label}</h2>
          <p class="pre" dir="auto">
            {item.application.answers[q.id] ?? "—"}
          </p>
        </section>
      ))}
      {item.status === "conflict" && <p>{t("review.conflict_declared")}</p>}
      {item.call.tallyPublishedAt && <p>{t("review.closed")}</p>}
      {open && (
        <>
          <h2>{t("review.your_score")}</h2>
          <ErrorSummary errors={errors} />
          <form class="stack" method="post" action={`/reviews/${item.id}`} novalidate>
            <ChoiceGroup
              type="radio"
              name="score"
              label={t("review.score")}
              hint={t("review.score_hint")}
              values={[values.score]}
              options={SCALE}
              required
              errors={errors}
            />
            <TextField
              name="comment"
              label={t("review.comment")}
              hint={t("review.comment_hint", { max: REVIEW_COMMENT_MAX_CHARS })}
              value={values.comment}
              maxLength={REVIEW_COMMENT_MAX_CHARS}
              multiline
              errors={errors}
            />
            <p>
              <button type="submit">{t("review.submit")}</button>
            </p>
          </form>
          <form method="post" action={`/reviews/${item.id}`}>
            <input type="hidden" name="conflict" value="1" />
            <p class="hint">{t("review.conflict_hint")}</p>
            <button type="submit" class="secondary">
              {t("review.conflict")}
            </button>
          </form>
        </>
      )}
    </Shell>
  );
};
