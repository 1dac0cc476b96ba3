// A page for any error status: what happened, in the viewer's language, a way back, and the request's
// reference to quote to support (the id in the request's log line).
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";

export const ErrorPage = ({
  title,
  detail,
  signIn,
  requestId,
}: {
  title: string;
  detail?: string;
  signIn?: boolean;
  requestId?: string;
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
      {requestId && (
        <p class="muted">
          {/* dir="ltr": a Latin id inside Arabic text keeps its character order. */}
          <small>
            {t("error.reference")} <code dir="ltr">{requestId}</code> {t("error.reference_hint")}
          </small>
        </p>
      )}
    </Shell>
  );
};
