// Demo non-cash offers: training seats from a funder, and legal-aid hours from a verified civil-society
// group (groups may offer help, never money). Published, with fixed ids: a second run adds nothing.
import type { BatchItem } from "drizzle-orm/batch";
import { calls } from "../../schema";
import type { Db } from "../db/client";
import { nowIso } from "../db/client";
import { callValues, type CallFields } from "../db/calls";

type DemoOffer = { id: string; poster: string; daysLeft: number; fields: Omit<CallFields, "deadline"> };

const DEMO_OFFERS: DemoOffer[] = [
  {
    id: "demo-offer-digital-security",
    poster: "demo-funder-horizons",
    daysLeft: 40,
    fields: {
      title: "Digital security training: 12 seats",
      summary:
        "Three days of hands-on digital security training (phones, accounts, safe communication) for activists of grassroots groups, with travel and lodging covered by the trainers.",
      languages: ["en", "fr", "ar"],
      themes: ["digital_rights", "human_rights_defence"],
      eligibility: { globalSouthOnly: true },
      priorities: { settings: ["rural"] },
      fundingType: "non_cash",
      offer: { what: "training", quantity: 12 },
      durationMonths: 1,
      questions: [
        { id: "q1", label: "Which risks does your group face online, and who would attend?", maxChars: 600 },
      ],
    },
  },
  {
    id: "demo-offer-legal-aid",
    poster: "demo-cso-tunis",
    daysLeft: 50,
    fields: {
      title: "مساعدة قانونية: 20 ساعة للصحفيين المواطنين",
      summary:
        "يقدّم محامو جمعيتنا عشرين ساعة من الاستشارات القانونية لمجموعات الصحفيين المواطنين والناشطين الرقميين الذين يواجهون ملاحقات أو تهديدات.",
      languages: ["ar", "fr"],
      themes: ["digital_rights", "human_rights_defence"],
      eligibility: { countries: ["TN", "DZ", "MA", "LY", "EG"] },
      fundingType: "non_cash",
      offer: { what: "legal_aid", quantity: 20 },
      durationMonths: 6,
      questions: [{ id: "q1", label: "ما القضية أو التهديد الذي تواجهونه؟", maxChars: 800 }],
    },
  },
];

export const seedDemoOffers = async (db: Db) => {
  const now = nowIso();
  const deadline = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const statements: BatchItem<"sqlite">[] = DEMO_OFFERS.map((o) =>
    db
      .insert(calls)
      .values(callValues(o.id, o.poster, { ...o.fields, deadline: deadline(o.daysLeft) }, now, "open"))
      .onConflictDoNothing(),
  );
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
};
