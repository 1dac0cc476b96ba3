// "Leave quickly" on rapid-response pages (plain ES5): empties what is shown in the page's forms, drops
// this device's offline draft copies, then location.replace() so the page leaves the history and Back
// does not return to it. Esc pressed twice within a second does the same. Without script the link is an
// ordinary link to the same site.
// Forms are emptied by swapping in an emptied copy: the application island keeps the original (detached)
// form, so a pending autosave still sends what was typed and never overwrites the draft with blanks.
import { hashedPath } from "../hashed-path";

export const leaveQuicklyJs = `(function(){
var a=document.getElementById("leave-quickly");if(!a)return;
function leave(e){if(e)e.preventDefault();
try{var fs=document.querySelectorAll("form");for(var i=0;i<fs.length;i++){var f=fs[i],c=f.cloneNode(true),els=c.querySelectorAll("textarea,input");
for(var j=0;j<els.length;j++){var el=els[j],t=el.type;if(t!=="hidden"&&t!=="submit"&&t!=="button"){if(t==="checkbox"||t==="radio")el.checked=false;else el.value="";}}
f.parentNode.replaceChild(c,f);}}catch(x){}
try{for(var k=localStorage.length-1;k>=0;k--){var n=localStorage.key(k);if(n&&n.indexOf("sanad-draft-")===0)localStorage.removeItem(n);}}catch(x){}
location.replace(a.href);}
a.addEventListener("click",leave);
var last=0;document.addEventListener("keydown",function(e){if(e.key!=="Escape"&&e.key!=="Esc")return;var t=Date.now();if(t-last<1000)leave(e);else last=t;});
})();`;
export const leaveQuicklyHref = hashedPath("leave-quickly", "js", leaveQuicklyJs);
