// The element's styles, adopted into its shadow root as a constructed stylesheet (no <style> tag,
// so a strict Content-Security-Policy needs no 'unsafe-inline'). Theming from outside goes through
// the --label-scope-* custom properties; light and dark follow the system unless the theme attribute says.
import { CHARTS_CSS } from './styles-charts.js';
import { REVIEW_CSS } from './styles-review.js';

// The dark palette: the system's (theme auto) or asked for (theme="dark").
const DARK = String.raw`
  --ls-accent: var(--label-scope-accent, #8cb0ff);
  --ls-on-accent: var(--label-scope-on-accent, #0d1420);
  --ls-bg: var(--label-scope-bg, #12151b);
  --ls-surface: var(--label-scope-surface, #1a1e26);
  --ls-surface-2: var(--label-scope-surface-2, #252a34);
  --ls-text: var(--label-scope-text, #e7e9ee);
  --ls-muted: var(--label-scope-muted, #9da6b3);
  --ls-border: var(--label-scope-border, #2e3440);
  --ls-flag: var(--label-scope-flag, #fb923c);
  --ls-flag-soft: var(--label-scope-flag-soft, #2c1d13);
  --ls-ok: var(--label-scope-ok, #4ade80);
  --ls-ok-soft: var(--label-scope-ok-soft, #13261a);
  --ls-accent-soft: var(--label-scope-accent-soft, #1b2540);
  --ls-bar: var(--label-scope-bar, #3b4250);`;

