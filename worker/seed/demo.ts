// Demo data for local development: the demo accounts, funders and CSOs in several Global South
// countries and all four languages, and the trust ladder's start (an Egypt chapter with a coordinator who
// confirmed the Minya group; the Tunisian group verified by the platform, so two trusted organisations in
// Northern Africa can vouch). Idempotent: fixed ids and INSERT … ON CONFLICT DO NOTHING, so a second run
// keeps whatever the first run (and the people using the app since) wrote.
import { like } from "drizzle-orm";
import { users, orgs, memberships, calls, chapterCoordinators, confirmations } from "../../schema";
import { recomputeTrust } from "../actions/trust";
import type { BatchItem } from "drizzle-orm/batch";
import { callValues, type CallFields } from "../db/calls";
import type { Db } from "../db/client";
import { nowIso } from "../db/client";
import { hashPassword } from "../security/password";
import { toMask } from "../domain/bitmask";
import { seedDemoPledges } from "./pledges";
import { seedDemoGrantHistory } from "./grant-history";
import { seedDemoAfterAward } from "./after-award";
import { seedDemoReport } from "./reports";
import { seedDemoParticipation } from "./participation";
import { seedDemoResources } from "./resources";
import { seedDemoOffers } from "./offers";
import { seedDemoReview } from "./review-demo";
import { LED_BY, THEMES, type LedBy, type Theme } from "../../schema/enums";
import type { PlatformRole } from "../../schema/accounts";

export const DEMO_PASSWORD = "sanad-demo-2026";

/** The Egypt chapter's coordinator (coordinator@sanad.example). */
export const DEMO_COORDINATOR = "demo-user-coordinator";

type DemoUser = { id: string; email: string; name: string; locale: string; platformRole: PlatformRole };
export const DEMO_USERS: DemoUser[] = [
  {
    id: "demo-user-admin",
    email: "admin@sanad.example",
    name: "Salma Haddad",
    locale: "en",
    platformRole: "admin",
  },
  {
    id: "demo-user-analyst",
    email: "analyst@sanad.example",
    name: "Diego Ramírez",
    locale: "es",
    platformRole: "analyst",
  },
  {
    id: "demo-user-funder",
    email: "funder@sanad.example",
    name: "Claire Dubois",
    locale: "fr",
    platformRole: "user",
  },
  {
    id: "demo-user-cso",
    email: "cso@sanad.example",
    name: "أمل عبد الرحمن",
    locale: "ar",
    platformRole: "user",
  },
  {
    id: "demo-user-coordinator",
    email: "coordinator@sanad.example",
    name: "هبة سليمان",
    locale: "ar",
    platformRole: "user",
  },
  {
    id: "demo-user-panelist",
    email: "panelist@sanad.example",
    name: "نادية كرم",
    locale: "ar",
    platformRole: "user",
  },
  {
    id: "demo-user-fatou",
    email: "fatou@demo.sanad.example",
    name: "Fatou Ndiaye",
    locale: "fr",
    platformRole: "user",
  },
  {
    id: "demo-user-lucia",
    email: "lucia@demo.sanad.example",
    name: "Lucía Quispe",
    locale: "es",
    platformRole: "user",
  },
  {
    id: "demo-user-grace",
    email: "grace@demo.sanad.example",
    name: "Grace Atim",
    locale: "en",
    platformRole: "user",
  },
  {
    id: "demo-user-omar",
    email: "omar@demo.sanad.example",
    name: "عمر الخطيب",
    locale: "ar",
    platformRole: "user",
  },
];

export type DemoOrg = {
  id: string;
  owner: string;
  kind: "cso" | "funder";
  name: string;
  description: string;
  country: string;
  area?: string;
  setting?: "urban" | "peri_urban" | "rural";
  legalStatus?: "registered" | "unregistered" | "fiscally_sponsored" | "movement";
  foundedYear?: number;
  budget?: [number, string];
  staff?: number;
  volunteers?: number;
  ledBy?: LedBy[];
  themes?: Theme[];
  languages: string[];
  visibility?: "public" | "funders_only" | "hidden";
  verified?: boolean;
  /** Listed on its country chapter's page. */
  listed?: boolean;
};

