// The application form's island (plain ES5, ~2 KB, no framework): character counters, autosave every few
// seconds by posting the same form the no-JS path posts (the server answers JSON), and an offline copy in
// localStorage that is restored after a reload and sent when the network returns. A 409 (someone else
// saved first) submits the form normally, so the server shows both texts side by side.
// (getAttribute("action"): the submit buttons are named "action", which shadows form.action.)
import { hashedPath } from "../hashed-path";

export const applicationJs = `(function(){
var form=document.querySelector("form[data-autosave]");if(!form)return;
var key="sanad-draft-"+form.getAttribute("data-autosave");
var msg=JSON.parse(form.getAttribute("data-messages")||"{}");
var status=document.getElementById("autosave-status");
var version=form.querySelector("input[name=version]");
var dirty=false,busy=false;
function say(t){if(status)status.textContent=t;}
function count(s){return Array.from(s).length;}
function counters(){var ts=form.querySelectorAll("textarea[data-max]");for(var i=0;i<ts.length;i++){var t=ts[i],max=+t.getAttribute("data-max"),n=count(t.value),o=document.getElementById(t.id+"-count");if(o){o.textContent="\u2066"+n+" / "+max+"\u2069";o.className=n>max?"counter over":"counter";}}}
function fields(){var out={},els=form.querySelectorAll("textarea,input[name=amount]");for(var i=0;i<els.length;i++)out[els[i].name]=els[i].value;return out;}
function keep(){try{localStorage.setItem(key,JSON.stringify({v:version.value,f:fields(),at:Date.now()}));}catch(e){}}
function drop(){try{localStorage.removeItem(key);}catch(e){}}
function restore(){var saved;try{saved=JSON.parse(localStorage.getItem(key)||"null");}catch(e){}
if(!saved||!saved.f)return;var f=fields(),changed=false;
for(var n in saved.f){if(f[n]!==undefined&&f[n]!==saved.f[n]){changed=true;}}
if(!changed){drop();return;}
for(var m in saved.f){var el=form.querySelector("[name='"+m+"']");if(el)el.value=saved.f[m];}
if(+saved.v<+version.value){say(msg.restoredOld||"");}else{say(msg.restored||"");}
dirty=true;}
function send(){if(!dirty||busy)return;if(navigator.onLine===false){say(msg.offline||"");return;}
busy=true;var body=new URLSearchParams(new FormData(form));body.set("action","save");dirty=false;
fetch(form.getAttribute("action"),{method:"POST",body:body,headers:{"Accept":"application/json"},credentials:"same-origin"}).then(function(r){
if(r.status===409){busy=false;keep();var a=document.createElement("input");a.type="hidden";a.name="action";a.value="save";form.appendChild(a);form.submit();return;}
if(!r.ok)throw new Error("HTTP "+r.status);return r.json().then(function(j){version.value=j.version;busy=false;
if(!dirty)drop();say((msg.saved||"")+" "+new Date().toLocaleTimeString(document.documentElement.lang,{hour:"2-digit",minute:"2-digit"}));});
}).catch(function(){busy=false;dirty=true;keep();say(msg.offline||"");});}
form.addEventListener("input",function(){dirty=true;keep();counters();});
window.addEventListener("online",send);
restore();counters();setInterval(send,4000);
})();`;
export const applicationHref = hashedPath("application", "js", applicationJs);
