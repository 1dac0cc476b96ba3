// Labelled form controls with their error message next to them (aria-describedby, aria-invalid),
// and an error summary announced to screen readers when a form comes back with problems.
import type { ComponentChildren } from "preact";
import { usePage } from "../context";

export type FormErrors = Record<string, string>;

type Common = { name: string; label: string; errors?: FormErrors; hint?: string; required?: boolean };

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;

const Messages = ({ name, hint, error }: { name: string; hint?: string; error?: string }) => (
  <>
    {hint && (
      <span class="hint" id={`${name}-hint`}>
        {hint}
      </span>
    )}
    {error && (
      <span class="error" id={`${name}-error`}>
        {error}
      </span>
    )}
  </>
);

export const TextField = (
  p: Common & {
    value?: string | number | null;
    type?: string;
    autocomplete?: string;
    inputmode?: string;
    maxLength?: number;
    multiline?: boolean;
  },
) => {
  const error = p.errors?.[p.name];
  const attrs = {
    id: p.name,
    name: p.name,
    required: p.required,
    "aria-invalid": error ? ("true" as const) : undefined,
    "aria-describedby": describedBy(p.name, p.hint, error),
    maxLength: p.maxLength,
  };
  return (
    <div class="field">
      <label for={p.name}>{p.label}</label>
      <Messages name={p.name} hint={p.hint} error={error} />
      {p.multiline ? (
        <textarea {...attrs} rows={4}>
          {p.value ?? ""}
        </textarea>
      ) : (
        <input
          {...attrs}
          type={(p.type ?? "text") as "text"}
          value={p.value ?? ""}
          autocomplete={p.autocomplete}
          inputMode={p.inputmode as "numeric"}
        />
      )}
    </div>
  );
};

export const SelectField = (
  p: Common & { value?: string | null; options: { value: string; label: string }[]; blank?: string },
) => {
  const error = p.errors?.[p.name];
  return (
    <div class="field">
      <label for={p.name}>{p.label}</label>
      <Messages name={p.name} hint={p.hint} error={error} />
      <select
        id={p.name}
        name={p.name}
        required={p.required}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(p.name, p.hint, error)}
      >
        {p.blank !== undefined && <option value="">{p.blank}</option>}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
};

export const ChoiceGroup = (
  p: Common & { type: "checkbox" | "radio"; values: string[]; options: { value: string; label: string }[] },
) => {
  const error = p.errors?.[p.name];
  return (
    <fieldset class="field" aria-describedby={describedBy(p.name, p.hint, error)}>
      <legend>{p.label}</legend>
      <Messages name={p.name} hint={p.hint} error={error} />
      <div class="choices">
        {p.options.map((o) => (
          <label>
            <input
              type={p.type}
              name={p.name}
              value={o.value}
              checked={p.values.includes(o.value)}
              required={p.type === "radio" && p.required}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
};

/** Shown at the top of a form that came back with errors; role=alert makes screen readers announce it. */
export const ErrorSummary = ({ errors }: { errors?: FormErrors }) => {
  const { t } = usePage();
  const entries = Object.entries(errors ?? {});
  if (!entries.length) return null;
  return (
    <div class="alert" role="alert" tabIndex={-1} id="error-summary">
      <p>{t("error.fix_below")}</p>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
};

export const Notice = ({ children }: { children: ComponentChildren }) => (
  <div class="notice" role="status">
    {children}
  </div>
);
