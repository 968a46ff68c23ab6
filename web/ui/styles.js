// The element's styles, adopted into its shadow root as a constructed stylesheet (no <style> tag,
// so a strict Content-Security-Policy needs no 'unsafe-inline'). Theming from outside goes through
// the --label-scope-* custom properties; light and dark follow the system.
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
@media (prefers-color-scheme: dark) {
  :host {
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
    --ls-bar: var(--label-scope-bar, #3b4250);
  }
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
p { margin: 0; }
h2 { margin: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }

.ls { display: flex; flex-direction: column; gap: 20px; }
.section-title { font-size: 1rem; font-weight: 650; letter-spacing: -0.005em; }
.help { color: var(--ls-muted); font-size: 0.85rem; }
.card { background: var(--ls-bg); border: 1px solid var(--ls-border); border-radius: var(--ls-radius); padding: 16px 18px; }

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
.demos { display: flex; flex-wrap: wrap; align-items: stretch; gap: 8px 10px; }
.demos-label { align-self: center; color: var(--ls-muted); font-size: 0.9rem; margin-right: 2px; }
.demo { flex: 0 1 auto; display: flex; flex-direction: column; align-items: flex-start; gap: 1px; text-align: left; padding: 8px 14px; border-radius: 10px; }
.demo-title { font-weight: 600; }
.demo-detail { color: var(--ls-muted); font-size: 0.8rem; }

.files { border: 1px solid var(--ls-border); border-radius: var(--ls-radius); padding: 12px 16px; }
.files[open] > summary { margin-bottom: 10px; }
.files > :not(summary) + * { margin-top: 10px; }
.files-summary { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 14px; cursor: pointer; list-style: none; font-size: 0.9rem; }
.files-summary::-webkit-details-marker { display: none; }
.files-summary:focus-visible { outline: 3px solid color-mix(in srgb, var(--ls-accent) 55%, transparent); outline-offset: 4px; border-radius: 4px; }
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
.swap { align-self: flex-start; }
.next-step { padding: 10px 14px; border-radius: 8px; background: var(--ls-accent-soft); }
.read-facts { color: var(--ls-muted); }
.read-summary { font-size: 0.9rem; display: flex; flex-direction: column; gap: 2px; padding-top: 10px; border-top: 1px solid var(--ls-border); }
.notes summary { cursor: pointer; color: var(--ls-muted); font-size: 0.85rem; margin-top: 4px; }
.notes ul { margin: 4px 0 0; padding-left: 20px; color: var(--ls-muted); font-size: 0.85rem; }

.guide { margin-top: 10px; }
.intake.has-data .guide { display: none; }
.guide-list { list-style: none; margin: 10px 0 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 12px; }
.guide-item { border: 1px solid var(--ls-border); border-radius: var(--ls-radius); padding: 14px 16px; display: flex; flex-direction: column; gap: 6px; }
.guide-title { font-weight: 650; }
.guide-example {
  margin-top: auto; display: block; white-space: pre; font: 0.8rem/1.45 ui-monospace, "SF Mono", Menlo, Consolas, monospace;
  background: var(--ls-surface); border-radius: 6px; padding: 6px 8px; color: var(--ls-muted); overflow-x: auto;
}

/* ---- status ---- */
.status { display: flex; flex-direction: column; gap: 10px; }
.status:not(:has(> :not([hidden]))) { display: none; }
.progress { padding: 12px 16px; border: 1px solid var(--ls-border); border-radius: var(--ls-radius); background: var(--ls-surface); }
.progress-text { display: flex; justify-content: space-between; align-items: center; gap: 12px; margin-bottom: 8px; font-size: 0.9rem; }
.progress-label { font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
progress { appearance: none; width: 100%; height: 6px; border: 0; border-radius: 3px; background: var(--ls-surface-2); overflow: hidden; display: block; }
progress::-webkit-progress-bar { background: var(--ls-surface-2); }
progress::-webkit-progress-value { background: var(--ls-accent); border-radius: 3px; }
progress::-moz-progress-bar { background: var(--ls-accent); }
progress:indeterminate { background: linear-gradient(90deg, var(--ls-surface-2) 0%, var(--ls-accent) 50%, var(--ls-surface-2) 100%) 0 0 / 200% 100%; animation: ls-slide 1.2s linear infinite; }
@keyframes ls-slide { to { background-position: -200% 0; } }
@media (prefers-reduced-motion: reduce) { progress:indeterminate { animation: none; } }
.alert {
  border: 1px solid color-mix(in srgb, var(--ls-flag) 40%, transparent); border-left: 4px solid var(--ls-flag);
  background: var(--ls-flag-soft); border-radius: var(--ls-radius); padding: 12px 16px; display: flex; flex-direction: column; gap: 2px;
}
.alert-title { font-weight: 650; }
.alert-where { font-weight: 600; font-variant-numeric: tabular-nums; }
.alert-hint { color: var(--ls-muted); font-size: 0.85rem; margin-top: 4px; }
.notice { color: var(--ls-muted); font-size: 0.9rem; }

/* ---- results ---- */
.results { display: flex; flex-direction: column; gap: 20px; }
.results > div:empty { display: none; }
.results:not([hidden]) { animation: ls-fade 160ms ease-out; }
@keyframes ls-fade { from { opacity: 0.4; } }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 0; }
.stat { background: var(--ls-surface); border-radius: var(--ls-radius); padding: 12px 16px; }
.stat dt { color: var(--ls-muted); font-size: 0.78rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; }
.stat dd { margin: 2px 0 0; display: flex; flex-direction: column; }
.stat-value { font-size: 1.55rem; font-weight: 650; font-variant-numeric: tabular-nums; letter-spacing: -0.01em; line-height: 1.25; }
.stat-detail { color: var(--ls-muted); font-size: 0.82rem; }
.stat.accent .stat-value { color: var(--ls-flag); }
.truth {
  border: 1px solid var(--ls-border); border-radius: var(--ls-radius); padding: 16px 18px; background: var(--ls-bg);
  display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.25fr); gap: 12px 20px; align-items: center;
}
.truth > .help { grid-column: 1 / -1; }
@media (max-width: 900px) { .truth { grid-template-columns: minmax(0, 1fr); } }
.truth-words { display: flex; flex-direction: column; gap: 6px; }
.truth-text { font-size: 0.95rem; max-width: 90ch; }
.truth-stats { grid-template-columns: repeat(3, minmax(0, 1fr)); }
@media (max-width: 560px) { .truth-stats { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
.truth-stats .stat { background: var(--ls-accent-soft); }
.warnings { border-left: 4px solid var(--ls-flag); padding: 8px 14px; background: var(--ls-flag-soft); border-radius: 8px; font-size: 0.9rem; }
.warnings-title { font-weight: 600; }
.warnings ul { margin: 4px 0 0; padding-left: 18px; }

.workspace { display: flex; flex-direction: column; gap: 20px; }
.settings-card { padding: 12px 16px; }
.settings-card > summary { cursor: pointer; list-style: none; display: flex; align-items: baseline; gap: 2px 14px; flex-wrap: wrap; font-size: 0.9rem; }
.settings-card > summary::-webkit-details-marker { display: none; }
.settings-card > summary:focus-visible { outline: 3px solid color-mix(in srgb, var(--ls-accent) 55%, transparent); outline-offset: 4px; border-radius: 4px; }
.settings-current { color: var(--ls-muted); overflow-wrap: anywhere; }
.settings-toggle { margin-left: auto; color: var(--ls-accent); white-space: nowrap; }
.settings-toggle::after { content: "Change ▾"; }
.settings-card[open] .settings-toggle::after { content: "Hide ▴"; }
.settings-note { margin-top: 8px; }
.settings { display: grid; grid-template-columns: repeat(auto-fit, minmax(210px, 1fr)); gap: 12px 22px; margin-top: 6px; }
.field { display: flex; flex-direction: column; gap: 4px; min-width: 0; }
.field label { font-weight: 600; font-size: 0.88rem; }
.field .help { font-size: 0.8rem; }
.range { display: flex; align-items: center; gap: 10px; min-height: 34px; }
.range-value { font-variant-numeric: tabular-nums; min-width: 2.6em; text-align: right; }

.review { display: flex; flex-direction: column; gap: 10px; }
.review-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 10px; }
.exports { display: flex; flex-wrap: wrap; gap: 6px; }
.export-flagged { background: var(--ls-accent); border-color: var(--ls-accent); color: var(--ls-on-accent); font-weight: 600; }
.export-flagged:hover { background: color-mix(in srgb, var(--ls-accent) 88%, black); }
.toolbar { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 8px 14px; }
.toolbar-field { display: flex; flex-direction: column; gap: 2px; font-size: 0.85rem; }
.toolbar-field label { color: var(--ls-muted); font-weight: 600; font-size: 0.78rem; }
.row-count { color: var(--ls-muted); font-size: 0.85rem; }
.review-body { display: grid; grid-template-columns: minmax(0, 1fr) 272px; gap: 14px; align-items: start; }
@media (max-width: 1000px) { .review-body { grid-template-columns: minmax(0, 1fr); } }

/* ---- the table ---- */
.vt {
  --vt-row-height: 76px;
  position: relative; overflow: auto; max-height: min(72vh, 640px); min-height: 120px;
  border: 1px solid var(--ls-border); border-radius: var(--ls-radius); background: var(--ls-bg);
  overscroll-behavior: contain; font-size: 0.9rem;
}
.vt:focus-visible { outline: 3px solid color-mix(in srgb, var(--ls-accent) 55%, transparent); outline-offset: 2px; }
.vt-row {
  display: grid; grid-template-columns: var(--vt-columns); min-width: var(--vt-min-width);
  height: var(--vt-row-height); align-items: center; border-bottom: 1px solid var(--ls-border);
}
.vt-head {
  position: sticky; top: 0; z-index: 2; height: auto; min-height: 38px;
  background: var(--ls-surface); font-size: 0.8rem; font-weight: 600; color: var(--ls-muted);
}
.vt-spacer { position: relative; min-width: var(--vt-min-width); }
.vt-spacer .vt-row { position: absolute; top: 0; left: 0; right: 0; cursor: pointer; will-change: transform; }
.vt-spacer .vt-row:hover { background: var(--ls-surface); }
.vt-spacer .vt-row.active { background: var(--ls-accent-soft); }
.vt:focus-visible .vt-row.active { box-shadow: inset 3px 0 0 var(--ls-accent); }
.vt-cell { padding: 0 8px; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.vt-head .vt-cell { padding: 8px 8px; }
.vt-sort {
  all: unset; cursor: pointer; display: inline-flex; align-items: center; gap: 4px; border-radius: 4px;
  max-width: 100%; overflow: hidden; text-overflow: ellipsis;
}
.vt-sort:focus-visible { outline: 2px solid var(--ls-accent); outline-offset: 2px; }
.vt-sort-icon::after { content: "↕"; opacity: 0.4; font-size: 0.9em; }
.vt-sort-icon { display: none; }
.vt-sort:hover .vt-sort-icon, .vt-sort:focus-visible .vt-sort-icon, [aria-sort] .vt-sort-icon { display: inline; }
[aria-sort="ascending"] .vt-sort-icon::after { content: "↑"; opacity: 1; }
[aria-sort="descending"] .vt-sort-icon::after { content: "↓"; opacity: 1; }
[aria-sort] { color: var(--ls-text); }
.vt-c-rank, .vt-c-index, .vt-c-quality, .vt-c-pGiven, .vt-c-pSuggested { font-variant-numeric: tabular-nums; }
.vt-c-quality, .vt-c-pGiven, .vt-c-pSuggested { text-align: right; }
.vt-head :is(.vt-c-quality, .vt-c-pGiven, .vt-c-pSuggested) { justify-content: flex-end; display: flex; }
.vt-c-rank { color: var(--ls-muted); }
.vt-c-example { display: flex; flex-direction: column; justify-content: center; white-space: normal; gap: 1px; }
.primary { font-weight: 550; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.secondary { color: var(--ls-muted); font-size: 0.8rem; line-height: 1.3; overflow: hidden; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; }
.secondary.only { font-size: 0.85rem; color: var(--ls-text); }
.cls { font-weight: 600; color: var(--ls-text); }
.vt-c-suggested.differs { color: var(--ls-flag); font-weight: 600; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 0.78rem; font-weight: 600; }
.badge.error { background: var(--ls-flag-soft); color: var(--ls-flag); }
.badge.ok { background: var(--ls-ok-soft); color: var(--ls-ok); }
.badge.unknown { color: var(--ls-muted); }
.vt-empty { padding: 28px 16px; text-align: center; color: var(--ls-muted); }

/* Narrow: each row is a small card; the header gives way to the "Sort by" control. */
.vt.narrow { --vt-row-height: 184px; }
.vt.narrow .vt-head { display: none; }
.vt.narrow .vt-row {
  grid-template-columns: repeat(6, minmax(0, 1fr)); grid-template-rows: auto auto 1fr auto auto; align-items: start;
  grid-template-areas:
    "rank rank index index truth truth"
    "given given given suggested suggested suggested"
    "example example example example example example"
    "quality quality pGiven pGiven pSuggested pSuggested"
    "decision decision decision decision decision decision";
  padding: 8px 6px; row-gap: 3px; min-width: 0;
}
.vt.narrow .vt-spacer { min-width: 0; }
.vt.narrow .vt-cell { padding: 0 6px; font-size: 0.85rem; text-align: left; }
.vt.narrow .vt-c-rank { grid-area: rank; font-weight: 600; color: var(--ls-text); }
.vt.narrow .vt-c-index { grid-area: index; }
.vt.narrow .vt-c-example { grid-area: example; justify-content: flex-start; }
.vt.narrow .vt-c-given { grid-area: given; }
.vt.narrow .vt-c-suggested { grid-area: suggested; }
.vt.narrow .vt-c-quality { grid-area: quality; }
.vt.narrow .vt-c-pGiven { grid-area: pGiven; }
.vt.narrow .vt-c-pSuggested { grid-area: pSuggested; }
.vt.narrow .vt-c-truth { grid-area: truth; justify-self: end; }
.vt.narrow .vt-c-decision { grid-area: decision; }
.vt.narrow .vt-c-decision .decision-none { display: none; }
.vt.narrow .decision-badge { flex-direction: row; gap: 6px; align-items: baseline; padding: 2px 8px; }
.vt.narrow .vt-c-rank::before { content: "#"; }
.vt.narrow :is(.vt-c-index, .vt-c-given, .vt-c-suggested, .vt-c-quality, .vt-c-pGiven, .vt-c-pSuggested)::before {
  content: attr(data-label) " "; color: var(--ls-muted); font-weight: 400; font-size: 0.78rem;
}

/* ---- detail pane ---- */
.detail {
  border: 1px solid var(--ls-border); border-radius: var(--ls-radius); padding: 14px 16px; background: var(--ls-bg);
  display: flex; flex-direction: column; gap: 10px; position: sticky; top: 12px;
}
.detail-heading { color: var(--ls-muted); font-size: 0.82rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; }
.detail-text { font-size: 1.02rem; font-weight: 600; }
.detail-explanation { font-size: 0.92rem; }
.detail-verdict { font-size: 0.88rem; font-weight: 600; padding: 6px 10px; border-radius: 8px; background: var(--ls-surface); }
.detail-verdict.error { background: var(--ls-flag-soft); color: var(--ls-flag); }
.detail-verdict.ok { background: var(--ls-ok-soft); color: var(--ls-ok); }
.detail-quality { color: var(--ls-muted); font-size: 0.85rem; }
.prob-bars { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 5px; }
.prob { display: grid; grid-template-columns: minmax(3em, 7em) 1fr 3.4em; grid-template-rows: auto auto; column-gap: 8px; align-items: center; font-size: 0.85rem; }
.prob-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.prob-track { position: relative; height: 10px; border-radius: 5px; background: var(--ls-surface-2); }
.prob-fill { position: absolute; inset: 0 auto 0 0; border-radius: 5px; background: var(--ls-bar); }
.prob.suggested .prob-fill { background: var(--ls-accent); }
.prob.given .prob-fill { background: var(--ls-flag); }
.prob.given.suggested .prob-fill { background: var(--ls-ok); }
.prob-threshold { position: absolute; top: -3px; bottom: -3px; width: 2px; margin-left: -1px; background: var(--ls-text); opacity: 0.55; border-radius: 1px; }
.prob-value { text-align: right; font-variant-numeric: tabular-nums; }
.prob-role { grid-column: 2 / 4; color: var(--ls-muted); font-size: 0.74rem; }
.prob-role:empty { display: none; }
.prob.given .prob-name, .prob.suggested .prob-name { font-weight: 650; }
.detail-extra { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0; font-size: 0.85rem; }
.detail-extra dt { color: var(--ls-muted); }
.detail-extra dd { margin: 0; overflow-wrap: anywhere; }

/* ---- decisions ---- */
.resume-slot:empty { display: none; }
.intake.has-data .resume-slot { grid-column: 1 / -1; }
.resume {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 10px 16px;
  border: 1px solid color-mix(in srgb, var(--ls-accent) 35%, var(--ls-border)); background: var(--ls-accent-soft);
  border-radius: var(--ls-radius); padding: 12px 16px;
}
.resume-text { display: flex; flex-direction: column; gap: 2px; min-width: 0; flex: 1 1 300px; }
.resume-title { font-weight: 650; overflow-wrap: anywhere; }
.resume-actions { display: flex; flex-wrap: wrap; gap: 6px; }
.resume-go { background: var(--ls-accent); border-color: var(--ls-accent); color: var(--ls-on-accent); font-weight: 600; }
.resume-go:hover { background: color-mix(in srgb, var(--ls-accent) 88%, black); }

.decision-bar {
  display: flex; flex-direction: column; gap: 8px; padding: 12px 14px;
  border: 1px solid var(--ls-border); border-radius: var(--ls-radius); background: var(--ls-surface);
}
.decision-top { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px 16px; }
.review-progress { display: flex; flex-direction: column; gap: 5px; flex: 1 1 260px; min-width: 0; }
.decision-side { display: flex; flex-direction: column; align-items: flex-end; gap: 6px; }
@media (max-width: 700px) { .decision-side { align-items: flex-start; } }
.review-progress-text { font-weight: 600; font-variant-numeric: tabular-nums; }
.review-meter { height: 6px; max-width: 420px; }
.decision-actions { display: flex; flex-wrap: wrap; gap: 6px; }
.save-state { color: var(--ls-muted); font-size: 0.85rem; }
.save-state[data-mode="saved"]::before { content: "✓ "; color: var(--ls-ok); font-weight: 700; }
.save-state[data-mode="failed"] { color: var(--ls-flag); font-weight: 600; }
.advance { display: inline-flex; align-items: center; gap: 6px; font-size: 0.85rem; color: var(--ls-muted); }
.advance input { accent-color: var(--ls-accent); width: 16px; height: 16px; margin: 0; }
.shortcuts { font-size: 0.8rem; }
.restored-note { font-size: 0.9rem; padding: 6px 10px; border-radius: 8px; background: var(--ls-ok-soft); color: var(--ls-text); }
.restored-note::before { content: "↺ "; color: var(--ls-ok); font-weight: 700; }
.save-warning {
  border: 1px solid color-mix(in srgb, var(--ls-flag) 40%, transparent); border-left: 4px solid var(--ls-flag);
  background: var(--ls-flag-soft); border-radius: 8px; padding: 8px 12px; font-size: 0.9rem; display: flex; flex-direction: column; gap: 2px;
}
.save-warning-title { font-weight: 650; color: var(--ls-flag); }
.confirm {
  border: 1px solid var(--ls-border); border-left: 4px solid var(--ls-flag); background: var(--ls-bg);
  border-radius: 8px; padding: 10px 12px; display: flex; flex-direction: column; gap: 8px; font-size: 0.9rem;
}
.confirm-buttons { display: flex; flex-wrap: wrap; gap: 6px; }
button.danger { background: var(--ls-flag); border-color: var(--ls-flag); color: var(--ls-bg); font-weight: 600; }
button.danger:hover { background: color-mix(in srgb, var(--ls-flag) 85%, black); }
kbd, .key {
  display: inline-block; min-width: 1.5em; padding: 0 4px; border: 1px solid var(--ls-border); border-bottom-width: 2px;
  border-radius: 4px; background: var(--ls-bg); color: var(--ls-muted); font: 600 0.75rem/1.4 ui-monospace, "SF Mono", Menlo, Consolas, monospace;
  text-align: center; vertical-align: 0.05em;
}

.decide { display: flex; flex-direction: column; gap: 8px; padding: 10px 12px; border-radius: 8px; background: var(--ls-surface); }
.detail-head { display: flex; flex-direction: column; gap: 6px; }
.detail-head:empty { display: none; }
.decide-title { font-size: 0.82rem; font-weight: 600; color: var(--ls-muted); text-transform: uppercase; letter-spacing: 0.04em; }
.decide-state { text-transform: none; letter-spacing: 0; font-weight: 500; }
.decide-state.decided { color: var(--ls-ok); font-weight: 650; }
.decide-main { display: flex; flex-direction: column; gap: 6px; }
.decide-main button { display: flex; align-items: center; gap: 6px; text-align: left; min-width: 0; padding: 8px 10px; }
.decide-main .key { margin-left: auto; }
.decide-verb { flex: none; }
.decide-class { font-weight: 650; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.decide-accept .decide-class { color: var(--ls-accent); }
.decide button[aria-pressed="true"] { background: var(--ls-accent); border-color: var(--ls-accent); color: var(--ls-on-accent); }
.decide button[aria-pressed="true"] .decide-class { color: inherit; }
.decide button[aria-pressed="true"] .key { background: transparent; color: inherit; border-color: color-mix(in srgb, var(--ls-on-accent) 50%, transparent); }
.decide-relabel { display: flex; flex-direction: column; gap: 4px; }
.decide-label { font-size: 0.8rem; color: var(--ls-muted); font-weight: 600; }
.decide-chips { display: flex; flex-wrap: wrap; gap: 5px; }
.chip { display: inline-flex; align-items: center; gap: 5px; padding: 4px 9px; border-radius: 999px; font-size: 0.85rem; max-width: 100%; }
.chip-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.chip .key { min-width: 1.3em; padding: 0 3px; font-size: 0.7rem; }
.decide-select { flex: 1 1 120px; }
.decide-more { display: flex; flex-wrap: wrap; gap: 4px; margin-top: -2px; }
.decide-more:not(:has(> :not([hidden]))) { display: none; }
.decide-more button { font-size: 0.85rem; padding: 4px 8px; display: inline-flex; align-items: center; gap: 6px; }
.detail-body { display: flex; flex-direction: column; gap: 10px; }

.vt-c-decision { white-space: normal; }
.decision-badge { display: inline-flex; flex-direction: column; max-width: 100%; line-height: 1.2; padding: 3px 7px; border-radius: 7px; }
.decision-kind { font-size: 0.72rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.03em; }
.decision-label { font-weight: 650; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.decision-badge.accept { background: var(--ls-accent-soft); color: var(--ls-accent); }
.decision-badge.accept .decision-label { color: var(--ls-text); }
.decision-badge.keep { background: var(--ls-ok-soft); color: var(--ls-ok); }
.decision-badge.keep .decision-label { color: var(--ls-text); }
.decision-badge.relabel { background: var(--ls-flag-soft); color: var(--ls-flag); }
.decision-badge.relabel .decision-label { color: var(--ls-text); }
.decision-none { color: var(--ls-muted); }
@media (pointer: coarse) { .shortcuts, .decide .key, .chip .key, .decide-more kbd { display: none; } }

/* ---- charts ---- */
.insights { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; align-items: start; }
.insights .matrix-card { grid-row: span 2; }
@media (max-width: 900px) {
  .insights { grid-template-columns: minmax(0, 1fr); }
  .insights .matrix-card { grid-row: auto; }
}
.chart-card { display: flex; flex-direction: column; gap: 8px; min-width: 0; }
.card-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 8px; }
.chart-scroll { overflow-x: auto; }
.chart { display: block; max-width: 100%; height: auto; font-family: var(--ls-font); }
.chart text { fill: var(--ls-muted); font-size: 11px; }
.chart .axis-title { fill: var(--ls-text); font-size: 11.5px; font-weight: 600; }
.chart .value { fill: var(--ls-text); font-size: 11px; }
.chart .axis { stroke: var(--ls-border); }
.segmented { display: inline-flex; border: 1px solid var(--ls-border); border-radius: 8px; overflow: hidden; }
.segmented button { border: 0; border-radius: 0; padding: 5px 10px; font-size: 0.82rem; }
.segmented button + button { border-left: 1px solid var(--ls-border); }
.segmented button[aria-pressed="true"] { background: var(--ls-accent); color: var(--ls-on-accent); }
.hm-cell { cursor: pointer; outline: none; }
.hm-bg { fill: var(--ls-surface-2); }
.hm-fill { fill: var(--ls-accent); }
.hm-cell.off .hm-fill { fill: var(--ls-flag); }
.hm-cell:hover .hm-bg { stroke: var(--ls-text); stroke-width: 2px; }
/* SVG groups draw outlines badly: the focused cell gets a thick accent border instead. */
.hm-cell:focus-visible { outline: none; }
.hm-cell:focus .hm-bg { stroke: var(--ls-accent); stroke-width: 3px; }
.chart .hm-value { fill: var(--ls-text); font-size: 11px; font-variant-numeric: tabular-nums; pointer-events: none; }
.chart .hm-value.on-strong { fill: #ffffff; }
.readout { font-size: 0.88rem; min-height: 2.6em; }
.bar-track { fill: var(--ls-surface-2); }
.bar-fill { fill: var(--ls-accent); }
.hist-all { fill: var(--ls-bar); }
.hist-flagged { fill: var(--ls-flag); }
.hist-band { fill: var(--ls-flag); fill-opacity: 0.08; }
.chart .band-label { fill: var(--ls-flag); font-weight: 600; }
.hist-hit { fill: transparent; }
.hist-bin:hover .hist-all { fill: var(--ls-muted); }

/* ---- compact (lesson and quiz pages) ---- */
.compact-footer { display: none; }
.ls.compact { gap: 12px; border: 1px solid var(--ls-border); border-radius: 14px; padding: 16px 18px; background: var(--ls-bg); }
.ls.compact .compact-footer { display: block; color: var(--ls-muted); font-size: 0.78rem; }
.compact-summary { font-size: 1rem; }
.compact-summary strong { color: var(--ls-flag); }
.compact-list { margin: 10px 0 0; padding: 0; list-style: none; counter-reset: item; display: flex; flex-direction: column; gap: 8px; }
.compact-item { counter-increment: item; display: grid; grid-template-columns: 1.8em 1fr; column-gap: 6px; padding: 8px 10px; border-radius: 8px; background: var(--ls-surface); }
.compact-item::before { content: counter(item); grid-row: span 2; color: var(--ls-muted); font-variant-numeric: tabular-nums; font-weight: 600; }
.compact-title { display: flex; flex-wrap: wrap; gap: 2px 8px; align-items: baseline; }
.compact-id { color: var(--ls-muted); font-size: 0.8rem; font-variant-numeric: tabular-nums; }
.compact-text { font-weight: 600; }
.compact-why { color: var(--ls-muted); font-size: 0.86rem; }
.compact-why strong { color: var(--ls-text); }

@media (max-width: 560px) {
  :host { font-size: 14px; }
  .shortcuts { display: none; }
  .decision-actions button { padding: 6px 10px; font-size: 0.9rem; }
  .demo { flex: 1 1 100%; }
  .drop-hint { font-size: 0.82rem; }
  .drop { padding: 18px 16px; gap: 12px; }
  .drop-icon { width: 40px; height: 40px; }
  .card, .truth { padding: 14px; }
  .stat { padding: 10px 12px; }
  .stat-value { font-size: 1.3rem; }
  .summary { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
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
