// HTML pages for light reports: the group's form (a new report at /awards/:id/reports/new, a draft at
// /reports/:id) and the read view of a sent report. The form is one multipart post that works without
// JavaScript: an attached file is stored through the uploads use case, then attached to the report.
import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../env";
import { renderPage } from "../http/render";
import { parseWith, problemErrors, str, type FormBody } from "../http/forms";
import { requireViewer, viewerOf } from "../http/guards";
import { Problem } from "../core/problem";
import { MAX_UPLOAD_BYTES, MULTIPART_OVERHEAD_BYTES } from "../../schema/api/uploads";
import { ReportCreate, ReportPatch, type ReportView } from "../../schema/api/award-reports";
import { createUpload, tooLarge } from "../actions/uploads";
import {
  createReport,
  saveReport,
  sendReport,
  viewReport,
  writableAward,
  writableReport,
} from "../actions/award-reports";
import { ReportFormPage, type ReportFormValues } from "../../web/pages/reports/Form";
import { ReportViewPage } from "../../web/pages/reports/View";

/** The report form's posts carry a file: the app-wide 256 KB limit skips them (worker/app.ts) for this one. */
export const REPORT_FORM_POST = /^\/(awards\/[^/]+\/reports|reports\/[^/]+)$/;
const TEXT_ALLOWANCE = 128 * 1024;

/** Signed in first (a refused caller's megabytes are never read), then the size. */
const formGate = createMiddleware<AppEnv>(async (c, next) => {
  requireViewer(c);
  const t = c.get("t");
  return bodyLimit({
    maxSize: MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES + TEXT_ALLOWANCE,
    onError: () => {
      throw tooLarge(t);
    },
  })(c, next);
});

/** The text fields and the one optional file of the form. */
const readReportForm = async (c: Context<AppEnv>) => {
  let raw: Record<string, unknown>;
  try {
    raw = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
  } catch {
    throw new Problem(400, c.get("t")("err.malformed_body"), [
      { path: "body", message: c.get("t")("err.malformed_body") },
    ]);
  }
  const fields: FormBody = {};
  for (const [k, v] of Object.entries(raw))
    if (k !== "file")
      fields[k] = (Array.isArray(v) ? v : [v]).filter((x) => typeof x === "string") as string[];
  const file = [raw.file].flat().find((x): x is File => x instanceof File && x.size > 0);
  const values: ReportFormValues = {
    answers: {
      changed: str(fields, "answers.changed"),
      hard: str(fields, "answers.hard"),
      next: str(fields, "answers.next"),
    },
    language: str(fields, "language"),
    version: str(fields, "version") || undefined,
  };
  return { values, file, submit: str(fields, "intent") === "submit" };
};

/** Stores the attached file (if any) as the viewer's upload; its id, or a form error naming `file`. */
const storeFile = async (c: Context<AppEnv>, file: File | undefined) => {
  if (!file) return { ids: [] as string[] };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const stored = await createUpload(c.get("db"), c.env.UPLOADS, c.get("t"), viewerOf(c), {
      name: file.name,
      type: file.type,
      bytes,
    });
    return { ids: [stored.id] };
  } catch (e) {
    return { errors: problemErrors(e) };
  }
};

const draftForm = (
  report: ReportView,
  extra: { values?: ReportFormValues; errors?: Record<string, string>; theirs?: ReportView["answers"] } = {},
) => (
  <ReportFormPage
    action={`/reports/${report.id}`}
    draft={report}
    values={
      extra.values ?? { answers: report.answers, language: report.language, version: String(report.version) }
    }
    errors={extra.errors}
    theirs={extra.theirs}
  />
);

export const awardReportsPages = new Hono<AppEnv>()
  .get("/awards/:id/reports/new", async (c) => {
    requireViewer(c);
    const award = await writableAward(c.get("db"), c.get("t"), viewerOf(c), c.req.param("id"));
    return renderPage(
      c,
      <ReportFormPage
        action={`/awards/${award.id}/reports`}
        values={{ answers: { changed: "", hard: "", next: "" }, language: c.get("locale") }}
      />,
    );
  })
  .post("/awards/:id/reports", formGate, async (c) => {
    const db = c.get("db");
    const t = c.get("t");
    const awardId = c.req.param("id");
    // Who may not write here learns nothing from what they sent: the refusal comes first.
    await writableAward(db, t, viewerOf(c), awardId);
    const { values, file, submit } = await readReportForm(c);
    const again = (errors: Record<string, string>, status: number) =>
      renderPage(
        c,
        <ReportFormPage action={`/awards/${awardId}/reports`} values={values} errors={errors} />,
        status,
      );
    const parsed = parseWith(c, ReportCreate, { answers: values.answers, language: values.language });
    if (!parsed.ok) return again(parsed.errors, 400);
    const upload = await storeFile(c, file);
    if (upload.errors) return again(upload.errors, 422);
    let report: ReportView;
    try {
      // Kept as a draft first, so a refused send loses neither the words nor the file.
      report = await createReport(db, t, viewerOf(c), awardId, {
        ...parsed.data,
        submit: false,
        uploadIds: upload.ids,
      });
    } catch (e) {
      return again(problemErrors(e), 422);
    }
    if (submit) {
      try {
        await sendReport(db, t, viewerOf(c), report.id);
      } catch (e) {
        return renderPage(c, draftForm(report, { errors: problemErrors(e) }), 422);
      }
    }
    return c.redirect(`/reports/${report.id}`, 303);
  })
  .get("/reports/:id", async (c) => {
    requireViewer(c);
    const report = await viewReport(c.get("db"), viewerOf(c), c.req.param("id"));
    // A draft is only ever shown to the group (the only ones who can read it): as the form to finish.
    return renderPage(c, report.status === "draft" ? draftForm(report) : <ReportViewPage report={report} />);
  })
  .post("/reports/:id", formGate, async (c) => {
    const db = c.get("db");
    const t = c.get("t");
    const id = c.req.param("id");
    const report = await writableReport(db, t, viewerOf(c), id);
    if (report.status !== "draft") return c.redirect(`/reports/${id}`, 303);
    const { values, file, submit } = await readReportForm(c);
    const parsed = parseWith(c, ReportPatch, {
      version: Number(values.version ?? 0),
      answers: values.answers,
      language: values.language,
    });
    if (!parsed.ok) return renderPage(c, draftForm(report, { values, errors: parsed.errors }), 400);
    const upload = await storeFile(c, file);
    if (upload.errors) return renderPage(c, draftForm(report, { values, errors: upload.errors }), 422);
    try {
      await saveReport(db, t, viewerOf(c), id, {
        ...parsed.data,
        ...(upload.ids.length ? { uploadIds: [...report.uploads.map((u) => u.id), ...upload.ids] } : {}),
      });
      if (submit) await sendReport(db, t, viewerOf(c), id);
      return c.redirect(`/reports/${id}`, 303);
    } catch (e) {
      if (e instanceof Problem && e.status === 409 && e.extra?.current) {
        const current = e.extra.current as ReportView;
        return renderPage(
          c,
          draftForm(current, {
            values: { ...values, version: String(current.version) },
            errors: problemErrors(e),
            theirs: current.answers,
          }),
          409,
        );
      }
      // Saved but not sent (an answer missing or too long), or not saved (a file refused): the words
      // typed stay on the form, against the version now stored.
      const fresh = await viewReport(db, viewerOf(c), id);
      const errors = problemErrors(e);
      return renderPage(
        c,
        draftForm(fresh, { values: { ...values, version: String(fresh.version) }, errors }),
        422,
      );
    }
  });
