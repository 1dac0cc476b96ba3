// The application workflow, written once: for each action, the statuses it may start from, where each
// leads, and which side takes it. The use cases ask it whether an action may happen now, the data layer's
// compare-and-set UPDATEs take their guards from it (so two racing requests cannot both win), the erasure
// reads what becomes of pending applications, and the pages show the buttons it allows.
import { APPLICATION_STATUSES, type ApplicationStatus } from "../../schema/enums";
import { canEditApplication, canReviewApplication, type Decision, type Viewer } from "./permissions";

/**
 * Who takes an action. Which people belong to a side is the permission functions' to decide (see
 * `mayTake`); the table only says which side acts. "erasure" is nobody's button: it follows from the
 * applying organisation being deleted (its owners decide that, `canDisposeOrg`).
 */
export type Side = "applicant" | "funder";
type Actor = Side | "erasure";

/** Where an action leads; "deleted" when the application itself goes. */
export type Outcome = ApplicationStatus | "deleted";

type Row = { by: Actor; from: Partial<Record<ApplicationStatus, Outcome>> };

/** Awarded, declined and withdrawn are in no `from`: a decided or withdrawn application never moves again. */
const WORKFLOW = {
  save: { by: "applicant", from: { draft: "draft" } },
  submit: { by: "applicant", from: { draft: "submitted" } },
  // Before a decision, whatever the funder has seen so far.
  withdraw: {
    by: "applicant",
    from: { draft: "withdrawn", submitted: "withdrawn", under_review: "withdrawn" },
  },
  // The first review moves a submitted application to "under review"; later ones find it there already.
  review: { by: "funder", from: { submitted: "under_review", under_review: "under_review" } },
  award: { by: "funder", from: { submitted: "awarded", under_review: "awarded" } },
  decline: { by: "funder", from: { submitted: "declined", under_review: "declined" } },
  // Drafts never reached a funder: they go. Pending submissions are withdrawn so no award follows.
  org_deleted: {
    by: "erasure",
    from: { draft: "deleted", submitted: "withdrawn", under_review: "withdrawn" },
  },
} as const satisfies Record<string, Row>;

export type ApplicationAction = keyof typeof WORKFLOW;
/** The actions people take on the application itself (buttons, API calls), as opposed to the erasure. */
export type SideAction = {
  [A in ApplicationAction]: (typeof WORKFLOW)[A]["by"] extends Side ? A : never;
}[ApplicationAction];

export const APPLICATION_ACTIONS = Object.keys(WORKFLOW) as ApplicationAction[];

const rowOf = (action: ApplicationAction): Row => WORKFLOW[action];

/** Where `action` takes an application in `status`; null when it may not be taken from there. */
export const nextStatus = (status: ApplicationStatus, action: ApplicationAction): Outcome | null =>
  rowOf(action).from[status] ?? null;

export const isAllowed = (status: ApplicationStatus, action: ApplicationAction) =>
  nextStatus(status, action) !== null;

export const actorOf = (action: ApplicationAction): Actor => rowOf(action).by;

/** The statuses `action` may start from (only those leading to `to`, when given), in the enum's order. */
export const fromStatuses = (action: ApplicationAction, to?: Outcome): ApplicationStatus[] =>
  APPLICATION_STATUSES.filter((s) => {
    const next = nextStatus(s, action);
    return next !== null && (to === undefined || next === to);
  });

/**
 * The status change an action writes as one guarded UPDATE: the statuses it actually moves from (a review
 * of an application already under review changes nothing) and the one status it sets. Actions that change
 * no status, delete, or lead to different statuses cannot be written so; asking for one is a bug.
 */
export const statusChange = (
  action: ApplicationAction,
): { from: ApplicationStatus[]; to: ApplicationStatus } => {
  const from = APPLICATION_STATUSES.filter((s) => {
    const next = nextStatus(s, action);
    return next !== null && next !== s;
  });
  const targets = new Set(from.map((s) => nextStatus(s, action)));
  const [to] = targets;
  if (targets.size !== 1 || to === "deleted" || !to) throw new Error(`"${action}" is not one status change`);
  return { from, to };
};

const isSideAction = (a: ApplicationAction): a is SideAction => actorOf(a) !== "erasure";

/** What `side` may do to an application in `status` now: the buttons its page shows. */
export const actionsFor = (status: ApplicationStatus, side: Side): SideAction[] =>
  APPLICATION_ACTIONS.filter(isSideAction).filter((a) => actorOf(a) === side && isAllowed(status, a));

type AppRef = Parameters<typeof canEditApplication>[1];
type CallRef = Parameters<typeof canEditApplication>[2];

/** The permission function that decides who belongs to each side. */
const PERMISSION: Record<Side, (v: Viewer | null, app: AppRef, call: CallRef) => Decision> = {
  applicant: canEditApplication,
  funder: canReviewApplication,
};

/** Whether the viewer belongs to the side that takes `action` (the status is checked separately). */
export const mayTake = (v: Viewer | null, app: AppRef, call: CallRef, action: SideAction): Decision =>
  PERMISSION[WORKFLOW[action].by](v, app, call);

/** The side the viewer acts for on this application; null for those who may only read it (admins). */
export const sideOf = (v: Viewer | null, app: AppRef, call: CallRef): Side | null =>
  PERMISSION.applicant(v, app, call).ok ? "applicant" : PERMISSION.funder(v, app, call).ok ? "funder" : null;
