// "Which calls fit us?" without an account: the profile questions matching reads, and on sending them the
// open calls with the reason for every criterion. Nothing typed here is kept.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { SelectField, ErrorSummary, type FormErrors } from "../../components/form";
import { FitFacts, ProfileFacts } from "../../components/ProfileFacts";
import { CallCard } from "../../components/CallCard";
import { Reasons } from "../../components/Reasons";
import { Score } from "../matches/score";
import type { OrgFormValues } from "../../components/OrgForm";
import type { EligibilityResultView } from "../../../schema/api/eligibility";

type Props = {
  values: OrgFormValues;
  errors?: FormErrors;
  countries: { code: string; name: string }[];
  /** Present once the questions were answered. */
  result?: EligibilityResultView;
};

const CheckForm = ({ values: v, errors: e, countries }: Omit<Props, "result">) => {
  const { t } = usePage();
  return (
    <form class="stack" method="post" action="/check" novalidate autocomplete="off">
      <ErrorSummary errors={e} />
      <SelectField
        name="country"
        label={t("org.country")}
        value={v.country}
        blank="—"
        options={countries.map((c) => ({ value: c.code, label: c.name }))}
        required
        errors={e}
      />
      <ProfileFacts values={v} errors={e} />
      <FitFacts values={v} errors={e} />
      <p>
        <button type="submit">{t("check.submit")}</button>
      </p>
    </form>
  );
};

const Results = ({ result }: { result: EligibilityResultView }) => {
  const { t } = usePage();
  const eligible = result.items.filter((m) => m.eligible).length;
  return (
    <section aria-labelledby="check-results">
      <h2 id="check-results">{t("check.results", { eligible, total: result.items.length })}</h2>
      {result.items.length === 0 ? (
        <p>{t("call.none")}</p>
      ) : (
        <ul class="cards">
          {result.items.map((m) => (
            <CallCard call={m.call}>
              <Score m={{ ...m, invited: false }} />
              <details open={m.eligible}>
                <summary>{t("match.why")}</summary>
                <Reasons reasons={m.reasons} />
              </details>
            </CallCard>
          ))}
        </ul>
      )}
      <p>
        <a href="/signup">{t("check.signup")}</a>
      </p>
    </section>
  );
};

export const CheckPage = ({ values, errors, countries, result }: Props) => {
  const { t } = usePage();
  return (
    <Shell title={t("check.title")}>
      <h1>{t("check.title")}</h1>
      <p>{t("check.intro")}</p>
      <p class="muted">{t("check.private")}</p>
      {result && <Results result={result} />}
      <CheckForm values={values} errors={errors} countries={countries} />
    </Shell>
  );
};
