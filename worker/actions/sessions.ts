// The signed-in devices of an account: listed for their owner, ended one by one or all but this one.
import type { Db } from "../db/client";
import { listSessions, deleteSessionByPublicId, deleteSessionsOf } from "../db/sessions";
import { auditInsert } from "../db/audit";
import { Problem } from "../core/problem";
import type { Viewer } from "../domain/permissions";

export const sessionsOf = async (db: Db, viewer: Viewer, currentHash: string | null) =>
  (await listSessions(db, viewer.userId)).map(({ idHash, ...s }) => ({
    ...s,
    current: idHash === currentHash,
  }));

export const endSessionById = async (db: Db, viewer: Viewer, publicId: string) => {
  if (!(await deleteSessionByPublicId(db, viewer.userId, publicId))) throw new Problem(404);
  await auditInsert(db, {
    actorUserId: viewer.userId,
    action: "session.ended",
    subjectType: "user",
    subjectId: viewer.userId,
  });
};

export const endOtherSessions = async (db: Db, viewer: Viewer, currentHash: string | null) => {
  await db.batch([
    deleteSessionsOf(db, viewer.userId, currentHash),
    auditInsert(db, {
      actorUserId: viewer.userId,
      action: "session.ended_elsewhere",
      subjectType: "user",
      subjectId: viewer.userId,
    }),
  ]);
};
