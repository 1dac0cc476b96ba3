// Rating a funder on behalf of a group that applied to it: three scores from 1 to 5 and an optional
// comment. What is stored and when it is published is said before the form, not after.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import {
  ChoiceGroup,
  ErrorSummary,
  Notice,
  SelectField,
  TextField,
  type FormErrors,
} from "../../components/form";
import { RATING_COMMENT_MAX_CHARS } from "../../../schema/api/feedback";
import type { OrgView } from "../../../schema/api/orgs";

export type RatingFormValues = {
  orgId: string;
  easeOfApplying: string;
  respect: string;
  speed: string;
  comment: string;
};

type Props = {
  funder: OrgView;
  /** The viewer's organisations that applied to this funder. */
  orgs: { id: string; name: string }[];
  k: number;
  values: RatingFormValues;
  errors?: FormErrors;
  notice?: string;
};

const SCALE = ["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v }));
const SCORES = [
  ["easeOfApplying", "rating.ease"],
  ["respect", "rating.respect"],
  ["speed", "rating.speed"],
] as const;

export const RatePage = ({ funder, orgs, k, values, errors, notice }: Props) => {
  const { t } = usePage();
  return (
    <Shell title={t("rating.title")}>
      <h1>{t("rating.title")}</h1>
      <p>
        <a href={`/orgs/${funder.id}#ratings`}>
          <bdi>{funder.name}</bdi>
        </a>
      </p>
      {notice && <Notice>{notice}</Notice>}
      <p class="muted">{t("rating.intro", { k })}</p>
      <ErrorSummary errors={errors} />
      <form class="stack" method="post" action={`/funders/${funder.id}/rate`} novalidate>
        <SelectField
          name="orgId"
          label={t("rating.as")}
          value={values.orgId}
          options={orgs.map((o) => ({ value: o.id, label: o.name }))}
          required
          errors={errors}
        />
        {SCORES.map(([name, label]) => (
          <ChoiceGroup
            type="radio"
            name={name}
            label={t(label)}
            hint={t("rating.scale_hint")}
            values={[values[name]]}
            options={SCALE}
            required
            errors={errors}
          />
        ))}
        <TextField
          name="comment"
          label={t("rating.comment")}
          hint={t("rating.comment_hint")}
          value={values.comment}
          maxLength={RATING_COMMENT_MAX_CHARS}
          multiline
          errors={errors}
        />
        <p>
          <button type="submit">{t("rating.submit")}</button>
        </p>
      </form>
    </Shell>
  );
};