export const DEMO_ORGS: DemoOrg[] = [
  {
    id: "demo-funder-horizons",
    owner: "demo-user-funder",
    kind: "funder",
    name: "Open Horizons Fund",
    description:
      "A participatory fund giving flexible, multi-year core grants to grassroots groups in Africa and the Middle East.",
    country: "NL",
    setting: "urban",
    legalStatus: "registered",
    foundedYear: 2008,
    languages: ["en", "fr", "ar"],
    themes: ["womens_rights", "climate_environment", "human_rights_defence"],
    verified: true,
  },
  {
    id: "demo-funder-sahel",
    owner: "demo-user-fatou",
    kind: "funder",
    name: "Fonds Solidarité Sahel",
    description:
      "Fonds régional qui soutient les associations de femmes et de jeunes au Sahel, y compris les groupes non enregistrés.",
    country: "SN",
    area: "Dakar",
    setting: "urban",
    legalStatus: "registered",
    foundedYear: 2012,
    languages: ["fr", "wo"],
    themes: ["livelihoods", "youth", "womens_rights"],
    verified: true,
  },
  {
    id: "demo-funder-semillas",
    owner: "demo-user-lucia",
    kind: "funder",
    name: "Fondo Raíces del Sur",
    description:
      "Fondo feminista que financia organizaciones comunitarias, indígenas y rurales en América Latina.",
    country: "CO",
    area: "Bogotá",
    setting: "urban",
    legalStatus: "registered",
    foundedYear: 2005,
    languages: ["es"],
    themes: ["womens_rights", "climate_environment", "local_governance"],
    verified: true,
  },
  {
    id: "demo-cso-minya",
    owner: "demo-user-cso",
    kind: "cso",
    name: "جمعية نساء المنيا الريفيات",
    description: "مجموعة من النساء في قرى المنيا تعمل على محو الأمية والمشاريع الصغيرة المدرّة للدخل.",
    country: "EG",
    area: "المنيا",
    setting: "rural",
    legalStatus: "unregistered",
    foundedYear: 2019,
    budget: [800000, "USD"],
    staff: 0,
    volunteers: 14,
    ledBy: ["women"],
    themes: ["womens_rights", "livelihoods", "education"],
    languages: ["ar"],
    visibility: "public",
    listed: true,
  },
  {
    id: "demo-cso-thies",
    owner: "demo-user-fatou",
    kind: "cso",
    name: "Collectif des Jeunes de Thiès",
    description:
      "Mouvement de jeunes qui organise des jardins communautaires et des formations au numérique.",
    country: "SN",
    area: "Thiès",
    setting: "peri_urban",
    legalStatus: "movement",
    foundedYear: 2021,
    budget: [2500000, "XOF"],
    staff: 0,
    volunteers: 35,
    ledBy: ["youth"],
    themes: ["youth", "climate_environment", "digital_rights"],
    languages: ["fr", "wo"],
    visibility: "public",
    verified: true,
  },
  {
    id: "demo-cso-cauca",
    owner: "demo-user-lucia",
    kind: "cso",
    name: "Red de Mujeres Indígenas del Cauca",
    description: "Red de mujeres nasa y misak que defiende el territorio y el agua de sus comunidades.",
    country: "CO",
    area: "Cauca",
    setting: "rural",
    legalStatus: "fiscally_sponsored",
    foundedYear: 2014,
    budget: [4500000, "USD"],
    staff: 2,
    volunteers: 60,
    ledBy: ["women", "indigenous"],
    themes: ["womens_rights", "water_sanitation", "human_rights_defence"],
    languages: ["es", "nsa"],
    visibility: "public",
    verified: true,
  },
  {
    id: "demo-cso-gulu",
    owner: "demo-user-grace",
    kind: "cso",
    name: "Gulu Youth Climate Action",
    description:
      "Young people in northern Uganda planting trees and training farmers in climate-smart agriculture.",
    country: "UG",
    area: "Gulu",
    setting: "rural",
    legalStatus: "registered",
    foundedYear: 2017,
    budget: [3000000, "USD"],
    staff: 3,
    volunteers: 40,
    ledBy: ["youth"],
    themes: ["climate_environment", "livelihoods", "youth"],
    languages: ["en", "ach"],
    visibility: "public",
  },
  {
    id: "demo-cso-bekaa",
    owner: "demo-user-omar",
    kind: "cso",
    name: "مبادرة نساء البقاع اللاجئات",
    description: "مجموعة غير مسجّلة من النساء اللاجئات تقدّم الدعم النفسي والتعليم للأطفال في المخيمات.",
    country: "LB",
    area: "البقاع",
    setting: "rural",
    legalStatus: "unregistered",
    foundedYear: 2016,
    budget: [1200000, "USD"],
    staff: 0,
    volunteers: 22,
    ledBy: ["women", "displaced_people"],
    themes: ["displaced_people", "education", "health"],
    languages: ["ar"],
    visibility: "hidden",
  },
  {
    id: "demo-cso-coxs",
    owner: "demo-user-grace",
    kind: "cso",
    name: "Rohingya Youth Learning Circle",
    description: "Volunteer teachers running learning circles for young people in the camps.",
    country: "BD",
    area: "Cox's Bazar",
    setting: "peri_urban",
    legalStatus: "unregistered",
    foundedYear: 2018,
    budget: [500000, "USD"],
    staff: 0,
    volunteers: 18,
    ledBy: ["youth", "displaced_people"],
    themes: ["education", "displaced_people", "youth"],
    languages: ["rhg", "en"],
    visibility: "funders_only",
  },
  {
    id: "demo-cso-quiche",
    owner: "demo-user-lucia",
    kind: "cso",
    name: "Asociación Agua Viva de Quiché",
    description: "Asociación comunitaria que construye sistemas de agua potable en aldeas mayas.",
    country: "GT",
    area: "Quiché",
    setting: "rural",
    legalStatus: "registered",
    foundedYear: 2009,
    budget: [9500000, "USD"],
    staff: 6,
    volunteers: 25,
    ledBy: ["indigenous"],
    themes: ["water_sanitation", "health", "local_governance"],
    languages: ["es", "quc"],
    visibility: "public",
    verified: true,
  },
  {
    id: "demo-cso-tunis",
    owner: "demo-user-omar",
    kind: "cso",
    name: "جمعية شباب من أجل الحقوق الرقمية",
    description: "شباب تونسيون يدرّبون الصحفيين المواطنين والناشطين على الأمان الرقمي.",
    country: "TN",
    area: "تونس",
    setting: "urban",
    legalStatus: "registered",
    foundedYear: 2015,
    budget: [45000000, "TND"],
    staff: 4,
    volunteers: 12,
    ledBy: ["youth"],
    themes: ["digital_rights", "human_rights_defence"],
    languages: ["ar", "fr"],
    visibility: "public",
    verified: true,
    listed: true,
  },
];

