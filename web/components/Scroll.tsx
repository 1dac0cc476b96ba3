// A wide table on a narrow phone scrolls sideways inside its own region instead of widening the page;
// the region is focusable so keyboard users can scroll it too.
import type { ComponentChildren } from "preact";
import { usePage } from "../context";

export const Scroll = ({ children }: { children: ComponentChildren }) => {
  const { t } = usePage();
  return (
    <div class="scroll" role="region" aria-label={t("a11y.scroll_table")} tabIndex={0}>
      {children}
    </div>
  );
};
