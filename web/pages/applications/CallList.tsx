// The funder's list of a call's submitted applications, with their review averages; for a rapid-response
// call, in the order they are due, with the promised date and overdue ones flagged.
import { Scroll } from "../../components/Scroll";
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import type { ReviewedApplicationView } from "../../../schema/api/applications";
import type { CallView } from "../../../schema/api/calls";
import { formatMoney } from "../../../worker/domain/money";
import { CallLine } from "./call-line";
import { Status } from "./status";
import { DecideBy } from "../../components/RapidPromise";

const Row = ({ app: a, rapid }: { app: ReviewedApplicationView; rapid: boolean }) => {
  const { t, locale } = usePage();
  return (
    <tr class={a.overdue ? "overdue" : undefined}>
      <td>
        <a href={`/applications/${a.id}`}>
          <bdi>{a.orgName}</bdi>
        </a>
      </td>
      <td>{a.requestedAmount && <bdi>{formatMoney(a.requestedAmount, locale)}</bdi>}</td>
      <td>
        <Status app={a} />
        {a.awardId && (
          <>
            {" "}
            · <a href={`/awards/${a.awardId}`}>{t("award.open")}</a>
          </>
        )}
      </td>
      {rapid && (
        <td>
          <DecideBy app={a} />
        </td>
      )}
      <td>
        {a.averageScore === null
          ? "—"
          : t("application.average", { score: a.averageScore, n: a.reviewCount })}
      </td>
    </tr>
  );
};

const Table = ({ items, rapid }: { items: ReviewedApplicationView[]; rapid: boolean }) => {
  const { t } = usePage();
  return (
    <div class="scroll">
      <Scroll>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("org.name")}</th>
              <th scope="col">{t("application.requested")}</th>
              <th scope="col">{t("application.status")}</th>
              {rapid && <th scope="col">{t("rapid.decide_by")}</th>}
              <th scope="col">{t("application.reviews")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <Row app={a} rapid={rapid} />
            ))}
          </tbody>
        </table>
      </Scroll>
    </div>
  );
};

export const CallApplicationsPage = ({
  call,
  items,
}: {
  call: CallView;
  items: ReviewedApplicationView[];
}) => {
  const { t } = usePage();
  return (
    <Shell title={t("application.list_title", { call: call.title })}>
      <h1>{t("application.list_title", { call: call.title })}</h1>
      <CallLine call={call} />
      {items.length === 0 ? (
        <p>{t("application.none")}</p>
      ) : (
        <Table items={items} rapid={call.kind === "rapid"} />
      )}
    </Shell>
  );
};
