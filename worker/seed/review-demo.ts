// Demo data for the funder's own review: five submitted applications, in their groups' languages, on the
// Open Horizons Fund's open digital-safety call, so funder@ can open, score, award or decline one.
// That call, because the browser journeys apply to the rural-women call and create their own call to
// award; the groups are eligible ones (unregistered, movement, fiscally sponsored). Written once (skipped
// when the first application exists); snapshots are the groups' profiles at seeding, as on submission.
import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { applications } from "../../schema";
import type { Db } from "../db/client";
import { snapshotOf, submittedApplicationInsert, type DemoApplication } from "./submitted";

export const DEMO_REVIEW_CALL = "demo-call-digital-safety";

/** Answers by the call's question ids: q1 who they protect and from what, q2 what they would do. */
const APPLICATIONS: Omit<DemoApplication, "callId">[] = [
  {
    id: "demo-app-safety-minya",
    orgId: "demo-cso-minya",
    createdBy: "demo-user-cso",
    submittedDaysAgo: 6,
    dollars: 4_000,
    answers: {
      q1: "نساء مجموعتنا يتعرّضن للتحرّش والابتزاز على واتساب وفيسبوك بعد حملات التوعية في القرى.",
      q2: "ورش شهرية عن حماية الحسابات، وهاتفان آمنان للمنسّقات، ومرافقة قانونية عند الابتزاز.",
    },
  },
  {
    id: "demo-app-safety-thies",
    orgId: "demo-cso-thies",
    createdBy: "demo-user-fatou",
    submittedDaysAgo: 5,
    dollars: 6_500,
    answers: {
      q1: "Nous formons les jeunes militants de Thiès dont les comptes sont piratés pendant les mobilisations.",
      q2: "Des formations mensuelles, des clés de sécurité et une permanence d'aide numérique.",
    },
  },
  {
    id: "demo-app-safety-cauca",
    orgId: "demo-cso-cauca",
    createdBy: "demo-user-lucia",
    submittedDaysAgo: 4,
    dollars: 8_000,
    answers: {
      q1: "Protegemos a las guardias y comunicadoras indígenas que reciben amenazas por redes sociales.",
      q2: "Radios seguras, teléfonos cifrados y talleres de autocuidado digital en cinco resguardos.",
    },
  },
  {
    id: "demo-app-safety-coxs",
    orgId: "demo-cso-coxs",
    createdBy: "demo-user-grace",
    submittedDaysAgo: 3,
    dollars: 3_000,
    answers: {
      q1: "We train young Rohingya volunteers who document camp conditions and are doxxed for it.",
      q2: "Safe phones, a secure storage plan for their records and monthly digital-safety circles.",
    },
  },
  {
    id: "demo-app-safety-bekaa",
    orgId: "demo-cso-bekaa",
    createdBy: "demo-user-omar",
    submittedDaysAgo: 2,
    dollars: 2_500,
    answers: {
      q1: "نحمي المتطوعات اللاجئات اللواتي تُنشر صورهن وعناوينهن بعد الدفاع عن حقوق الأطفال.",
      q2: "تدريب على إعدادات الخصوصية وشراء شرائح هاتف منفصلة للعمل.",
    },
  },
];

/** Seeds the submitted applications on the review call; false when already there. */
export const seedDemoReview = async (db: Db, now = Date.now()) => {
  const first = APPLICATIONS[0]!.id;
  if (await db.select({ id: applications.id }).from(applications).where(eq(applications.id, first)).get())
    return false;
  const statements: BatchItem<"sqlite">[] = [];
  for (const a of APPLICATIONS)
    statements.push(
      submittedApplicationInsert(db, { ...a, callId: DEMO_REVIEW_CALL }, await snapshotOf(db, a.orgId), now),
    );
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return true;
};
