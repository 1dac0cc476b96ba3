// One resource in the library list and on its own page: what it is, its language and licence, and where to
// get it — a file's kind and size shown before anyone spends their data on downloading it.
import type { ComponentChildren } from "preact";
import { usePage } from "../../context";
import type { ResourceView } from "../../../schema/api/resources";
import { UPLOAD_MEDIA } from "../../../worker/uploads/kinds";
import { formatDate, languageName } from "../../../worker/i18n";
import { numberFormat } from "../../../worker/domain/intl-cache";

/** "PDF · 240 KB": the kind as everyone calls it, the size in KB below a megabyte, else in MB. */
export const FileFacts = ({ file }: { file: NonNullable<ResourceView["file"]> }) => {
  const { t, locale } = usePage();
  const mb = file.bytes >= 1024 * 1024;
  const n = mb ? file.bytes / (1024 * 1024) : Math.max(1, Math.round(file.bytes / 1024));
  const size = numberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  return (
    <span class="file-facts">
      {UPLOAD_MEDIA[file.kind].label} · {t(mb ? "resource.size_mb" : "resource.size_kb", { n: size })}
    </span>
  );
};

export const GetIt = ({ r }: { r: ResourceView }) => {
  const { t } = usePage();
  if (r.file)
    return (
      <p>
        <FileFacts file={r.file} />{" "}
        <a href={`/api/v1/uploads/${r.file.id}`} download>
          {t("resource.download")}
        </a>
      </p>
    );
  return r.url ? (
    <p>
      <a href={r.url} rel="noopener noreferrer nofollow" dir="ltr">
        {t("resource.open_link")}
      </a>
    </p>
  ) : null;
};

export const Facts = ({ r }: { r: ResourceView }) => {
  const { t, locale } = usePage();
  return (
    <p class="muted">
      <bdi>{r.org?.name ?? t("resource.member_org")}</bdi> · {languageName(r.language, locale)} ·{" "}
      {t(`resource.licence.${r.licence}`)}
      {r.publishedAt && (
        <>
          {" "}
          · <time datetime={r.publishedAt}>{formatDate(r.publishedAt, locale)}</time>
        </>
      )}
    </p>
  );
};

export const ResourceCard = ({ r, children }: { r: ResourceView; children?: ComponentChildren }) => {
  const { t } = usePage();
  return (
    <li class="card">
      <h2 dir="auto">
        <a href={`/resources/${r.id}`}>{r.title}</a>
      </h2>
      <Facts r={r} />
      <p dir="auto">{r.summary.length > 300 ? `${r.summary.slice(0, 300)}…` : r.summary}</p>
      {r.themes.length > 0 && (
        <p>
          {r.themes.slice(0, 4).map((th) => (
            <span class="tag">{t(`theme.${th}`)}</span>
          ))}
        </p>
      )}
      <GetIt r={r} />
      {children}
    </li>
  );
};

/** Publish and Reject, each its own POST form (no script): the moderator comes back to the queue. */
export const ModerationButtons = ({ id }: { id: string }) => {
  const { t } = usePage();
  return (
    <div class="row">
      <form method="post" action={`/resources/${id}/publish`}>
        <button type="submit">{t("resource.publish")}</button>
      </form>
      <form method="post" action={`/resources/${id}/reject`}>
        <button type="submit" class="secondary">
          {t("resource.reject")}
        </button>
      </form>
    </div>
  );
};
