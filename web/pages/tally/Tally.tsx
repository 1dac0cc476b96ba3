// The review tally of a panel or peer call: the method in plain words, the anonymised ranking with the
// decisions, departures marked with the funder's reason, and — for the funder — publishing and links.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { Scroll } from "../../components/Scroll";
import type { CallView } from "../../../schema/api/calls";
import type { TallyItemView, TallyView } from "../../../schema/api/tally";
import { formatDate, formatNumber } from "../../../worker/i18n";

const num = (x: number | null, locale: Parameters<typeof formatNumber>[1]) =>
  x === null ? "—" : formatNumber(x, locale);

const Decision = ({ item }: { item: TallyItemView }) => {
  const { t } = usePage();
  return (
    <>
      <span
        class={
          item.decision ? `status status-${item.decision === "award" ? "awarded" : "declined"}` : "muted"
        }
      >
        {t(`tally.decision.${item.decision ?? "none"}`)}
      </span>
      {item.departs && (
        <>
          <br />
          <strong class="flag">{t("tally.departs")}</strong>
          <br />
          {item.note ? (
            <>
              {t("tally.departs_why")} <span dir="auto">{item.note}</span>
            </>
          ) : (
            <span class="muted">{t("tally.departs_no_note")}</span>
          )}
        </>
      )}
    </>
  );
};

const Row = ({ item }: { item: TallyItemView }) => {
  const { t, locale } = usePage();
  return (
    <tr class={item.departs ? "departs" : undefined}>
      <td>{formatNumber(item.rank, locale)}</td>
      <td>
        <code>{item.application}</code>
        {item.applicationId && (
          <>
            {" "}
            · <a href={`/applications/${item.applicationId}`}>{t("tally.open_application")}</a>
          </>
        )}
      </td>
      <td>{formatNumber(item.reviews, locale)}</td>
      <td>{num(item.meanScore, locale)}</td>
      <td>{num(item.standardisedScore, locale)}</td>
      <td>
        <Decision item={item} />
      </td>
    </tr>
  );
};

const Table = ({ items }: { items: TallyItemView[] }) => {
  const { t } = usePage();
  return (
    <Scroll>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("tally.col_rank")}</th>
            <th scope="col">{t("tally.col_ref")}</th>
            <th scope="col">{t("tally.col_reviews")}</th>
            <th scope="col">{t("tally.col_mean")}</th>
            <th scope="col">{t("tally.col_standardised")}</th>
            <th scope="col">{t("tally.col_decision")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <Row item={i} />
          ))}
        </tbody>
      </table>
    </Scroll>
  );
};

export const TallyPage = ({
  call,
  tally,
  canPublish,
}: {
  call: Pick<CallView, "id" | "title">;
  tally: TallyView;
  canPublish: boolean;
}) => {
  const { t, locale, timeZone } = usePage();
  const title = t("tally.title", { call: call.title });
  return (
    <Shell title={title}>
      <p class="muted">
        <a href={`/calls/${call.id}`}>{t("tally.back_to_call")}</a>
      </p>
      <h1 dir="auto">{title}</h1>
      <p>
        {tally.publishedAt
          ? t("tally.published_on", { date: formatDate(tally.publishedAt, locale, timeZone) })
          : t("tally.not_published")}
      </p>
      {tally.items.length ? <Table items={tally.items} /> : <p>{t("tally.none")}</p>}
      <h2>{t("tally.method_heading")}</h2>
      <p>{t("tally.method_plain")}</p>
      {canPublish && (
        <form class="stack" method="post" action={`/calls/${call.id}/tally/publish`}>
          <p class="hint">{t("tally.publish_help")}</p>
          <p>
            <button type="submit">{t("tally.publish")}</button>
          </p>
        </form>
      )}
    </Shell>
  );
};
