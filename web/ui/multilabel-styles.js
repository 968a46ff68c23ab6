// Styles of the multi-label review (ui/multilabel-panel.js), adopted beside the element's own.
const CSS = String.raw`
.ml-panel { border: 1px solid var(--ls-border); border-radius: var(--ls-radius); background: var(--ls-bg);
  padding: 0.9rem 1rem; margin: 0.75rem 0; color: var(--ls-text); }
.ml-announce { font-weight: 600; margin: 0 0 0.4rem; }
.ml-summary { margin: 0 0 0.75rem; color: var(--ls-muted); }
.ml-summary strong { color: var(--ls-text); }
.ml-warnings { color: var(--ls-flag); font-size: 0.9rem; }
.ml-overview { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
.ml-table-wrap { overflow-x: auto; }
.ml-classes { border-collapse: collapse; width: 100%; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
.ml-caption { color: var(--ls-muted); font-size: 0.85rem; margin: 0 0 0.3rem; }
.ml-classes th, .ml-classes td { padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--ls-border); text-align: end; }
.ml-classes th[scope="row"], .ml-classes thead th:first-child { text-align: start; }
.ml-classes thead th { font-weight: 600; color: var(--ls-muted); font-size: 0.8rem; }
.ml-classes tr.ml-current { background: var(--ls-accent-soft); }
.ml-class-link { padding: 2px 6px; min-height: 0; font-weight: 600; }
.ml-common h4, .ml-rows-title { margin: 0.2rem 0 0.4rem; font-size: 0.95rem; }
.ml-common ul { margin: 0; padding-inline-start: 1.1rem; font-size: 0.9rem; }
.ml-filters { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 1rem 0 0.6rem; }
.ml-settings:not(:empty) { margin-top: 1rem; }
.ml-filter { border-radius: 999px; padding: 4px 12px; min-height: 32px; }
.ml-filter[aria-pressed="true"] {
  background: var(--ls-accent); color: var(--ls-on-accent); border-color: var(--ls-accent);
}
.ml-count { margin-inline-start: 0.4rem; font-variant-numeric: tabular-nums; opacity: 0.8; }
.ml-rows { display: grid; gap: 0.6rem; }
.ml-row {
  border: 1px solid var(--ls-border); border-radius: 8px; padding: 0.6rem 0.75rem; background: var(--ls-surface);
}
.ml-row.ml-decided { border-color: var(--ls-ok); }
.ml-row-head { display: flex; justify-content: space-between; gap: 0.5rem; font-size: 0.85rem; color: var(--ls-muted); }
.ml-rownum { font-weight: 600; color: var(--ls-text); overflow-wrap: anywhere; }
.ml-id { font-weight: 500; }
.ml-export-note { flex-basis: 100%; margin: 0; color: var(--ls-flag); }
.ml-text { margin: 0.3rem 0; }
.ml-given, .ml-wrong, .ml-suggest, .ml-decision {
  margin: 0.25rem 0; display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center;
}
.ml-key { color: var(--ls-muted); font-size: 0.85rem; min-width: 5.5rem; }
.ml-wrong { font-size: 0.9rem; color: var(--ls-flag); font-weight: 600; }
.ml-chip { display: inline-flex; align-items: center; border-radius: 999px; padding: 1px 10px; font-size: 0.85rem;
  border: 1px solid var(--ls-border); background: var(--ls-bg); color: var(--ls-text); font-weight: 500; }
.ml-chip.ml-missing { border-color: var(--ls-ok); background: var(--ls-ok-soft); color: var(--ls-ok); }
.ml-chip.ml-extra {
  border-color: var(--ls-flag); background: var(--ls-flag-soft); color: var(--ls-flag); text-decoration: line-through;
}
.ml-chip.ml-suggested, .ml-chip.ml-decided { background: var(--ls-accent-soft); border-color: var(--ls-accent); }
.ml-chip.ml-empty { color: var(--ls-muted); font-style: italic; }
.ml-decision { color: var(--ls-ok); font-size: 0.9rem; }
.ml-actions { display: flex; flex-wrap: wrap; gap: 0.4rem; margin-top: 0.4rem; }
.ml-actions button[aria-pressed="true"] {
  background: var(--ls-ok-soft); border-color: var(--ls-ok); color: var(--ls-ok);
}
.ml-editor { border: 1px solid var(--ls-border); border-radius: 8px; margin: 0.5rem 0 0; padding: 0.5rem 0.75rem;
  display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; }
.ml-editor legend { font-size: 0.85rem; color: var(--ls-muted); }
.ml-check { display: inline-flex; align-items: center; gap: 0.2rem; }
.ml-editor .ml-actions { flex-basis: 100%; }
.ml-exports { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-top: 1rem; }
.ml-exports button, .ml-compute { white-space: normal; max-width: 100%; text-align: start; }
.ml-decided-count { margin: 0 auto 0 0; color: var(--ls-muted); }
@media (max-width: 700px) {
  .ml-overview { grid-template-columns: minmax(0, 1fr); }
  .ml-classes { font-size: 0.82rem; }
  .ml-classes th, .ml-classes td { padding: 0.25rem 0.3rem; }
  .ml-key { min-width: 0; }
  .ml-exports button { flex: 1 1 100%; }
}
`;

export function multiLabelStyles() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  return sheet;
}
