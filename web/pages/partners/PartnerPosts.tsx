// "Looking for partners" on a call page: the open posts of groups the viewer may see, a form to post as
// one of the viewer's groups, and a close button on the viewer's own groups' posts.
import { usePage } from "../../context";
import { SelectField, TextField, type FormErrors } from "../../components/form";
import type { PartnerPostView } from "../../../schema/api/partners";

export type PartnerPostsProps = {
  callId: string;
  /** null: not signed in (who seeks partners is not for the open web). */
  posts: PartnerPostView[] | null;
  /** The viewer's civil-society groups that may post (open calls only). */
  postAs: { id: string; name: string }[];
  mine: string[];
  errors?: FormErrors;
};

export const PartnerPosts = ({ callId, posts, postAs, mine, errors }: PartnerPostsProps) => {
  const { t } = usePage();
  return (
    <section aria-labelledby="partner-posts-title" id="partner-posts">
      <h2 id="partner-posts-title">{t("partner.posts.title")}</h2>
      {posts === null ? (
        <p>
          <a href={`/login?next=/calls/${callId}`}>{t("partner.posts.sign_in")}</a>
        </p>
      ) : posts.length ? (
        <ul>
          {posts.map((p) => (
            <li>
              <a href={`/orgs/${p.orgId}`} dir="auto">
                {p.orgName}
              </a>
              <p class="pre" dir="auto">
                {p.message}
              </p>
              {mine.includes(p.orgId) && (
                <form method="post" action={`/partner-posts/${p.id}/close`}>
                  <button type="submit" class="secondary">
                    {t("partner.posts.close")}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t("partner.posts.none")}</p>
      )}
      {posts !== null && postAs.length > 0 && (
        <form method="post" action={`/calls/${callId}/partner-posts`}>
          <SelectField
            name="orgId"
            label={t("partner.posts.as")}
            options={postAs.map((o) => ({ value: o.id, label: o.name }))}
            errors={errors}
          />
          <TextField
            name="message"
            label={t("partner.posts.message")}
            multiline
            maxLength={1000}
            errors={errors}
            required
          />
          <button type="submit">{t("partner.posts.submit")}</button>
        </form>
      )}
    </section>
  );
};