type DemoCall = {
  id: string;
  funder: string;
  status: "draft" | "open";
  daysLeft: number;
  fields: Omit<CallFields, "deadline">;
};

const q = (id: string, label: string, maxChars: number) => ({ id, label, maxChars });
const usd = (dollars: number) => ({ amount: dollars * 100, currency: "USD" });

/** Calls in the funders' own languages; deadlines are set relative to the first seeding. */
export const DEMO_CALLS: DemoCall[] = [
  {
    id: "demo-call-rural-women",
    funder: "demo-funder-horizons",
    status: "open",
    daysLeft: 45,
    fields: {
      title: "Core support for rural women-led groups",
      summary:
        "Two years of flexible core funding for small women-led groups in rural areas of the Global South. Use it for what you need most: rent, stipends, transport, equipment. Registered or not.",
      languages: ["en", "fr", "ar"],
      themes: ["womens_rights", "livelihoods", "human_rights_defence"],
      eligibility: { globalSouthOnly: true, maxAnnualBudget: usd(50_000) },
      priorities: { ledBy: ["women"], settings: ["rural", "peri_urban"], themes: ["womens_rights"] },
      grant: { min: usd(5_000), max: usd(25_000) },
      fundingType: "core",
      durationMonths: 24,
      questions: [
        q("q1", "What change does your group want to see in your community?", 800),
        q("q2", "What would core funding let you do that you cannot do now?", 800),
        q("q3", "Who makes decisions in your group, and how?", 500),
      ],
    },
  },
  {
    id: "demo-call-sahel-youth",
    funder: "demo-funder-sahel",
    status: "open",
    daysLeft: 30,
    fields: {
      title: "Appui aux initiatives de jeunes au Sahel",
      summary:
        "Des subventions de projet pour les groupes de jeunes au Sénégal, au Mali, au Burkina Faso, au Niger, en Mauritanie et au Tchad. Les groupes non enregistrés et les mouvements sont les bienvenus.",
      languages: ["fr", "wo"],
      themes: ["youth", "livelihoods", "climate_environment"],
      eligibility: { countries: ["BF", "ML", "MR", "NE", "SN", "TD"], requiredLedBy: ["youth"] },
      priorities: { themes: ["climate_environment"] },
      grant: { min: { amount: 1_000_000, currency: "XOF" }, max: { amount: 5_000_000, currency: "XOF" } },
      fundingType: "project",
      durationMonths: 12,
      questions: [
        q("q1", "Décrivez votre projet en quelques phrases.", 1000),
        q("q2", "Comment les jeunes de votre communauté y participent-ils ?", 600),
      ],
    },
  },
  {
    id: "demo-call-defensoras",
    funder: "demo-funder-semillas",
    status: "open",
    daysLeft: 60,
    fields: {
      title: "Fondo para defensoras del territorio",
      summary:
        "Apoyo básico y flexible para organizaciones y colectivos de mujeres que defienden el territorio, el agua y los bosques en América Latina.",
      languages: ["es"],
      themes: ["womens_rights", "water_sanitation", "human_rights_defence", "climate_environment"],
      eligibility: { countries: ["BO", "CO", "EC", "GT", "HN", "MX", "PE"], requiredLedBy: ["women"] },
      priorities: { ledBy: ["indigenous"], settings: ["rural"] },
      grant: { min: usd(3_000), max: usd(15_000) },
      fundingType: "core",
      durationMonths: 24,
      questions: [
        q("q1", "¿Qué territorio defienden y frente a qué amenazas?", 1000),
        q("q2", "¿Cómo usarían este apoyo en los próximos dos años?", 800),
        q("q3", "¿Cómo cuidan la seguridad de sus integrantes?", 600),
      ],
    },
  },
  {
    id: "demo-call-digital-safety",
    funder: "demo-funder-horizons",
    status: "open",
    daysLeft: 20,
    fields: {
      title: "Digital safety for activists in closed civic spaces",
      summary:
        "Small project grants for informal groups, movements and fiscally sponsored collectives that protect activists and journalists online.",
      languages: ["en", "ar", "fr", "es"],
      themes: ["digital_rights", "human_rights_defence"],
      eligibility: {
        globalSouthOnly: true,
        legalStatuses: ["unregistered", "movement", "fiscally_sponsored"],
      },
      priorities: { ledBy: ["youth", "women"] },
      grant: { min: usd(2_000), max: usd(10_000) },
      fundingType: "project",
      durationMonths: 12,
      questions: [
        q("q1", "Who do you train or protect, and against which threats?", 800),
        q("q2", "What will you do with the grant?", 800),
      ],
    },
  },
  {
    id: "demo-call-trusted-groups",
    funder: "demo-funder-horizons",
    status: "open",
    daysLeft: 40,
    fields: {
      title: "Core support for trusted community groups in Egypt and North Africa",
      summary:
        "Flexible core funding for community groups in Egypt and its neighbours that other trusted organisations nearby vouch for (trust level 2 or above). Registered or not.",
      languages: ["ar", "en", "fr"],
      themes: ["womens_rights", "livelihoods", "local_governance"],
      eligibility: { countries: ["DZ", "EG", "LY", "MA", "SD", "TN"], minTrustLevel: 2 },
      priorities: { settings: ["rural", "peri_urban"] },
      grant: { min: usd(3_000), max: usd(12_000) },
      fundingType: "core",
      durationMonths: 12,
      questions: [
        q("q1", "What does your group do, and for whom?", 800),
        q("q2", "What would core funding change for your group this year?", 800),
      ],
    },
  },
  {
    id: "demo-call-climate-draft",
    funder: "demo-funder-horizons",
    status: "draft",
    daysLeft: 90,
    fields: {
      title: "Climate adaptation micro-grants 2027",
      summary: "Micro-grants for community-led climate adaptation in rural areas. Draft: not yet published.",
      languages: ["en", "fr"],
      themes: ["climate_environment", "livelihoods"],
      eligibility: { globalSouthOnly: true, maxAnnualBudget: usd(25_000) },
      priorities: { settings: ["rural"] },
      grant: { min: usd(1_000), max: usd(5_000) },
      fundingType: "project",
      durationMonths: 12,
      questions: [
        q("q1", "What climate risk does your community face, and what will you do about it?", 1000),
      ],
    },
  },
];

