// The link to a list's next page (nothing on the last page).
import { usePage } from "../context";

export const NextPageLink = ({ href }: { href: string | null }) => {
  const { t } = usePage();
  return href ? (
    <p>
      <a href={href}>{t("org.next_page")}</a>
    </p>
  ) : null;
};
