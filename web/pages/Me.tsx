// The account page: organisations, invitations, language preference and personal API tokens.
import { Scroll } from "../components/Scroll";
import { Shell } from "../layouts/Shell";
import { usePage } from "../context";
import { TextField, SelectField, ErrorSummary, Notice, type FormErrors } from "../components/form";
import { LANGUAGE_NAMES } from "../components/languages";
import { LOCALES } from "../../schema/enums";
import { countryName, formatDate } from "../../worker/i18n";
import { Sentence, slot } from "../components/Trust";
import { PledgeList } from "./pledges/pledge-list";
import { RapidWaiting, type RapidWaitingItem } from "../components/RapidWaiting";
import { ConsortiumRequests } from "./partners/ConsortiumRequests";
import type { ConsortiumRequestView } from "../../schema/api/partners";
import type { Viewer } from "../../worker/domain/permissions";
import { DigestToggles } from "./digest/DigestToggles";

type AwardAttention = { id: string; title: string; overdue: number; unconfirmed: number };

/** Both sides see what is late: tranches past due, money sent but not confirmed. */
const AwardsAttention = ({ awards }: { awards: AwardAttention[] }) => {
  const { t } = usePage();
  return (
    <section aria-labelledby="awards-attention">
      <h2 id="awards-attention">{t("me.awards_title")}</h2>
      <ul>
        {awards.map((a) => (
          <li>
            <a href={`/awards/${a.id}`}>
              <bdi>{a.title}</bdi>
            </a>
            {a.overdue > 0 && <> · {t("me.award_overdue", { count: a.overdue })}</>}
            {a.unconfirmed > 0 && <> · {t("me.award_unconfirmed", { count: a.unconfirmed })}</>}
          </li>
        ))}
      </ul>
    </section>
  );
};

type Props = {
  tokens: { id: string; name: string; createdAt: string; lastUsedAt: string | null }[];
  invitations: {
    id: string;
    orgName: string;
    role: "owner" | "member";
    expiresAt: string;
    /** `panel`: an invitation to review `call`, joining nothing. */
    kind?: "member" | "panel";
    call?: { id: string; title: string };
  }[];
  /** The person has review assignments: the account page links their queue. */
  hasReviews?: boolean;
  orgNames: Record<string, string>;
  callInvitations: { callId: string; title: string; orgName: string }[];
  notifications: {
    id: string;
    kind: string;
    data: Record<string, string | number | null>;
    createdAt: string;
  }[];
  timeZones: string[];
  pledges: Parameters<typeof PledgeList>[0]["items"];
  newToken?: string;
  notice?: string;
  errors?: FormErrors;
  /** A member of a hidden or funders-only group without two-step sign-in. */
  recommendTwoFactor?: boolean;
  /** Countries whose chapter the person coordinates. */
  chapters: string[];
  /** Groups asking organisations the person owns for a vouch. */
  vouchRequests: { id: string; fromOrgId: string; fromName: string; toOrgId: string; createdAt: string }[];
  /** Awards of the person's organisations with a tranche overdue or money not confirmed after 30 days. */
  awardsAttention: AwardAttention[];
  /** Rapid-response requests waiting on the person's funder organisations, per call. */
  rapidWaiting?: RapidWaitingItem[];
  /** The person's CSOs whose weekly digest they receive. */
  digests?: string[];
  /** Consortium applications naming a group the person owns (Consent / Withdraw). */
  consortiumRequests?: ConsortiumRequestView[];
};

