// An organisation's members: everyone who may see the list gets names and roles; owners also get e-mail
// addresses, a role form and a remove button per member, the pending invitations (revoke) and the
// invite form; every member can leave. Plain forms: nothing here needs JavaScript.
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";
import { Scroll } from "../components/Scroll";
import { TextField, SelectField, ErrorSummary, Notice, type FormErrors } from "../components/form";
import { formatDate } from "../../worker/i18n";
import { MEMBER_ROLES, type MemberRole } from "../../schema/enums";
import type { OrgView } from "../../schema/api/orgs";

type Member = { userId: string; name: string; email?: string; role: MemberRole };
type Invitation = { id: string; email: string; role: MemberRole; expiresAt: string };

/** Error keys of the per-member forms (also the ids the error summary links to). */
export const roleField = (userId: string) => `role-${userId}`;
export const removeField = (userId: string) => `remove-${userId}`;
export const LEAVE_FIELD = "leave";

/** A message next to a control, referenced by its aria-describedby. */
const FieldError = ({ id, message }: { id: string; message?: string }) =>
  message ? (
    <span class="error" id={`${id}-error`}>
      {message}
    </span>
  ) : null;

type Props = {
  org: OrgView;
  items: Member[];
  invitations: Invitation[];
  isOwner: boolean;
  notice?: string;
  errors?: FormErrors;
  values?: { email?: string; role?: string };
};

export const MembersPage = ({ org, items, invitations, isOwner, notice, errors, values }: Props) => {
  const { t, viewer, locale, timeZone } = usePage();
  const me = viewer?.userId;
  const isMember = items.some((m) => m.userId === me);
  const base = `/orgs/${org.id}`;
  return (
    <Shell title={t("members.title", { org: org.name })}>
      <h1>{t("members.title", { org: org.name })}</h1>
      <p>
        <a href={base}>{t("members.back")}</a>
      </p>
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={errors} />

      <div class="scroll">
        <Scroll>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("members.name")}</th>
                {isOwner && <th scope="col">{t("auth.email")}</th>}
                <th scope="col">{t("members.role")}</th>
                {isOwner && <th scope="col"></th>}
              </tr>
            </thead>
            <tbody>
              {items.map((m) => {
                const roleId = roleField(m.userId);
                const removeId = removeField(m.userId);
                const roleError = errors?.[roleId];
                const removeError = errors?.[removeId];
                return (
                  <tr>
                    <td>
                      <bdi>{m.name}</bdi>
                      {m.userId === me && <> {t("members.you")}</>}
                    </td>
                    {isOwner && (
                      <td>
                        <bdi>{m.email}</bdi>
                      </td>
                    )}
                    <td>
                      {isOwner ? (
                        <form method="post" action={`${base}/members/${m.userId}/role`} class="actions">
                          <label class="sr-only" for={roleId}>
                            {t("members.role_of", { name: m.name })}
                          </label>
                          <FieldError id={roleId} message={roleError} />
                          <select
                            id={roleId}
                            name="role"
                            aria-invalid={roleError ? "true" : undefined}
                            aria-describedby={roleError ? `${roleId}-error` : undefined}
                          >
                            {MEMBER_ROLES.map((r) => (
                              <option value={r} selected={r === m.role}>
                                {t(`role.${r}`)}
                              </option>
                            ))}
                          </select>
                          <button type="submit" class="secondary">
                            {t("members.change")}
                          </button>
                        </form>
                      ) : (
                        t(`role.${m.role}`)
                      )}
                    </td>
                    {isOwner && (
                      <td>
                        {m.userId !== me && (
                          <form method="post" action={`${base}/members/${m.userId}/remove`}>
                            <FieldError id={removeId} message={removeError} />
                            <button
                              type="submit"
                              class="secondary"
                              id={removeId}
                              aria-describedby={removeError ? `${removeId}-error` : undefined}
                            >
                              {t("members.remove")}
                              <span class="sr-only"> {m.name}</span>
                            </button>
                          </form>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Scroll>
      </div>

      {isMember && me && (
        <form method="post" action={`${base}/members/${me}/remove`} class="stack">
          <p class="muted">{t("members.leave_help")}</p>
          <FieldError id={LEAVE_FIELD} message={errors?.[LEAVE_FIELD]} />
          <p>
            <button
              type="submit"
              class="danger"
              id={LEAVE_FIELD}
              aria-describedby={errors?.[LEAVE_FIELD] ? `${LEAVE_FIELD}-error` : undefined}
            >
              {t("members.leave")}
            </button>
          </p>
        </form>
      )}

      {isOwner && (
        <>
          <h2>{t("members.invitations")}</h2>
          {invitations.length ? (
            <ul>
              {invitations.map((i) => (
                <li>
                  <form method="post" action={`${base}/invitations/${i.id}/revoke`} class="actions">
                    <span>
                      <bdi>{i.email}</bdi> — {t(`role.${i.role}`)} ·{" "}
                      <span class="muted">
                        {t("members.expires", { date: formatDate(i.expiresAt, locale, timeZone) })}
                      </span>
                    </span>
                    <button type="submit" class="secondary">
                      {t("members.revoke")}
                      <span class="sr-only"> {i.email}</span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t("members.no_invitations")}</p>
          )}

          <h2>{t("org.invite")}</h2>
          <form class="stack" method="post" action={`${base}/members`} novalidate>
            <TextField
              name="email"
              type="email"
              label={t("auth.email")}
              value={values?.email}
              autocomplete="off"
              required
              errors={errors}
            />
            <SelectField
              name="role"
              label={t("members.role")}
              value={values?.role ?? "member"}
              options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              errors={errors}
            />
            <p>
              <button type="submit">{t("org.invite_submit")}</button>
            </p>
          </form>
        </>
      )}
    </Shell>
  );
};
