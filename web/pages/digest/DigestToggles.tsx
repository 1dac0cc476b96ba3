// "My account": the weekly digest of new calls, switched on or off per organisation (CSOs only).
import { usePage } from "../../context";

export const DigestToggles = ({ on, orgNames }: { on: string[]; orgNames: Record<string, string> }) => {
  const { t, viewer } = usePage();
  const csos = viewer?.memberships.filter((m) => m.orgKind === "cso") ?? [];
  if (!csos.length) return null;
  return (
    <section id="digest" aria-labelledby="digest-title">
      <h2 id="digest-title">{t("digest.title")}</h2>
      <p class="muted">{t("digest.help")}</p>
      <ul>
        {csos.map((m) => {
          const isOn = on.includes(m.orgId);
          return (
            <li>
              <form method="post" action="/me/digest">
                <bdi>{orgNames[m.orgId] ?? m.orgId}</bdi>:{" "}
                <strong>{isOn ? t("digest.on") : t("digest.off")}</strong>{" "}
                <input type="hidden" name="orgId" value={m.orgId} />
                <input type="hidden" name="on" value={isOn ? "false" : "true"} />
                <button type="submit">{isOn ? t("digest.turn_off") : t("digest.turn_on")}</button>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
};
