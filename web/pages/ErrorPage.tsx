// A page for any error status: what happened, in the viewer's language, and a way back.
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";

export const ErrorPage = ({
  title,
  detail,
  signIn,
}: {
  title: string;
  detail?: string;
  signIn?: boolean;
}) => {
  const { t, path } = usePage();
  return (
    <Shell title={title}>
      <h1>{title}</h1>
      {detail && <p>{detail}</p>}
      {signIn && (
        <p>
          <a class="button" href={`/login?next=${encodeURIComponent(path)}`}>
            {t("nav.login")}
          </a>
        </p>
      )}
      <p>
        <a href="/">{t("error.back_home")}</a>
      </p>
    </Shell>
  );
};
