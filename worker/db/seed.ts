// Demo data for local development: the four demo accounts, funders and CSOs in several Global South
// countries and all four languages. Idempotent: fixed ids and INSERT … ON CONFLICT DO NOTHING, so a
// second run keeps whatever the first run (and the people using the app since) wrote.
import { users, orgs, memberships } from "../../schema";
import type { Db } from "./client";
import { nowIso } from "./client";
import { hashPassword } from "../security/password";
import { toMask } from "../domain/bitmask";
import { LED_BY, THEMES, type LedBy, type Theme } from "../../schema/enums";
import type { PlatformRole } from "../../schema/accounts";

export const DEMO_PASSWORD = "sanad-demo-2026";

type DemoUser = { id: string; email: string; name: string; locale: string; platformRole: PlatformRole };
export const DEMO_USERS: DemoUser[] = [
  { id: "demo-user-admin", email: "admin@sanad.example", name: "Salma Haddad", locale: "en", platformRole: "admin" },
  { id: "demo-user-analyst", email: "analyst@sanad.example", name: "Diego Ramírez", locale: "es", platformRole: "analyst" },
  { id: "demo-user-funder", email: "funder@sanad.example", name: "Claire Dubois", locale: "fr", platformRole: "user" },
  { id: "demo-user-cso", email: "cso@sanad.example", name: "أمل عبد الرحمن", locale: "ar", platformRole: "user" },
  { id: "demo-user-fatou", email: "fatou@demo.sanad.example", name: "Fatou Ndiaye", locale: "fr", platformRole: "user" },
  { id: "demo-user-lucia", email: "lucia@demo.sanad.example", name: "Lucía Quispe", locale: "es", platformRole: "user" },
  { id: "demo-user-grace", email: "grace@demo.sanad.example", name: "Grace Atim", locale: "en", platformRole: "user" },
  { id: "demo-user-omar", email: "omar@demo.sanad.example", name: "عمر الخطيب", locale: "ar", platformRole: "user" },
];

type DemoOrg = {
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
};

