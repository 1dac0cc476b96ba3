// The answers as sent, question by question (read-only).
import type { ApplicationView } from "../../../schema/api/applications";
import type { CallView } from "../../../schema/api/calls";

export const Answers = ({ app, call }: { app: ApplicationView; call: CallView }) => (
  <dl class="answers">
    {call.questions.map((q) => (
      <>
        <dt>
          <bdi>{q.label}</bdi>
        </dt>
        <dd class="pre" dir="auto">
          {app.answers[q.id] ?? ""}
        </dd>
      </>
    ))}
  </dl>
);
