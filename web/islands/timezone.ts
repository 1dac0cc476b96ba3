// A few bytes of script, loaded on every page: tells the server the browser's time zone (a cookie) so
// deadlines can be shown in local time on the next page. Without it, pages say "UTC" and stay correct.
import { hashedPath } from "../hashed-path";

export const timezoneJs = `(function(){try{var z=Intl.DateTimeFormat().resolvedOptions().timeZone;if(z&&document.cookie.indexOf("sanad_tz="+encodeURIComponent(z))<0)document.cookie="sanad_tz="+encodeURIComponent(z)+";path=/;max-age=31536000;samesite=lax"}catch(e){}})();`;
export const timezoneHref = hashedPath("tz", "js", timezoneJs);
