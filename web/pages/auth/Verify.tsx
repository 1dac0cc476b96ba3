// The e-mail confirmation link's page: a button that confirms the address (a GET never uses up a token).
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { ErrorSummary, type FormErrors } from "../../components/form";
import { TokenForm } from "./token-form";

export const VerifyPage = ({ token, errors }: { token: string; errors?: FormErrors }) => {
  const { t } = usePage();
  return (
    <Shell title={t("auth.verify_title")}>
      <h1>{t("auth.verify_title")}</h1>
      <ErrorSummary errors={errors} />
      {errors?.token ? (
        <p>
          <a href="/login">{t("nav.login")}</a>
        </p>
      ) : (
        <>
          <p>{t("auth.verify_intro")}</p>
          <TokenForm action="/verify" token={token} submit={t("auth.verify_submit")} />
        </>
      )}
    </Shell>
  );
};