const CSS = String.raw`
:host {
  --ls-font: var(--label-scope-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  --ls-accent: var(--label-scope-accent, #2b59c3);
  --ls-on-accent: var(--label-scope-on-accent, #ffffff);
  --ls-bg: var(--label-scope-bg, #ffffff);
  --ls-surface: var(--label-scope-surface, #f6f7f9);
  --ls-surface-2: var(--label-scope-surface-2, #eceef2);
  --ls-text: var(--label-scope-text, #1a1d23);
  --ls-muted: var(--label-scope-muted, #5a6270);
  --ls-border: var(--label-scope-border, #dfe2e7);
  --ls-flag: var(--label-scope-flag, #c2410c);
  --ls-flag-soft: var(--label-scope-flag-soft, #fff1e8);
  --ls-ok: var(--label-scope-ok, #15803d);
  --ls-ok-soft: var(--label-scope-ok-soft, #e8f6ed);
  --ls-accent-soft: var(--label-scope-accent-soft, #eaf0fc);
  --ls-bar: var(--label-scope-bar, #c5cbd5);
  --ls-radius: var(--label-scope-radius, 10px);
  display: block;
  color: var(--ls-text);
  font-family: var(--ls-font);
  font-size: 15px;
  line-height: 1.45;
  -webkit-text-size-adjust: 100%;
}
/* theme="auto" (or none): the system's light or dark; theme="light" or "dark": that one whatever the
   system says (a light lesson page seen on a dark system stays light). */
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light" i])) {
${DARK}
  }
}
:host([theme="dark" i]) {
${DARK}
  color-scheme: dark;
}
:host([theme="light" i]) { color-scheme: light; }
/* A theme asked for is the element's own: it paints its background too, whatever the page's. */
:host([theme="light" i]), :host([theme="dark" i]) { background: var(--ls-bg); }
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
p { margin: 0; }
h2 { margin: 0; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}

.ls { display: flex; flex-direction: column; gap: 20px; }
.section-title { font-size: 1rem; font-weight: 650; letter-spacing: -0.005em; }
.help { color: var(--ls-muted); font-size: 0.85rem; }
.card {
  background: var(--ls-bg); border: 1px solid var(--ls-border); border-radius: var(--ls-radius); padding: 16px 18px;
}

/* ---- controls ---- */
button, select, input { font: inherit; color: inherit; }
button {
  border: 1px solid var(--ls-border); background: var(--ls-bg); border-radius: 8px;
  padding: 7px 12px; cursor: pointer; line-height: 1.2;
}
button:hover { background: var(--ls-surface); }
button.quiet { border-color: transparent; background: transparent; color: var(--ls-accent); padding-inline: 8px; }
button.quiet:hover { background: var(--ls-accent-soft); }
select, input[type="number"] {
  border: 1px solid var(--ls-border); background: var(--ls-bg); border-radius: 7px; padding: 6px 8px; min-height: 34px;
  max-width: 100%;
}
input[type="range"] { accent-color: var(--ls-accent); width: 100%; }
:is(button, select, input, [tabindex]):focus-visible {
  outline: 3px solid color-mix(in srgb, var(--ls-accent) 55%, transparent); outline-offset: 2px;
}
:disabled { opacity: 0.55; cursor: not-allowed; }

/* ---- intake ---- */
.intake { display: flex; flex-direction: column; gap: 14px; }
.drop {
  display: flex; align-items: center; gap: 18px; padding: 28px 28px; cursor: pointer;
  border: 2px dashed var(--ls-border); border-radius: 14px; background: var(--ls-surface);
  transition: border-color 120ms, background-color 120ms;
}
.drop:hover, .drop.dragging { border-color: var(--ls-accent); background: var(--ls-accent-soft); }
.drop-icon {
  flex: none; width: 48px; height: 48px; border-radius: 12px; display: grid; place-items: center;
  background: var(--ls-bg); border: 1px solid var(--ls-border); color: var(--ls-accent); font-size: 24px;
}
.drop-title { font-size: 1.05rem; }
.drop-hint { color: var(--ls-muted); font-size: 0.88rem; margin-top: 2px; max-width: 70ch; }
.linkish { color: var(--ls-accent); text-decoration: underline; text-underline-offset: 3px; }
.intake.has-data { display: grid; grid-template-columns: minmax(0, 1fr) auto; align-items: center; gap: 12px 16px; }
.intake.has-data .files { grid-column: 1 / -1; }
.intake.has-data .drop { padding: 12px 16px; }
@media (max-width: 900px) { .intake.has-data { grid-template-columns: minmax(0, 1fr); } }
.intake.has-data .drop-icon { width: 36px; height: 36px; border-radius: 9px; }
.intake.has-data .drop-icon svg { width: 20px; height: 20px; }
.intake.has-data .drop-hint { display: none; }
.demos { display: flex; align-items: flex-start; gap: 8px 10px; }
.demos-label { flex: none; padding-top: 0.6rem; color: var(--ls-muted); font-size: 0.9rem; margin-right: 2px; }
.demo-list { display: flex; flex-wrap: wrap; align-items: stretch; gap: 8px 10px; flex: 1; min-width: 0; }
@media (max-width: 600px) { .demos { flex-direction: column; align-items: stretch; } .demos-label { padding-top: 0; } }
.demo {
  flex: 0 1 auto; display: flex; flex-direction: column; align-items: flex-start; gap: 1px; text-align: left;
  padding: 8px 14px; border-radius: 10px;
}
.demo-title { font-weight: 600; }
.demo-detail { color: var(--ls-muted); font-size: 0.8rem; }

.files { border: 1px solid var(--ls-border); border-radius: var(--ls-radius); padding: 12px 16px; }
.files[open] > summary { margin-bottom: 10px; }
.files > :not(summary) + * { margin-top: 10px; }
.files-summary {
  display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 14px; cursor: pointer; list-style: none;
  font-size: 0.9rem;
}
.files-summary::-webkit-details-marker { display: none; }
.files-summary:focus-visible {
  outline: 3px solid color-mix(in srgb, var(--ls-accent) 55%, transparent); outline-offset: 4px; border-radius: 4px;
}
.files-roles { color: var(--ls-muted); overflow-wrap: anywhere; }
.files-found { font-weight: 600; }
.files-toggle { margin-left: auto; color: var(--ls-accent); white-space: nowrap; }
.files-toggle::after { content: "Change ▾"; }
.files[open] .files-toggle::after { content: "Hide ▴"; }
.file-list { list-style: none; margin: 0; padding: 0; }
.file {
  display: grid; grid-template-columns: minmax(8em, 13em) 4.5em auto auto minmax(0, 1fr); align-items: center;
  gap: 6px 14px; padding: 8px 0; border-top: 1px solid var(--ls-border);
}
@media (max-width: 900px) {
  .file { display: flex; flex-wrap: wrap; }
  .file-reason { flex-basis: 100%; }
}
.file:first-child { border-top: 0; padding-top: 0; }
.file-name { font-weight: 600; overflow-wrap: anywhere; }
.file-size { color: var(--ls-muted); font-size: 0.85rem; font-variant-numeric: tabular-nums; }
.file-field { display: inline-flex; align-items: center; gap: 6px; font-size: 0.88rem; }
.file-field label { color: var(--ls-muted); }
.file-reason { color: var(--ls-muted); font-size: 0.8rem; }
.column-ask {
  grid-column: 1 / -1; flex-basis: 100%; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px;
  padding: 10px 14px; border-radius: 8px; background: var(--ls-accent-soft);
}
.column-ask p { margin: 0; flex-basis: 100%; }
.swap { align-self: flex-start; }
.next-step { padding: 10px 14px; border-radius: 8px; background: var(--ls-accent-soft); }
.read-facts { color: var(--ls-muted); }
.read-summary {
  font-size: 0.9rem; display: flex; flex-direction: column; gap: 2px; padding-top: 10px;
  border-top: 1px solid var(--ls-border);
}
.notes summary { cursor: pointer; color: var(--ls-muted); font-size: 0.85rem; margin-top: 4px; }
.notes ul { margin: 4px 0 0; padding-left: 20px; color: var(--ls-muted); font-size: 0.85rem; }

.guide { margin-top: 10px; }
.intake.has-data .guide { display: none; }
.guide-list {
  list-style: none; margin: 10px 0 0; padding: 0; display: grid;
  grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 12px;
}
.guide-item {
  border: 1px solid var(--ls-border); border-radius: var(--ls-radius); padding: 14px 16px; display: flex;
  flex-direction: column; gap: 6px;
}
.guide-title { font-weight: 650; }
.guide-example {
  margin-top: auto; display: block; white-space: pre;
  font: 0.8rem/1.45 ui-monospace, "SF Mono", Menlo, Consolas, monospace;
  background: var(--ls-surface); border-radius: 6px; padding: 6px 8px; color: var(--ls-muted); overflow-x: auto;
}

/* ---- status ---- */
.status { display: flex; flex-direction: column; gap: 10px; }
.status:not(:has(> :not([hidden]))) { display: none; }
.progress {
  padding: 12px 16px; border: 1px solid var(--ls-border); border-radius: var(--ls-radius);
  background: var(--ls-surface);
}
.progress-text {
  display: flex; justify-content: space-between; align-items: center; gap: 12px; margin-bottom: 8px; font-size: 0.9rem;
}
.progress-label { font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
progress {
  appearance: none; width: 100%; height: 6px; border: 0; border-radius: 3px; background: var(--ls-surface-2);
  overflow: hidden; display: block;
}
progress::-webkit-progress-bar { background: var(--ls-surface-2); }
progress::-webkit-progress-value { background: var(--ls-accent); border-radius: 3px; }
progress::-moz-progress-bar { background: var(--ls-accent); }
progress:indeterminate {
  background: linear-gradient(90deg, var(--ls-surface-2) 0%, var(--ls-accent) 50%, var(--ls-surface-2) 100%) 0 0 / 200% 100%;
  animation: ls-slide 1.2s linear infinite;
}
@keyframes ls-slide { to { background-position: -200% 0; } }
@media (prefers-reduced-motion: reduce) { progress:indeterminate { animation: none; } }
.alert {
  border: 1px solid color-mix(in srgb, var(--ls-flag) 40%, transparent); border-left: 4px solid var(--ls-flag);
  background: var(--ls-flag-soft); border-radius: var(--ls-radius); padding: 12px 16px; display: flex;
  flex-direction: column; gap: 2px;
}
.alert-title { font-weight: 650; }
.alert-where { font-weight: 600; font-variant-numeric: tabular-nums; }
.alert-hint { color: var(--ls-muted); font-size: 0.85rem; margin-top: 4px; }
.notice { color: var(--ls-muted); font-size: 0.9rem; }
.plausibility { display: flex; flex-direction: column; gap: 6px; margin-top: 8px; }
.plausibility-choice { display: flex; align-items: center; gap: 8px; font-weight: 600; }
.plausibility code { font-size: 0.85em; }

/* ---- what this browser keeps ---- */
.keep-files {
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 12px 14px;
  border: 1px solid var(--ls-accent); border-radius: var(--ls-radius); background: var(--ls-accent-soft);
}
.keep-files[hidden], .privacy[hidden] { display: none; }
.keep-files .help { flex: 1 1 320px; }
.keep-files-title { font-weight: 650; flex-basis: 100%; }
.keep-files-actions { display: flex; gap: 8px; flex-wrap: wrap; }
.privacy {
  color: var(--ls-muted); font-size: 0.85rem; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px;
}
.privacy .forget-everything { font-size: 0.85rem; }
.privacy .forget-confirm { flex-basis: 100%; color: var(--ls-text); }
.privacy-result { flex-basis: 100%; color: var(--ls-text); font-weight: 600; }
.privacy-result:empty { display: none; }

/* ---- results ---- */
.results { display: flex; flex-direction: column; gap: 20px; }
/* The results of the files before, while other files are read: dimmed and not usable, with a line saying so. */
.results.stale, .compact-slot.stale { opacity: 0.4; filter: grayscale(0.6); transition: opacity 120ms; }
.stale-note { color: var(--ls-muted); font-size: 0.9rem; margin: -8px 0; }
.results > div:empty { display: none; }
.results:not([hidden]) { animation: ls-fade 160ms ease-out; }
@keyframes ls-fade { from { opacity: 0.4; } }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 0; }
/* Five headline tiles in a column narrower than five: three and two, never four and one alone. */
@container (max-width: 800px) { .summary:not(.truth-stats) { grid-template-columns: repeat(3, minmax(0, 1fr)); } }
@container (max-width: 480px) { .summary:not(.truth-stats) { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
.stat { background: var(--ls-surface); border-radius: var(--ls-radius); padding: 12px 16px; }
.stat dt {
  color: var(--ls-muted); font-size: 0.78rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em;
}
.stat dd { margin: 2px 0 0; display: flex; flex-direction: column; }
.stat-value {
  font-size: 1.55rem; font-weight: 650; font-variant-numeric: tabular-nums; letter-spacing: -0.01em; line-height: 1.25;
}
.stat-help {
  display: block; color: var(--ls-muted); font-size: 0.78rem; line-height: 1.35; margin-top: 4px;
  overflow-wrap: anywhere;
}
.field label code { font-size: 0.8em; color: var(--ls-muted); font-weight: 400; }
.stat-detail { color: var(--ls-muted); font-size: 0.82rem; }
.stat.accent .stat-value { color: var(--ls-flag); }
.truth {
  border: 1px solid var(--ls-border); border-radius: var(--ls-radius); padding: 16px 18px; background: var(--ls-bg);
  display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.25fr); gap: 12px 20px; align-items: center;
}
.truth > .help { grid-column: 1 / -1; }
/* The element's own width (.ls is a container: a lesson's 720 px column on a wide screen), not the window's. */
@container (max-width: 900px) { .truth { grid-template-columns: minmax(0, 1fr); } }
.truth-words { display: flex; flex-direction: column; gap: 6px; }
.truth-text { font-size: 0.95rem; max-width: 90ch; }
.truth-stats { grid-template-columns: repeat(3, minmax(0, 1fr)); }
@container (max-width: 560px) { .truth-stats { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
.truth-stats .stat { background: var(--ls-accent-soft); }
.warnings {
  border-left: 4px solid var(--ls-flag); padding: 8px 14px; background: var(--ls-flag-soft); border-radius: 8px;
  font-size: 0.9rem;
}
.warnings-title { font-weight: 600; }
.warnings ul { margin: 4px 0 0; padding-left: 18px; }

.workspace { display: flex; flex-direction: column; gap: 20px; }
.settings-card { padding: 12px 16px; }
.settings-card > summary {
  cursor: pointer; list-style: none; display: flex; align-items: baseline; gap: 2px 14px; flex-wrap: wrap;
  font-size: 0.9rem;
}
.settings-card > summary::-webkit-details-marker { display: none; }
.settings-card > summary:focus-visible {
  outline: 3px solid color-mix(in srgb, var(--ls-accent) 55%, transparent); outline-offset: 4px; border-radius: 4px;
}
.settings-current { color: var(--ls-muted); overflow-wrap: anywhere; }
.settings-toggle { margin-left: auto; color: var(--ls-accent); white-space: nowrap; }
.settings-toggle::after { content: "Change ▾"; }
.settings-card[open] .settings-toggle::after { content: "Hide ▴"; }
.settings-note { margin-top: 8px; }
.settings {
  display: grid; grid-template-columns: repeat(auto-fit, minmax(210px, 1fr)); gap: 12px 22px; margin-top: 6px;
}
.field { display: flex; flex-direction: column; gap: 4px; min-width: 0; }
.field label { font-weight: 600; font-size: 0.88rem; }
.field .help { font-size: 0.8rem; }
.range { display: flex; align-items: center; gap: 10px; min-height: 34px; }
.range-value { font-variant-numeric: tabular-nums; min-width: 2.6em; text-align: right; }

.review { display: flex; flex-direction: column; gap: 10px; }
.review-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 10px; }
.exports { display: flex; flex-wrap: wrap; gap: 6px; }
.export-flagged {
  background: var(--ls-accent); border-color: var(--ls-accent); color: var(--ls-on-accent); font-weight: 600;
}
.export-flagged:hover { background: color-mix(in srgb, var(--ls-accent) 88%, black); }
.toolbar { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 8px 14px; }
.toolbar-field { display: flex; flex-direction: column; gap: 2px; font-size: 0.85rem; }
.toolbar-field label { color: var(--ls-muted); font-weight: 600; font-size: 0.78rem; }
.row-count { color: var(--ls-muted); font-size: 0.85rem; }
.review-body { display: grid; grid-template-columns: minmax(0, 1fr) 272px; gap: 14px; align-items: start; }
@media (max-width: 1000px) { .review-body { grid-template-columns: minmax(0, 1fr); } }

${REVIEW_CSS}
${CHARTS_CSS}
`;

let sheet = null;

/** One shared sheet for every <label-scope> on the page. */
export function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
