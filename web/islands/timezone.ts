// A few bytes of script, loaded on every page: tells the server the browser's time zone (a cookie) so
// deadlines can be shown in local time on the next page (without it, pages say "UTC" and stay correct);
// and on "Log out" removes offline draft answers from this device (the logout response's Clear-Site-Data
// header does the same where the browser supports it).
import { hashedPath } from "../hashed-path";

export const timezoneJs = `(function(){try{var z=Intl.DateTimeFormat().resolvedOptions().timeZone;if(z&&document.cookie.indexOf("sanad_tz="+encodeURIComponent(z))<0)document.cookie="sanad_tz="+encodeURIComponent(z)+";path=/;max-age=31536000;samesite=lax"}catch(e){}
document.addEventListener("submit",function(e){var f=e.target;if(!f||f.getAttribute("action")!=="/logout")return;try{for(var i=localStorage.length-1;i>=0;i--){var k=localStorage.key(i);if(k&&k.indexOf("sanad-draft-")===0)localStorage.removeItem(k);}}catch(x){}});})();`;
export const timezoneHref = hashedPath("tz", "js", timezoneJs);
