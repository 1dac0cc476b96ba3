// Reference data as the API and pages present it (names in the viewer's language).
import type { Db } from "../db/client";
import { listCountries, updateCountry, type CountryRow } from "../db/reference";
import { auditInsert } from "../db/audit";
import { countryName } from "../i18n";
import { THEMES, type Locale, type CivicSpace, type IncomeGroup } from "../../schema/enums";
import type { Translate } from "../i18n";
import { upsertFxRate } from "../db/fx";
import { canAdminister, type Viewer } from "../domain/permissions";
import { authorize } from "../core/authorize";

export const themeItems = (t: Translate) => THEMES.map((id) => ({ id, name: t(`theme.${id}`) }));

export const toCountry = (r: CountryRow, locale: Locale) => ({
  code: r.code,
  name: countryName(r.code, locale),
  region: r.unRegion,
  subregion: r.unSubregion,
  globalSouth: r.globalSouth,
  incomeGroup: r.wbIncomeGroup as IncomeGroup | null,
  odaGroup: r.dacOdaGroup,
  civicSpace: r.civicSpace as CivicSpace | null,
  civicSpaceAsOf: r.civicSpaceAsOf,
});

/** Countries sorted by their name in the viewer's language (what a select list should show). */
export const countriesFor = async (db: Db, locale: Locale) =>
  (await listCountries(db))
    .map((r) => toCountry(r, locale))
    .sort((a, b) => a.name.localeCompare(b.name, locale));

export const correctCountry = async (
  db: Db,
  actorUserId: string,
  code: string,
  patch: {
    incomeGroup?: string | null;
    odaGroup?: string | null;
    globalSouth?: boolean;
    civicSpace?: string | null;
    civicSpaceAsOf?: string | null;
  },
) => {
  const row = await updateCountry(db, code, {
    ...(patch.incomeGroup !== undefined && { wbIncomeGroup: patch.incomeGroup }),
    ...(patch.odaGroup !== undefined && { dacOdaGroup: patch.odaGroup }),
    ...(patch.globalSouth !== undefined && { globalSouth: patch.globalSouth }),
    ...(patch.civicSpace !== undefined && { civicSpace: patch.civicSpace }),
    ...(patch.civicSpaceAsOf !== undefined && { civicSpaceAsOf: patch.civicSpaceAsOf }),
  });
  if (row)
    await auditInsert(db, {
      actorUserId,
      action: "country.updated",
      subjectType: "country",
      subjectId: code,
      data: patch,
    });
  return row;
};

/** Admins add or correct a dated FX rate; stored US-dollar values in that currency follow (audited). */
export const setFxRate = async (
  db: Db,
  viewer: Viewer | null,
  r: { currency: string; asOf: string; usdPerUnit: number; source: string },
) => {
  authorize(viewer, canAdminister(viewer));
  await upsertFxRate(db, r, [
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "fx_rate.set",
      subjectType: "fx_rate",
      subjectId: `${r.currency}:${r.asOf}`,
      data: { usdPerUnit: r.usdPerUnit, source: r.source },
    }),
  ]);
  return r;
};
