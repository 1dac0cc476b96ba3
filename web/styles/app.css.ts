// The one stylesheet, served with a content hash in its name. Logical properties only (inline/block,
// start/end) so the same rules lay out left-to-right and right-to-left pages.
import { hashedPath } from "../hashed-path";

export const css = `
*,*::before,*::after{box-sizing:border-box}
:root{--ink:#1d2433;--muted:#5a6275;--line:#d5d9e2;--bg:#fbfaf7;--card:#fff;--accent:#0d6e5c;--accent-ink:#fff;--warn:#9a3412;--ok:#166534;--focus:#f59e0b;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",Tahoma,sans-serif;line-height:1.5;color:var(--ink);background:var(--bg)}
body{margin:0}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;inset-inline-start:-999px}
.skip:focus{inset-inline-start:.5rem;top:.5rem;background:#fff;padding:.5rem;z-index:2}
header.top{background:var(--accent);color:var(--accent-ink)}
header.top a{color:inherit;text-decoration:none}
.bar{max-width:60rem;margin-inline:auto;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center}
.brand{font-weight:700;font-size:1.25rem;margin-inline-end:auto}
nav.main{display:flex;flex-wrap:wrap;gap:.25rem .9rem}
nav.main form{display:inline}
nav.main button{background:none;border:0;color:inherit;font:inherit;padding:0;cursor:pointer;text-decoration:underline}
.langs{display:flex;gap:.5rem;font-size:.9rem}
.langs a[aria-current]{font-weight:700;text-decoration:underline}
main{max-width:60rem;margin-inline:auto;padding:1rem}
footer{max-width:60rem;margin-inline:auto;padding:1rem;color:var(--muted);font-size:.9rem;border-block-start:1px solid var(--line)}
h1{font-size:1.6rem;line-height:1.25;margin-block:.5rem 1rem}
h2{font-size:1.25rem;margin-block:1.5rem .5rem}
.lead{font-size:1.1rem}
.cards{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));padding:0;list-style:none}
.card{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:1rem}
.card h2,.card h3{margin-block-start:0}
.muted{color:var(--muted)}
.tag{display:inline-block;border:1px solid var(--line);border-radius:1rem;padding:0 .6rem;font-size:.85rem;margin-inline-end:.25rem;margin-block-end:.25rem;background:#f3f4f6}
.badge-ok{color:var(--ok);font-weight:600}
form.stack{display:grid;gap:1rem;max-width:36rem}
.field{display:grid;gap:.25rem}
.field label,.field legend{font-weight:600}
.field .hint{color:var(--muted);font-size:.9rem}
.field .error{color:var(--warn);font-weight:600}
input,select,textarea{font:inherit;padding:.5rem;border:1px solid #8a93a6;border-radius:.35rem;background:#fff;color:var(--ink);width:100%;max-width:100%}
input[type=checkbox],input[type=radio]{width:auto}
[aria-invalid=true]{border-color:var(--warn);border-width:2px}
fieldset{border:1px solid var(--line);border-radius:.5rem;padding:.75rem}
.choices{display:grid;gap:.35rem;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr))}
.choices label{font-weight:400;display:flex;gap:.4rem;align-items:flex-start}
.row{display:flex;gap:.5rem;flex-wrap:wrap}
.row>*{flex:1 1 8rem}
button,.button{font:inherit;font-weight:600;background:var(--accent);color:var(--accent-ink);border:0;border-radius:.35rem;padding:.6rem 1.1rem;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:#e5e7eb;color:var(--ink)}
button.danger{background:var(--warn);color:#fff}
.notice{border-inline-start:4px solid var(--accent);background:#ecfdf5;padding:.75rem 1rem;margin-block:1rem}
.alert{border-inline-start:4px solid var(--warn);background:#fff7ed;padding:.75rem 1rem;margin-block:1rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{border-block-end:1px solid var(--line);padding:.4rem;text-align:start;vertical-align:top}
.scroll{overflow-x:auto}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem;overflow-wrap:anywhere}
pre{background:#f3f4f6;padding:.75rem;overflow-x:auto}
.badge-no{color:var(--warn);font-weight:600}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.reasons{list-style:none;padding-inline-start:0;margin:.25rem 0}
.reasons li{padding-inline-start:1.4rem;text-indent:-1.4rem}
.reasons .met span[aria-hidden]{color:var(--ok);font-weight:700}
.reasons .unmet{color:var(--warn)}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.actions form{display:inline}
.pre{white-space:pre-line}
.soon{color:var(--warn)}
.status{font-weight:600}
.status-open{color:var(--ok)}
.status-closed{color:var(--muted)}
.score{font-weight:600}
details summary{cursor:pointer;color:var(--accent)}
select[multiple]{inline-size:100%}
.theirs{border-inline-start:4px solid var(--focus);padding-inline-start:.6rem;margin-block:.3rem;background:#fffbeb}
.counter{display:block;font-size:.85rem;color:var(--muted);text-align:end}
.counter.over{color:var(--warn);font-weight:700}
dl.answers dt{font-weight:600;margin-block-start:.8rem}
dl.answers dd{margin-inline-start:0}
.status-awarded{color:var(--ok)}
.status-declined,.status-withdrawn{color:var(--muted)}
@media (max-width:30rem){dl.facts{grid-template-columns:1fr}h1{font-size:1.35rem}}
.hbars{margin:0 0 1rem;max-width:40rem}
.hbars figcaption{font-weight:600;margin-block-end:.5rem}
.hbars ul{list-style:none;margin:0;padding:0;display:grid;gap:.5rem}
.hbars li{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr) 4rem;gap:.25rem .5rem;align-items:center}
.hbar-track{display:block;background:#eef0f4;border-radius:.2rem;block-size:1rem}
.hbar-fill{display:block;block-size:100%;background:var(--accent);border-radius:.2rem}
.hbar-value{color:var(--muted);font-variant-numeric:tabular-nums}
@media (max-width:30rem){.hbars li{grid-template-columns:minmax(0,1fr) 4rem}.hbar-label{grid-column:1/-1}}
${Array.from({ length: 101 }, (_, i) => `.w-${i}{inline-size:${i}%}`).join("")}
pre.mail{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--card);border:1px solid var(--line);padding:.75rem}
.chart .frame{fill:none;stroke:var(--line)}
.chart .equality{stroke:var(--muted);stroke-dasharray:4 3}
.chart .curve{fill:none;stroke:var(--accent);stroke-width:2.5}
.report-grid{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));align-items:start}
.metrics{display:grid;gap:.5rem;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));padding:0;list-style:none}
.metrics li{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem}
.metrics strong{display:block;font-size:1.3rem}
.flag{color:var(--warn);font-weight:600}
.scroll{overflow-x:auto;max-width:100%}
.scroll:focus-visible{outline-offset:0}
.map-layout{display:grid;gap:1rem;grid-template-columns:minmax(0,2fr) minmax(14rem,1fr);align-items:start}
.map-layout figure{margin:0}
svg.map{width:100%;height:auto;background:#f4f7fb}
svg.map a:focus-visible path,svg.map a:hover path{stroke:var(--focus);stroke-width:2}
.map-legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.9rem}
.map-legend .swatch{vertical-align:middle;margin-inline-end:.35rem}
.map-metrics{list-style:none;padding:0}
.map-metrics a[aria-current]{font-weight:700;text-decoration:none;color:var(--ink)}
@media (max-width:48rem){.map-layout{grid-template-columns:1fr}}
`;

export const cssHref = hashedPath("app", "css", css);
