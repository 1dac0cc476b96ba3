// The applicant's view once the application has left the draft form: status, decision, answers, and
// withdrawing while the workflow allows it. Admins (support) see the same page without the button.
import { Shell } from "../../layouts/Shell";
import { usePage } from "../../context";
import { Notice } from "../../components/form";
import { LeaveQuickly } from "../../components/LeaveQuickly";
import { PromisedDecision } from "../../components/RapidPromise";
import type { ApplicationView } from "../../../schema/api/applications";
import type { CallView } from "../../../schema/api/calls";
import { actionsFor } from "../../../worker/domain/application-workflow";
import { CallLine } from "./call-line";
import { StatusLine } from "./status";
import { DecisionView } from "./decision-view";
import { Answers } from "./answers";
import { WithdrawForm } from "./withdraw-form";
import { PartnersSection } from "../partners/PartnersSection";

type ViewProps = {
  app: ApplicationView;
  call: CallView;
  /** The viewer only reads (an admin): no applicant's buttons. */
  readOnly?: boolean;
  notice?: string;
};

export const ApplicationViewPage = ({ app, call, readOnly = false, notice }: ViewProps) => {
  const { t } = usePage();
  const actions = readOnly ? [] : actionsFor(app.status, "applicant");
  return (
    <Shell title={t("application.view_title", { call: call.title })}>
      <LeaveQuickly call={call} />
      <h1>{t("application.view_title", { call: call.title })}</h1>
      <CallLine call={call} />
      {notice && <Notice>{notice}</Notice>}
      <StatusLine app={app} />
      <PromisedDecision app={app} />
      <DecisionView app={app} />
      <Answers app={app} call={call} />
      <PartnersSection appId={app.id} partners={app.partners ?? []} />
      {actions.includes("withdraw") && <WithdrawForm appId={app.id} />}
    </Shell>
  );
};
