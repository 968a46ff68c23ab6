// Styles of the review: the virtualized table, the detail pane and the decision controls (part of
// the element's sheet, see styles.js).
export const REVIEW_CSS = String.raw`
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
.vt-c-id { overflow: hidden; text-overflow: ellipsis; }
.vt-c-rank, .vt-c-index, .vt-c-quality, .vt-c-pGiven, .vt-c-pSuggested { font-variant-numeric: tabular-nums; }
.vt-c-quality, .vt-c-pGiven, .vt-c-pSuggested { text-align: right; }
.vt-head :is(.vt-c-quality, .vt-c-pGiven, .vt-c-pSuggested) { justify-content: flex-end; display: flex; }
.vt-c-rank { color: var(--ls-muted); }
.vt-c-example { display: flex; flex-direction: column; justify-content: center; white-space: normal; gap: 1px; }
.primary { font-weight: 550; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.secondary {
  color: var(--ls-muted); font-size: 0.8rem; line-height: 1.3; overflow: hidden; display: -webkit-box;
  -webkit-line-clamp: 3; -webkit-box-orient: vertical;
}
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
  grid-template-columns: repeat(6, minmax(0, 1fr)); grid-template-rows: repeat(5, auto); align-items: start;
  align-content: start; overflow: hidden; /* a card shorter than the tallest: its spare room at the bottom */
  grid-template-areas:
    "rank index index id id truth"
    "given given given suggested suggested suggested"
    "example example example example example example"
    "quality quality pGiven pGiven pSuggested pSuggested"
    "decision decision decision decision decision decision";
  padding: 8px 6px; row-gap: 3px; min-width: 0;
}
.vt.narrow .vt-spacer { min-width: 0; }
/* The card's height is measured from its content (ui/table.js): up to 4 lines of explanation, no blank band. */
.vt.narrow .vt-c-example .secondary { -webkit-line-clamp: 4; }
/* Without p(given), quality and p(suggested) share the line: ">0.999" is never cut to ">0.9…". */
.vt.narrow .vt-row:not(:has(> .vt-c-pGiven)) .vt-c-quality { grid-column: 1 / 4; }
.vt.narrow .vt-row:not(:has(> .vt-c-pGiven)) .vt-c-pSuggested { grid-column: 4 / 7; }
.vt.narrow .vt-cell { padding: 0 6px; font-size: 0.85rem; text-align: left; }
.vt.narrow .vt-c-rank { grid-area: rank; font-weight: 600; color: var(--ls-text); }
.vt.narrow .vt-c-index { grid-area: index; white-space: nowrap; }
/* The id beside the row number, without its column's name (two sixths of a card are narrow): the id is data. */
.vt.narrow .vt-c-id { grid-area: id; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
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
.detail-heading {
  color: var(--ls-muted); font-size: 0.82rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em;
}
/* Ids are data: they keep their case (img_0061 is not IMG_0061). */
.detail-heading .detail-id { text-transform: none; letter-spacing: 0; }
.detail-text { font-size: 1.02rem; font-weight: 600; overflow-wrap: anywhere; }
.detail-explanation { font-size: 0.92rem; }
.detail-verdict {
  font-size: 0.88rem; font-weight: 600; padding: 6px 10px; border-radius: 8px; background: var(--ls-surface);
}
.detail-verdict.error { background: var(--ls-flag-soft); color: var(--ls-flag); }
.detail-verdict.ok { background: var(--ls-ok-soft); color: var(--ls-ok); }
.detail-quality { color: var(--ls-muted); font-size: 0.85rem; }
.prob-bars { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 5px; }
.prob {
  display: grid; grid-template-columns: minmax(3em, 7em) 1fr 3.4em; grid-template-rows: auto auto; column-gap: 8px;
  align-items: center; font-size: 0.85rem;
}
.prob-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.prob-track { position: relative; height: 10px; border-radius: 5px; background: var(--ls-surface-2); }
.prob-fill { position: absolute; inset: 0 auto 0 0; border-radius: 5px; background: var(--ls-bar); }
.prob.suggested .prob-fill { background: var(--ls-accent); }
.prob.given .prob-fill { background: var(--ls-flag); }
.prob.given.suggested .prob-fill { background: var(--ls-ok); }
.prob-threshold {
  position: absolute; top: -3px; bottom: -3px; width: 2px; margin-left: -1px; background: var(--ls-text); opacity: 0.55;
  border-radius: 1px;
}
.prob-value { text-align: right; font-variant-numeric: tabular-nums; }
.prob-role { grid-column: 2 / 4; color: var(--ls-muted); font-size: 0.74rem; }
.prob-role:empty { display: none; }
.prob.given .prob-name, .prob.suggested .prob-name { font-weight: 650; }
/* The row's own cells: name, value and (computed here) the trainer's use of the column; features stand out. */
.detail-row { display: flex; flex-direction: column; gap: 4px; }
.detail-row-title { color: var(--ls-muted); font-size: 0.78rem; font-weight: 600; }
.detail-row-key { font-weight: 400; }
.detail-extra {
  display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 3px 10px; margin: 0;
  font-size: 0.85rem; align-items: baseline;
}
.detail-cell { display: contents; }
.detail-extra dt { color: var(--ls-muted); max-width: 11em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.detail-cell.used dt { color: var(--ls-text); font-weight: 600; }
.detail-extra dd { margin: 0; overflow-wrap: anywhere; }
/* A cell as written: its line breaks and runs of spaces show. */
.detail-extra dd bdi { white-space: pre-wrap; }
.detail-extra .detail-use { color: var(--ls-muted); font-size: 0.74rem; white-space: nowrap; margin-left: 4px; }
.detail-cell.used .detail-use { color: var(--ls-accent); }
.detail-extra .missing { color: var(--ls-muted); font-style: italic; }

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
.resume-go {
  background: var(--ls-accent); border-color: var(--ls-accent); color: var(--ls-on-accent); font-weight: 600;
}
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
.restored-note {
  font-size: 0.9rem; padding: 6px 10px; border-radius: 8px; background: var(--ls-ok-soft); color: var(--ls-text);
}
.restored-note::before { content: "↺ "; color: var(--ls-ok); font-weight: 700; }
.save-warning {
  border: 1px solid color-mix(in srgb, var(--ls-flag) 40%, transparent); border-left: 4px solid var(--ls-flag);
  background: var(--ls-flag-soft); border-radius: 8px; padding: 8px 12px; font-size: 0.9rem; display: flex;
  flex-direction: column; gap: 2px;
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
  border-radius: 4px; background: var(--ls-bg); color: var(--ls-muted);
  font: 600 0.75rem/1.4 ui-monospace, "SF Mono", Menlo, Consolas, monospace;
  text-align: center; vertical-align: 0.05em;
}

.decide {
  display: flex; flex-direction: column; gap: 8px; padding: 10px 12px; border-radius: 8px;
  background: var(--ls-surface);
}
.detail-head { display: flex; flex-direction: column; gap: 6px; }
.detail-head:empty { display: none; }
.decide-title {
  font-size: 0.82rem; font-weight: 600; color: var(--ls-muted); text-transform: uppercase; letter-spacing: 0.04em;
}
.decide-state { text-transform: none; letter-spacing: 0; font-weight: 500; }
.decide-state.decided { color: var(--ls-ok); font-weight: 650; }
.decide-main { display: flex; flex-direction: column; gap: 6px; }
.decide-main button { display: flex; align-items: center; gap: 6px; text-align: left; min-width: 0; padding: 8px 10px; }
.decide-main .key { margin-left: auto; }
.decide-verb { flex: none; }
.decide-class { font-weight: 650; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.decide-accept .decide-class { color: var(--ls-accent); }
.decide button[aria-pressed="true"] {
  background: var(--ls-accent); border-color: var(--ls-accent); color: var(--ls-on-accent);
}
.decide button[aria-pressed="true"] .decide-class { color: inherit; }
.decide button[aria-pressed="true"] .key {
  background: transparent; color: inherit; border-color: color-mix(in srgb, var(--ls-on-accent) 50%, transparent);
}
.decide-relabel { display: flex; flex-direction: column; gap: 4px; }
.decide-label { font-size: 0.8rem; color: var(--ls-muted); font-weight: 600; }
.decide-chips { display: flex; flex-wrap: wrap; gap: 5px; }
.chip {
  display: inline-flex; align-items: center; gap: 5px; padding: 4px 9px; border-radius: 999px; font-size: 0.85rem;
  max-width: 100%;
}
.chip-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.chip .key { min-width: 1.3em; padding: 0 3px; font-size: 0.7rem; }
.decide-select { flex: 1 1 120px; }
.decide-more { display: flex; flex-wrap: wrap; gap: 4px; margin-top: -2px; }
.decide-more:not(:has(> :not([hidden]))) { display: none; }
.decide-more button { font-size: 0.85rem; padding: 4px 8px; display: inline-flex; align-items: center; gap: 6px; }
.detail-body { display: flex; flex-direction: column; gap: 10px; }

.vt-c-decision { white-space: normal; }
.decision-badge {
  display: inline-flex; flex-direction: column; max-width: 100%; line-height: 1.2; padding: 3px 7px; border-radius: 7px;
}
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
/* Touch targets of at least 44 px where fingers decide (phones, tablets). */
@media (max-width: 640px), (pointer: coarse) {
  .decide button, .decide .chip, .decide-select { min-height: 44px; }
}

`;