const Memberships = ({ viewer, orgNames }: { viewer: Viewer; orgNames: Props["orgNames"] }) => {
  const { t } = usePage();
  return (
    <>
      <h2>{t("me.memberships")}</h2>
      {viewer.memberships.length ? (
        <ul>
          {viewer.memberships.map((m) => (
            <li>
              <a href={`/orgs/${m.orgId}`}>{orgNames[m.orgId] ?? m.orgId}</a> — {t(`kind.${m.orgKind}`)} (
              {t(`role.${m.role}`)}){" · "}
              {m.orgKind === "cso" ? (
                <a href={`/orgs/${m.orgId}/matches`}>{t("org.see_matches")}</a>
              ) : (
                <a href="/calls/new">{t("call.new")}</a>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t("me.no_memberships")}</p>
      )}
      <p>
        <a class="button" href="/orgs/new">
          {t("me.create_org")}
        </a>
      </p>
    </>
  );
};

const Chapters = ({ chapters }: { chapters: Props["chapters"] }) => {
  const { t, locale } = usePage();
  return (
    <>
      <h2>{t("me.chapters")}</h2>
      <ul>
        {chapters.map((code) => (
          <li>
            <a href={`/chapters/${code}#queue`}>
              {t("chapter.title", { country: countryName(code, locale) })}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
};

const VouchRequests = ({
  requests,
  orgNames,
}: {
  requests: Props["vouchRequests"];
  orgNames: Props["orgNames"];
}) => {
  const { t, locale, timeZone } = usePage();
  return (
    <>
      <h2>{t("me.vouch_requests")}</h2>
      <ul>
        {requests.map((r) => (
          <li>
            <Sentence text={t("me.vouch_request", { from: slot, to: orgNames[r.toOrgId] ?? "" })}>
              <a href={`/orgs/${r.fromOrgId}#vouch`}>
                <bdi>{r.fromName}</bdi>
              </a>
            </Sentence>{" "}
            <span class="muted">{formatDate(r.createdAt, locale, timeZone)}</span>
          </li>
        ))}
      </ul>
    </>
  );
};

const Invitations = ({ invitations }: { invitations: Props["invitations"] }) => {
  const { t, locale, timeZone } = usePage();
  return (
    <>
      <h2>{t("me.invitations")}</h2>
      <ul>
        {invitations.map((i) => (
          <li>
            <span>
              {i.kind === "panel"
                ? t("review.invited_to_panel", { org: i.orgName, call: i.call?.title ?? "" })
                : t("me.invited_as", { org: i.orgName, role: t(`role.${i.role}`) })}
            </span>{" "}
            <span class="muted">
              {t("me.answer_by", { date: formatDate(i.expiresAt, locale, timeZone) })}
            </span>
            <div class="actions">
              <form method="post" action={`/me/invitations/${i.id}/accept`}>
                <button type="submit">
                  {t("me.accept")}
                  <span class="sr-only"> {i.orgName}</span>
                </button>
              </form>
              <form method="post" action={`/me/invitations/${i.id}/decline`}>
                <button type="submit" class="secondary">
                  {t("me.decline")}
                  <span class="sr-only"> {i.orgName}</span>
                </button>
              </form>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
};

const Notifications = ({ notifications }: { notifications: Props["notifications"] }) => {
  const { t, locale } = usePage();
  return (
    <>
      <h2>{t("me.notifications")}</h2>
      <ul>
        {notifications.map((n) => (
          <li>
            <a href={`/applications/${n.data.applicationId}`}>
              {t(`notice.${n.kind}` as never, {
                call: String(n.data.callTitle ?? ""),
                org: String(n.data.orgName ?? ""),
              })}
            </a>{" "}
            <span class="muted">{formatDate(n.createdAt, locale)}</span>
          </li>
        ))}
      </ul>
    </>
  );
};

const CallInvitations = ({ invitations }: { invitations: Props["callInvitations"] }) => {
  const { t } = usePage();
  return (
    <>
      <h2>{t("me.call_invitations")}</h2>
      <ul>
        {invitations.map((i) => (
          <li>
            <a href={`/calls/${i.callId}`}>{t("me.invited_to_apply", { org: i.orgName, call: i.title })}</a>
          </li>
        ))}
      </ul>
    </>
  );
};

const Pledges = ({ pledges }: { pledges: Props["pledges"] }) => {
  const { t } = usePage();
  return (
    <>
      <h2>{t("pledge.my_pledges")}</h2>
      <PledgeList items={pledges} empty="" />
    </>
  );
};

const Settings = ({
  viewer,
  timeZones,
  errors,
}: {
  viewer: Viewer;
  timeZones: Props["timeZones"];
  errors?: FormErrors;
}) => {
  const { t } = usePage();
  return (
    <>
      <h2>{t("me.settings")}</h2>
      <form class="stack" method="post" action="/me/settings">
        <TextField
          name="name"
          label={t("auth.name")}
          value={viewer.name}
          autocomplete="name"
          errors={errors}
        />
        <SelectField
          name="locale"
          label={t("auth.locale")}
          value={viewer.locale}
          options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          errors={errors}
        />
        <SelectField
          name="timeZone"
          label={t("me.time_zone")}
          value={viewer.timeZone ?? ""}
          blank={t("me.time_zone_auto")}
          options={timeZones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
          errors={errors}
        />
        <p>
          <button type="submit">{t("me.save")}</button>
        </p>
      </form>
    </>
  );
};

const Tokens = ({
  tokens,
  newToken,
  errors,
}: {
  tokens: Props["tokens"];
  newToken?: string;
  errors?: FormErrors;
}) => {
  const { t, locale } = usePage();
  return (
    <>
      <h2>{t("me.tokens")}</h2>
      <p class="muted">{t("me.tokens_help")}</p>
      {newToken && (
        <Notice>
          <p>{t("me.token_created")}</p>
          <pre>
            <code>{newToken}</code>
          </pre>
        </Notice>
      )}
      {tokens.length > 0 && (
        <div class="scroll">
          <Scroll>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("me.token_name")}</th>
                  <th scope="col">{t("me.token_last_used")}</th>
                  <th scope="col"></th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((tok) => (
                  <tr>
                    <td>{tok.name}</td>
                    <td>{tok.lastUsedAt ? formatDate(tok.lastUsedAt, locale) : t("me.never")}</td>
                    <td>
                      <form method="post" action={`/me/tokens/${tok.id}/revoke`}>
                        <button type="submit" class="secondary">
                          {t("me.token_revoke")}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
        </div>
      )}
      <form class="stack" method="post" action="/me/tokens">
        <TextField name="token_name" label={t("me.token_name")} errors={errors} required />
        <p>
          <button type="submit">{t("me.token_create")}</button>
        </p>
      </form>
    </>
  );
};

export const MePage = ({
  tokens,
  invitations,
  orgNames,
  callInvitations,
  notifications,
  timeZones,
  pledges,
  newToken,
  notice,
  errors,
  recommendTwoFactor,
  chapters,
  vouchRequests,
  awardsAttention,
  rapidWaiting = [],
  digests = [],
  hasReviews,
  consortiumRequests = [],
}: Props) => {
  const { t, viewer } = usePage();
  if (!viewer) return null;
  return (
    <Shell title={t("me.title")}>
      <h1>{t("me.title")}</h1>
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={errors} />
      {recommendTwoFactor && (
        <Notice>
          {t("me.2fa_recommended")} <a href="/me/security#two-step">{t("me.2fa_turn_on")}</a>
        </Notice>
      )}
      <p>
        {viewer.name} · {viewer.email} · {t("me.role")}: {t(`platform.${viewer.platformRole}`)} ·{" "}
        <a href="/me/security">{t("me.security")}</a>
      </p>
      <Memberships viewer={viewer} orgNames={orgNames} />
      {hasReviews && (
        <p>
          <a href="/reviews">{t("review.my_reviews")}</a>
        </p>
      )}
      {chapters.length > 0 && <Chapters chapters={chapters} />}
      {vouchRequests.length > 0 && <VouchRequests requests={vouchRequests} orgNames={orgNames} />}
      <RapidWaiting items={rapidWaiting} />
      <ConsortiumRequests items={consortiumRequests} />
      {invitations.length > 0 && <Invitations invitations={invitations} />}
      {awardsAttention.length > 0 && <AwardsAttention awards={awardsAttention} />}
      {notifications.length > 0 && <Notifications notifications={notifications} />}
      {callInvitations.length > 0 && <CallInvitations invitations={callInvitations} />}
      {pledges.length > 0 && <Pledges pledges={pledges} />}
      <DigestToggles on={digests} orgNames={orgNames} />
      <Settings viewer={viewer} timeZones={timeZones} errors={errors} />
      <Tokens tokens={tokens} newToken={newToken} errors={errors} />
    </Shell>
  );
};
