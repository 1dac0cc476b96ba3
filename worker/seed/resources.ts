// Demo library: a few published resources in English, French, Spanish and Arabic (one Arabic title written
// with its diacritics, so searching without them can be tried), by verified or chapter-confirmed groups,
// and one waiting for the Egypt chapter's coordinator. Rows are keyed by fixed ids: a second run adds nothing.
import type { BatchItem } from "drizzle-orm/batch";
import { resources } from "../../schema";
import type { Licence, Theme } from "../../schema/enums";
import { THEMES } from "../../schema/enums";
import type { Db } from "../db/client";
import { toMask } from "../domain/bitmask";
import { searchText } from "../domain/search-text";

type DemoResource = {
  id: string;
  orgId: string;
  createdBy: string;
  title: string;
  summary: string;
  language: string;
  themes: Theme[];
  licence: Licence;
  url: string;
  /** Days since it was published; null = still waiting for moderation. */
  publishedDaysAgo: number | null;
};

const DEMO_RESOURCES: DemoResource[] = [
  {
    id: "demo-resource-digital-security",
    orgId: "demo-funder-horizons",
    createdBy: "demo-user-funder",
    title: "Digital security basics for small groups",
    summary:
      "A one-day workshop plan: strong passphrases, two-step sign-in, safer messaging and what to do when a phone is taken at a checkpoint.",
    language: "en",
    themes: ["digital_rights", "human_rights_defence"],
    licence: "cc_by",
    url: "https://example.org/sanad-demo/digital-security-basics.pdf",
    publishedDaysAgo: 20,
  },
  {
    id: "demo-resource-securite-numerique",
    orgId: "demo-cso-thies",
    createdBy: "demo-user-fatou",
    title: "Guide de sécurité numérique pour les associations de jeunes",
    summary:
      "Protéger les listes de membres, les groupes WhatsApp et les comptes de l’association : une méthode en dix étapes testée à Thiès.",
    language: "fr",
    themes: ["youth", "digital_rights"],
    licence: "cc_by_sa",
    url: "https://example.org/sanad-demo/securite-numerique.pdf",
    publishedDaysAgo: 12,
  },
  {
    id: "demo-resource-presupuesto",
    orgId: "demo-cso-cauca",
    createdBy: "demo-user-lucia",
    title: "Plantilla de presupuesto para propuestas comunitarias",
    summary:
      "Una hoja de cálculo sencilla para presupuestar una propuesta: costos de personal, transporte, materiales y gastos administrativos, con ejemplos del Cauca.",
    language: "es",
    themes: ["womens_rights", "livelihoods"],
    licence: "cc_by_nc_sa",
    url: "https://example.org/sanad-demo/plantilla-presupuesto.xlsx",
    publishedDaysAgo: 8,
  },
  {
    id: "demo-resource-aman-raqmi",
    orgId: "demo-cso-tunis",
    createdBy: "demo-user-omar",
    title: "دليلُ الأمانِ الرقمي للناشطات",
    summary:
      "دليل عملي للناشطات: حماية الحسابات، والتعامل مع التحرش الإلكتروني، وتأمين الهاتف قبل المظاهرات، مع قائمة تحقق قابلة للطباعة.",
    language: "ar",
    themes: ["womens_rights", "digital_rights"],
    licence: "cc_by",
    url: "https://example.org/sanad-demo/aman-raqmi.pdf",
    publishedDaysAgo: 5,
  },
  {
    id: "demo-resource-mahw-umiyya",
    orgId: "demo-cso-minya",
    createdBy: "demo-user-cso",
    title: "دروس مستفادة من حلقات محو الأمية في قرى المنيا",
    summary:
      "ما تعلمناه خلال عامين من حلقات القراءة للنساء: اختيار الميسّرات، ومواعيد تناسب العمل في الحقول، وكيف نحافظ على الحضور.",
    language: "ar",
    themes: ["womens_rights", "education"],
    licence: "cc0",
    url: "https://example.org/sanad-demo/mahw-umiyya.pdf",
    publishedDaysAgo: 2,
  },
  {
    id: "demo-resource-rainy-season",
    orgId: "demo-cso-minya",
    createdBy: "demo-user-cso",
    title: "Notes from a rainy season: adapting village savings groups",
    summary:
      "How our savings circles changed their meeting calendar and loan terms after the floods, and what we would do differently next time.",
    language: "en",
    themes: ["livelihoods", "climate_environment"],
    licence: "cc_by",
    url: "https://example.org/sanad-demo/rainy-season-notes.pdf",
    publishedDaysAgo: null,
  },
];

export const seedDemoResources = async (db: Db) => {
  const day = 86_400_000;
  const now = Date.now();
  const statements: BatchItem<"sqlite">[] = DEMO_RESOURCES.map((r) => {
    const publishedAt =
      r.publishedDaysAgo === null ? null : new Date(now - r.publishedDaysAgo * day).toISOString();
    const createdAt = new Date(now - ((r.publishedDaysAgo ?? 0) + 1) * day).toISOString();
    return db
      .insert(resources)
      .values({
        id: r.id,
        orgId: r.orgId,
        createdBy: r.createdBy,
        title: r.title,
        summary: r.summary,
        language: r.language,
        themes: toMask(r.themes, THEMES),
        licence: r.licence,
        url: r.url,
        searchText: searchText(r.title, r.summary),
        status: publishedAt ? "published" : "pending",
        moderatedBy: publishedAt ? "demo-user-admin" : null,
        moderatedAt: publishedAt,
        publishedAt,
        createdAt,
        updatedAt: publishedAt ?? createdAt,
      })
      .onConflictDoNothing();
  });
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
};
