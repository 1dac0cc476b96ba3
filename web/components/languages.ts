// Each interface language named in itself, for the language switch and the preference form.
export const LANGUAGE_NAMES = { en: "English", ar: "العربية", fr: "Français", es: "Español" } as const;
