// Forgotten password: ask for the address, then say a reset link was sent.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { ErrorSummary, type FormErrors } from "../../components/form";
import { EmailField } from "./auth-form";

export const ForgotPage = ({
  values = {},
  errors,
  sentTo,
}: {
  values?: Record<string, string>;
  errors?: FormErrors;
  sentTo?: string;
}) => {
  const { t } = usePage();
  return (
    <Shell title={t("auth.forgot_title")}>
      <h1>{t("auth.forgot_title")}</h1>
      {sentTo ? (
        <p role="status">{t("auth.forgot_sent", { email: sentTo })}</p>
      ) : (
        <>
          <p>{t("auth.forgot_intro")}</p>
          <ErrorSummary errors={errors} />
          <form class="stack" method="post" action="/forgot" novalidate>
            <EmailField value={values.email} autocomplete="email" errors={errors} />
            <p>
              <button type="submit">{t("auth.forgot_submit")}</button>
            </p>
          </form>
        </>
      )}
    </Shell>
  );
};
