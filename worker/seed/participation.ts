// Demo data for decisions shared with communities and for rapid response:
// - a closed call reviewed by a community panel (the demo panelist and two others), with five
//   submitted applications in their groups' languages, so the panel's queue and the tally have content;
// - a confidential rapid-response call with two requests, one already past its promised decision date.
// Written once (skipped when the panel call exists); review opens through the same use case as closing,
// so the panelists' queues are what the assignment rules give.
import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { calls, callPanelists } from "../../schema";
import type { Db } from "../db/client";
import { nowIso } from "../db/client";
import { callValues, type CallFields } from "../db/calls";
import { daysAgo, snapshotOf, submittedApplicationInsert, type DemoApplication } from "./submitted";
import { openReview } from "../actions/review-opening";

export const DEMO_PANEL_CALL = "demo-call-community-panel";
export const DEMO_RAPID_CALL = "demo-call-rapid-protection";
export const DEMO_PANELIST = "demo-user-panelist";

const usd = (dollars: number) => ({ amount: dollars * 100, currency: "USD" });

const panelCall = (deadline: string): CallFields => ({
  title: "Community-decided grants for grassroots groups",
  summary:
    "Small flexible grants decided with the communities concerned: a panel of community members scores every application, anonymised, and the tally is published with the decisions.",
  languages: ["en", "fr", "es", "ar"],
  themes: ["womens_rights", "livelihoods", "local_governance"],
  eligibility: { globalSouthOnly: true },
  priorities: { settings: ["rural"] },
  grant: { min: usd(2_000), max: usd(8_000) },
  fundingType: "core",
  durationMonths: 12,
  deadline,
  questions: [
    { id: "q1", label: "What does your group do, and for whom?", maxChars: 800 },
    { id: "q2", label: "What would this grant change this year?", maxChars: 800 },
  ],
  review: { mode: "panel", reviewsPerApplication: 2 },
});

const rapidCall: CallFields = {
  title: "Rapid response for groups under threat",
  summary:
    "Fast, discreet support when a group or its members are threatened: relocation, legal aid, digital security, medical care. Requests are confidential and decided within seven days.",
  languages: ["en", "fr", "es", "ar"],
  themes: ["human_rights_defence", "digital_rights"],
  eligibility: { globalSouthOnly: true },
  priorities: {},
  grant: { min: usd(500), max: usd(5_000) },
  fundingType: "project",
  durationMonths: 3,
  kind: "rapid",
  decisionWithinDays: 7,
  questions: [
    { id: "need", label: "What happened, and what do you need now?", maxChars: 600 },
    { id: "safe", label: "How can we reach you safely?", maxChars: 200 },
  ],
};

const APPLICATIONS: DemoApplication[] = [
  {
    id: "demo-app-panel-minya",
    callId: DEMO_PANEL_CALL,
    orgId: "demo-cso-minya",
    createdBy: "demo-user-cso",
    submittedDaysAgo: 12,
    dollars: 6_000,
    answers: {
      q1: "نعلّم النساء في قريتنا القراءة والكتابة، وننظم حلقة ادخار صغيرة.",
      q2: "إيجار غرفة للدروس طوال العام ومواصلات للمدرّبات.",
    },
  },
  {
    id: "demo-app-panel-thies",
    callId: DEMO_PANEL_CALL,
    orgId: "demo-cso-thies",
    createdBy: "demo-user-fatou",
    submittedDaysAgo: 10,
    dollars: 5_000,
    answers: {
      q1: "Nous accompagnons les jeunes de Thiès dans le maraîchage et la vente collective.",
      q2: "Un forage partagé et deux saisons de semences.",
    },
  },
  {
    id: "demo-app-panel-gulu",
    callId: DEMO_PANEL_CALL,
    orgId: "demo-cso-gulu",
    createdBy: "demo-user-grace",
    submittedDaysAgo: 9,
    dollars: 7_500,
    answers: {
      q1: "We support young mothers in Gulu with savings groups and childcare.",
      q2: "A year of childcare so twenty mothers can keep their market stalls.",
    },
  },
  {
    id: "demo-app-panel-cauca",
    callId: DEMO_PANEL_CALL,
    orgId: "demo-cso-cauca",
    createdBy: "demo-user-lucia",
    submittedDaysAgo: 8,
    dollars: 4_000,
    answers: {
      q1: "Defendemos el agua de nuestras veredas con guardias comunitarias.",
      q2: "Formación jurídica y transporte para las guardias durante un año.",
    },
  },
  {
    id: "demo-app-panel-bekaa",
    callId: DEMO_PANEL_CALL,
    orgId: "demo-cso-bekaa",
    createdBy: "demo-user-omar",
    submittedDaysAgo: 7,
    dollars: 8_000,
    answers: {
      q1: "ندير مساحة آمنة للأطفال اللاجئين في البقاع ودروس دعم مدرسي.",
      q2: "رواتب رمزية لأربع متطوعات ومواد تعليمية.",
    },
  },
  {
    id: "demo-app-rapid-bekaa",
    callId: DEMO_RAPID_CALL,
    orgId: "demo-cso-bekaa",
    createdBy: "demo-user-omar",
    submittedDaysAgo: 9,
    dollars: 3_000,
    answers: {
      need: "تلقّت منسّقتنا تهديدات بعد نشاط توعوي؛ نحتاج إلى نقلها مؤقتًا وتأمين هاتفها.",
      safe: "عبر المنصة فقط.",
    },
  },
  {
    id: "demo-app-rapid-cauca",
    callId: DEMO_RAPID_CALL,
    orgId: "demo-cso-cauca",
    createdBy: "demo-user-lucia",
    submittedDaysAgo: 2,
    dollars: 2_000,
    answers: {
      need: "Una de nuestras guardias fue amenazada; necesitamos asesoría jurídica urgente.",
      safe: "Por la plataforma, de día.",
    },
  },
];

/** The panel: the demo panelist, the Egypt chapter's coordinator and Grace (whose Gulu group applied: never assigned it). */
const PANELISTS = [DEMO_PANELIST, "demo-user-coordinator", "demo-user-grace"];

/** Seeds both calls and their applications and opens the panel's review; false when already there. */
export const seedDemoParticipation = async (db: Db, now = Date.now()) => {
  if (await db.select({ id: calls.id }).from(calls).where(eq(calls.id, DEMO_PANEL_CALL)).get()) return false;
  const stamp = nowIso();
  const statements: BatchItem<"sqlite">[] = [
    db
      .insert(calls)
      .values({
        ...callValues(DEMO_PANEL_CALL, "demo-funder-horizons", panelCall(daysAgo(2, now)), stamp, "closed"),
        publishedAt: daysAgo(40, now),
        closedAt: daysAgo(2, now),
      })
      .onConflictDoNothing(),
    db
      .insert(calls)
      .values({
        ...callValues(DEMO_RAPID_CALL, "demo-funder-horizons", rapidCall, stamp, "open"),
        publishedAt: daysAgo(60, now),
      })
      .onConflictDoNothing(),
    ...PANELISTS.map((userId) =>
      db
        .insert(callPanelists)
        .values({ callId: DEMO_PANEL_CALL, userId, createdAt: stamp })
        .onConflictDoNothing(),
    ),
  ];
  for (const a of APPLICATIONS)
    statements.push(submittedApplicationInsert(db, a, await snapshotOf(db, a.orgId), now));
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  await openReview(db, DEMO_PANEL_CALL);
  return true;
};
