// What every page component may read while rendering: language, translator, viewer, current path.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Locale } from "../schema/enums";
import type { Translate } from "../worker/i18n";
import type { Viewer } from "../worker/domain/permissions";

/** `timeZone`: the viewer's saved zone, else the browser's (cookie), else UTC — for showing instants. */
export type PageContext = {
  locale: Locale;
  t: Translate;
  viewer: Viewer | null;
  path: string;
  timeZone: string;
};
export const Page = createContext<PageContext>(null as unknown as PageContext);
export const usePage = () => useContext(Page);
