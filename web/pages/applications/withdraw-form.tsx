// The applicant's withdraw button (its own form: it must not send the draft's fields).
import { usePage } from "../../context";

export const WithdrawForm = ({ appId }: { appId: string }) => {
  const { t } = usePage();
  return (
    <form method="post" action={`/applications/${appId}/withdraw`}>
      <button type="submit" class="secondary">
        {t("application.withdraw")}
      </button>
    </form>
  );
};
