// The landing page: what Sanad does for each kind of user.
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";

export const Home = () => {
  const { t, viewer } = usePage();
  return (
    <Shell title={t("app.tagline")}>
      <h1>{t("home.title")}</h1>
      <p class="lead">{t("home.lead")}</p>
      <ul class="cards">
        <li class="card">
          <h2>{t("home.for_cso")}</h2>
          <p>{t("home.for_cso_text")}</p>
        </li>
        <li class="card">
          <h2>{t("home.for_funders")}</h2>
          <p>{t("home.for_funders_text")}</p>
        </li>
        <li class="card">
          <h2>{t("home.for_analysts")}</h2>
          <p>{t("home.for_analysts_text")}</p>
        </li>
      </ul>
      <p class="row">
        {!viewer && (
          <a class="button" href="/signup">
            {t("home.cta_signup")}
          </a>
        )}
        <a class="button secondary" href="/orgs">
          {t("home.cta_orgs")}
        </a>
      </p>
    </Shell>
  );
};
