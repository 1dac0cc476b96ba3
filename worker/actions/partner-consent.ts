// A partner organisation's owners consent to a consortium application (or take it back) while it is a
// draft. Apart from actions/partners.ts because it loads the application as every application use case does.
import type { Db } from "../db/client";
import type { Viewer } from "../domain/permissions";
import type { Translate } from "../i18n";
import { loadApplication } from "./applications";
import { consentAsPartner } from "./partners";

export const givePartnerConsent = async (
  db: Db,
  t: Translate,
  viewer: Viewer | null,
  applicationId: string,
  orgId: string,
  give: boolean,
) => {
  const loaded = await loadApplication(db, viewer, applicationId);
  return consentAsPartner(db, t, viewer, loaded, loaded.partners, orgId, give);
};