export const orgRow = (o: DemoOrg, now: string) => ({
  id: o.id,
  kind: o.kind,
  name: o.name,
  description: o.description,
  country: o.country,
  area: o.area ?? null,
  setting: o.setting ?? null,
  legalStatus: o.legalStatus ?? null,
  foundedYear: o.foundedYear ?? null,
  annualBudgetAmount: o.budget?.[0] ?? null,
  annualBudgetCurrency: o.budget?.[1] ?? null,
  staffCount: o.staff ?? null,
  volunteerCount: o.volunteers ?? null,
  ledBy: toMask(o.ledBy ?? [], LED_BY),
  themes: toMask(o.themes ?? [], THEMES),
  languages: JSON.stringify(o.languages),
  visibility: o.visibility ?? "public",
  verified: o.verified ?? false,
  listedInChapter: o.listed ?? false,
  createdAt: now,
  updatedAt: now,
});

/**
 * Seeds the demo data in one atomic batch and returns how many users and organisations it added
 * (0 and 0 on a second run). One statement per row: D1 allows at most 100 bound parameters per query.
 * With `uploads`, the Minya award also gets a sent light report with a photo stored there.
 */
export const seedDemo = async (db: Db, pepper: string, uploads?: R2Bucket) => {
  const now = nowIso();
  const passwordHash = await hashPassword(DEMO_PASSWORD, pepper);
  const deadline = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const statements: BatchItem<"sqlite">[] = [
    ...DEMO_USERS.map((u) =>
      db
        .insert(users)
        .values({ ...u, passwordHash, emailVerifiedAt: now, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning({ id: users.id }),
    ),
    ...DEMO_ORGS.map((o) =>
      db.insert(orgs).values(orgRow(o, now)).onConflictDoNothing().returning({ id: orgs.id }),
    ),
    ...DEMO_ORGS.map((o) =>
      db
        .insert(memberships)
        .values({ orgId: o.id, userId: o.owner, role: "owner", createdAt: now })
        .onConflictDoNothing()
        .returning({ id: memberships.orgId }),
    ),
    ...DEMO_CALLS.map((c) =>
      db
        .insert(calls)
        .values(callValues(c.id, c.funder, { ...c.fields, deadline: deadline(c.daysLeft) }, now, c.status))
        .onConflictDoNothing()
        .returning({ id: calls.id }),
    ),
  ];
  const results = (await db.batch(
    statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]],
  )) as unknown[][];
  const added = (from: number, count: number) =>
    results.slice(from, from + count).reduce((n, r) => n + r.length, 0);
  const orgsFrom = DEMO_USERS.length;
  const callsFrom = orgsFrom + 2 * DEMO_ORGS.length;
  const pledges = await seedDemoPledges(db);
  await seedDemoGrantHistory(db);
  // After the grant history: its 2025 call carries the Minya award, and its awards get plans and money.
  await seedDemoAfterAward(db);
  // Its light report needs somewhere to keep the photo: only callers with the R2 bucket get one.
  if (uploads) await seedDemoReport(db, uploads);
  await seedDemoParticipation(db);
  await seedDemoResources(db);
  await seedDemoOffers(db);
  await seedDemoReview(db);
  // The Egypt chapter and its confirmation of the Minya group, written only by the run that creates the
  // coordinator's account: a coordinator an admin removed, or a confirmation withdrawn since, stays so.
  if (results[DEMO_USERS.findIndex((u) => u.id === DEMO_COORDINATOR)].length) {
    await db.batch([
      db
        .insert(chapterCoordinators)
        .values({ country: "EG", userId: DEMO_COORDINATOR, appointedBy: "demo-user-admin", createdAt: now })
        .onConflictDoNothing(),
      db
        .insert(confirmations)
        .values({
          id: "demo-confirmation-minya",
          orgId: "demo-cso-minya",
          coordinatorUserId: DEMO_COORDINATOR,
          method: "visit",
          note: "زرنا المجموعة في إحدى قرى المنيا، والتقينا خمس عضوات وحضرنا درس محو الأمية.",
          createdAt: now,
        })
        .onConflictDoNothing(),
    ]);
  }
  // Every seeded organisation's level, derived from the evidence (stored only when it changes: a second run writes nothing).
  for (const { id } of await db.select({ id: orgs.id }).from(orgs).where(like(orgs.id, "demo-%")).all())
    await recomputeTrust(db, id);
  return {
    users: added(0, DEMO_USERS.length),
    orgs: added(orgsFrom, DEMO_ORGS.length),
    calls: added(callsFrom, DEMO_CALLS.length),
    pledges,
  };
};
