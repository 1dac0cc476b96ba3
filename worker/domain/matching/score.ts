// The score's fit part: priorities, theme overlap and language, each a share of its weight, with one
// reason per dimension the call sets. The equity boost (equity-boost.ts) adds the rest.
import { intersect, primaryLanguage, type CallCriteria, type MatchProfile, type Reason } from "./types";

/** Where the points come from. Every weight of the ranking is here, and the README explains them. */
export const WEIGHTS = {
  /** Share of the call's priority dimensions (led-by, setting, themes) the organisation meets. */
  priorities: 35,
  /** Share of the call's themes that are also the organisation's. */
  themes: 25,
  /** The organisation works in one of the call's languages. */
  language: 10,
  /** The equity boost, split between the factors below (they add up to this). */
  equity: 30,
} as const;

/** Priorities: one reason per dimension the call prioritises. */
export const priorityReasons = (call: CallCriteria, org: MatchProfile): Reason[] => {
  const p = call.priorities;
  const reasons: Reason[] = [];
  if (p.ledBy.length) {
    const shared = intersect(org.ledBy, p.ledBy);
    reasons.push({
      criterion: "priority_led_by",
      met: shared.length > 0,
      key: shared.length ? "match.prio_led_by_met" : "match.prio_led_by_unmet",
      params: { shared: { ledBy: shared }, wanted: { ledBy: p.ledBy } },
    });
  }
  if (p.settings.length) {
    const met = !!org.setting && p.settings.includes(org.setting);
    reasons.push({
      criterion: "priority_setting",
      met,
      key: met ? "match.prio_setting_met" : "match.prio_setting_unmet",
      params: { yours: { settings: org.setting ? [org.setting] : [] }, wanted: { settings: p.settings } },
    });
  }
  if (p.themes.length) {
    const shared = intersect(org.themes, p.themes);
    reasons.push({
      criterion: "priority_themes",
      met: shared.length > 0,
      key: shared.length ? "match.prio_themes_met" : "match.prio_themes_unmet",
      params: { shared: { themes: shared }, wanted: { themes: p.themes } },
    });
  }
  return reasons;
};

export const themeFit = (call: CallCriteria, org: MatchProfile): Reason[] => {
  if (!call.themes.length) return [];
  const shared = intersect(call.themes, org.themes);
  const reason: Reason = {
    criterion: "themes",
    met: shared.length > 0,
    key: shared.length ? "match.themes_met" : "match.themes_unmet",
    params: { shared: { themes: shared }, wanted: { themes: call.themes } },
  };
  return [reason];
};

export const languageFit = (call: CallCriteria, org: MatchProfile): Reason[] => {
  if (!call.languages.length) return [];
  const wanted = call.languages.map(primaryLanguage);
  const shared = org.languages.filter((l) => wanted.includes(primaryLanguage(l)));
  const key = !org.languages.length
    ? "match.language_missing"
    : shared.length
      ? "match.language_met"
      : "match.language_unmet";
  return [
    {
      criterion: "language" as const,
      met: shared.length > 0,
      key,
      params: { shared: { languages: shared }, wanted: { languages: call.languages } },
    } as Reason,
  ];
};