export const DEMO_ORGS: DemoOrg[] = [
  { id: "demo-funder-horizons", owner: "demo-user-funder", kind: "funder", name: "Open Horizons Fund", description: "A participatory fund giving flexible, multi-year core grants to grassroots groups in Africa and the Middle East.", country: "NL", setting: "urban", legalStatus: "registered", foundedYear: 2008, languages: ["en", "fr", "ar"], themes: ["womens_rights", "climate_environment", "human_rights_defence"], verified: true },
  { id: "demo-funder-sahel", owner: "demo-user-fatou", kind: "funder", name: "Fonds Solidarité Sahel", description: "Fonds régional qui soutient les associations de femmes et de jeunes au Sahel, y compris les groupes non enregistrés.", country: "SN", area: "Dakar", setting: "urban", legalStatus: "registered", foundedYear: 2012, languages: ["fr", "wo"], themes: ["livelihoods", "youth", "womens_rights"], verified: true },
  { id: "demo-funder-semillas", owner: "demo-user-lucia", kind: "funder", name: "Fondo Raíces del Sur", description: "Fondo feminista que financia organizaciones comunitarias, indígenas y rurales en América Latina.", country: "CO", area: "Bogotá", setting: "urban", legalStatus: "registered", foundedYear: 2005, languages: ["es"], themes: ["womens_rights", "climate_environment", "local_governance"], verified: true },
  { id: "demo-cso-minya", owner: "demo-user-cso", kind: "cso", name: "جمعية نساء المنيا الريفيات", description: "مجموعة من النساء في قرى المنيا تعمل على محو الأمية والمشاريع الصغيرة المدرّة للدخل.", country: "EG", area: "المنيا", setting: "rural", legalStatus: "unregistered", foundedYear: 2019, budget: [800000, "USD"], staff: 0, volunteers: 14, ledBy: ["women"], themes: ["womens_rights", "livelihoods", "education"], languages: ["ar"], visibility: "public" },
  { id: "demo-cso-thies", owner: "demo-user-fatou", kind: "cso", name: "Collectif des Jeunes de Thiès", description: "Mouvement de jeunes qui organise des jardins communautaires et des formations au numérique.", country: "SN", area: "Thiès", setting: "peri_urban", legalStatus: "movement", foundedYear: 2021, budget: [2500000, "XOF"], staff: 0, volunteers: 35, ledBy: ["youth"], themes: ["youth", "climate_environment", "digital_rights"], languages: ["fr", "wo"], visibility: "public", verified: true },
  { id: "demo-cso-cauca", owner: "demo-user-lucia", kind: "cso", name: "Red de Mujeres Indígenas del Cauca", description: "Red de mujeres nasa y misak que defiende el territorio y el agua de sus comunidades.", country: "CO", area: "Cauca", setting: "rural", legalStatus: "fiscally_sponsored", foundedYear: 2014, budget: [4500000, "USD"], staff: 2, volunteers: 60, ledBy: ["women", "indigenous"], themes: ["womens_rights", "water_sanitation", "human_rights_defence"], languages: ["es", "nsa"], visibility: "public", verified: true },
  { id: "demo-cso-gulu", owner: "demo-user-grace", kind: "cso", name: "Gulu Youth Climate Action", description: "Young people in northern Uganda planting trees and training farmers in climate-smart agriculture.", country: "UG", area: "Gulu", setting: "rural", legalStatus: "registered", foundedYear: 2017, budget: [3000000, "USD"], staff: 3, volunteers: 40, ledBy: ["youth"], themes: ["climate_environment", "livelihoods", "youth"], languages: ["en", "ach"], visibility: "public" },
  { id: "demo-cso-bekaa", owner: "demo-user-omar", kind: "cso", name: "مبادرة نساء البقاع اللاجئات", description: "مجموعة غير مسجّلة من النساء اللاجئات تقدّم الدعم النفسي والتعليم للأطفال في المخيمات.", country: "LB", area: "البقاع", setting: "rural", legalStatus: "unregistered", foundedYear: 2016, budget: [1200000, "USD"], staff: 0, volunteers: 22, ledBy: ["women", "displaced_people"], themes: ["displaced_people", "education", "health"], languages: ["ar"], visibility: "hidden" },
  { id: "demo-cso-coxs", owner: "demo-user-grace", kind: "cso", name: "Rohingya Youth Learning Circle", description: "Volunteer teachers running learning circles for young people in the camps.", country: "BD", area: "Cox's Bazar", setting: "peri_urban", legalStatus: "unregistered", foundedYear: 2018, budget: [500000, "USD"], staff: 0, volunteers: 18, ledBy: ["youth", "displaced_people"], themes: ["education", "displaced_people", "youth"], languages: ["rhg", "en"], visibility: "funders_only" },
  { id: "demo-cso-quiche", owner: "demo-user-lucia", kind: "cso", name: "Asociación Agua Viva de Quiché", description: "Asociación comunitaria que construye sistemas de agua potable en aldeas mayas.", country: "GT", area: "Quiché", setting: "rural", legalStatus: "registered", foundedYear: 2009, budget: [9500000, "USD"], staff: 6, volunteers: 25, ledBy: ["indigenous"], themes: ["water_sanitation", "health", "local_governance"], languages: ["es", "quc"], visibility: "public", verified: true },
  { id: "demo-cso-tunis", owner: "demo-user-omar", kind: "cso", name: "جمعية شباب من أجل الحقوق الرقمية", description: "شباب تونسيون يدرّبون الصحفيين المواطنين والناشطين على الأمان الرقمي.", country: "TN", area: "تونس", setting: "urban", legalStatus: "registered", foundedYear: 2015, budget: [45000000, "TND"], staff: 4, volunteers: 12, ledBy: ["youth"], themes: ["digital_rights", "human_rights_defence"], languages: ["ar", "fr"], visibility: "public" },
];

const orgRow = (o: DemoOrg, now: string) => ({
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
  createdAt: now,
  updatedAt: now,
});

/**
 * Seeds the demo data in one atomic batch and returns how many users and organisations it added
 * (0 and 0 on a second run). One statement per row: D1 allows at most 100 bound parameters per query.
 */
export const seedDemo = async (db: Db, pepper: string) => {
  const now = nowIso();
  const passwordHash = await hashPassword(DEMO_PASSWORD, pepper);
  const results = await db.batch([
    ...DEMO_USERS.map((u) => db.insert(users).values({ ...u, passwordHash, createdAt: now, updatedAt: now }).onConflictDoNothing().returning({ id: users.id })),
    ...DEMO_ORGS.map((o) => db.insert(orgs).values(orgRow(o, now)).onConflictDoNothing().returning({ id: orgs.id })),
    ...DEMO_ORGS.map((o) => db.insert(memberships).values({ orgId: o.id, userId: o.owner, role: "owner", createdAt: now }).onConflictDoNothing().returning({ id: memberships.orgId })),
  ]);
  const added = (from: number, count: number) => results.slice(from, from + count).reduce((n, r) => n + r.length, 0);
  return { users: added(0, DEMO_USERS.length), orgs: added(DEMO_USERS.length, DEMO_ORGS.length) };
};
