// Styles of the charts (heatmap, bars, histogram) and of the compact view for lesson pages (part of
// the element's sheet, see styles.js).
export const CHARTS_CSS = String.raw`
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
/* On a strong fill: the colour made for text on the accent (white in light mode, near-black in dark). */
.chart .hm-value.on-strong { fill: var(--ls-on-accent); }
.readout { font-size: 0.88rem; min-height: 2.6em; }
/* Many classes: confused pairs and a class search instead of a grid (ui/confused-pairs.js). */
.pairs-title { margin: 6px 0 0; font-size: 0.92rem; }
.pairs {
  margin: 0; padding: 0; list-style: none; display: flex; flex-direction: column; gap: 2px; counter-reset: pair;
}
.pair-item { counter-increment: pair; }
.pair {
  display: grid; grid-template-columns: 1.8em minmax(0, 1fr) minmax(40px, 28%) 4.5em; align-items: center; gap: 8px;
  width: 100%; padding: 4px 6px; border: 0; border-radius: 6px; background: none; color: var(--ls-text); font: inherit;
  font-size: 0.86rem; text-align: start; }
.pair::before { content: counter(pair); color: var(--ls-muted); font-variant-numeric: tabular-nums; }
button.pair { cursor: pointer; }
button.pair:hover { background: var(--ls-surface-2); }
.pair-names { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.pair-arrow { color: var(--ls-muted); }
.pair-to { font-weight: 600; }
.pair-track { height: 10px; border-radius: 3px; background: var(--ls-surface-2); overflow: hidden; }
.pair-bar { display: block; height: 100%; background: var(--ls-flag); }
.pair-value { text-align: end; font-variant-numeric: tabular-nums; }
.pairs-class { margin: 4px 0 0; font-size: 0.9rem; }
.pairs-class bdi { font-weight: 600; }
.class-search { position: relative; max-width: 22em; }
.class-quality-search { display: flex; flex-direction: column; gap: 4px; }
.confused-pairs h3:not(:first-of-type) { margin-top: 10px; }
.class-search-input { width: 100%; box-sizing: border-box; }
.class-search-list {
  position: absolute; z-index: 5; inset-inline: 0; top: 100%; margin: 2px 0 0; padding: 4px 0; list-style: none;
  background: var(--ls-bg); border: 1px solid var(--ls-border); border-radius: 8px;
  box-shadow: 0 6px 18px rgb(0 0 0 / 0.18);
  max-height: 16em; overflow-y: auto; }
.class-search-option {
  padding: 5px 10px; cursor: pointer; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
}
.class-search-option:hover, .class-search-option[aria-selected="true"] {
  background: var(--ls-accent); color: var(--ls-on-accent);
}
.class-search-none { padding: 5px 10px; color: var(--ls-muted); }
.class-search-input { font: inherit; padding: 5px 8px; border: 1px solid var(--ls-border); border-radius: 6px;
  background: var(--ls-bg); color: var(--ls-text); }
.toolbar-search { width: 13em; }
.decide-search { flex: 1 1 160px; max-width: none; }
@media (max-width: 560px) { .decide-search .class-search-input { min-height: 44px; } }
@media (max-width: 560px) {
  .pair { grid-template-columns: 1.6em minmax(0, 1fr) 4em; }
  .pair-track { display: none; }
}
/* Label quality per class: name, bar, words; the words wrap (never cut, never scaled down). */
.class-bars {
  display: grid; grid-template-columns: minmax(0, max-content) minmax(40px, min(140px, 28%)) minmax(0, 1fr);
  column-gap: 8px; row-gap: 4px; align-items: center; font-size: 0.8rem;
}
.class-bars .bar { display: contents; }
.class-bars .bar-name {
  color: var(--ls-muted); text-align: right; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
}
.class-bars .bar-svg { display: block; width: 100%; height: 16px; }
.class-bars .value { color: var(--ls-text); font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.class-bars .value-part { display: inline-block; } /* breaks between the parts first */
.class-bars .bar-axis {
  grid-column: 2; display: flex; justify-content: space-between; color: var(--ls-muted); font-size: 0.72rem;
}
.bar-track { fill: var(--ls-surface-2); }
.bar-fill { fill: var(--ls-accent); }
.hist-all { fill: var(--ls-bar); }
.hist-flagged { fill: var(--ls-flag); }
.hist-band { fill: var(--ls-flag); fill-opacity: 0.08; }
.chart .band-label {
  fill: var(--ls-flag); font-weight: 600; paint-order: stroke; stroke: var(--ls-bg); stroke-width: 3px;
}
.hist-hit { fill: transparent; }
.hist-bin:hover .hist-all { fill: var(--ls-muted); }

/* ---- compact (lesson and quiz pages) ---- */
.compact-footer { display: none; }
.ls.compact {
  gap: 12px; border: 1px solid var(--ls-border); border-radius: 14px; padding: 16px 18px; background: var(--ls-bg);
}
.ls.compact .compact-footer { display: block; color: var(--ls-muted); font-size: 0.78rem; }
.compact-summary { font-size: 1rem; }
.compact-summary strong { color: var(--ls-flag); }
.compact-list {
  margin: 10px 0 0; padding: 0; list-style: none; counter-reset: item; display: flex; flex-direction: column; gap: 8px;
}
.compact-item {
  counter-increment: item; display: grid; grid-template-columns: 1.8em 1fr; column-gap: 6px; padding: 8px 10px;
  border-radius: 8px; background: var(--ls-surface);
}
.compact-item::before {
  content: counter(item); grid-row: span 2; color: var(--ls-muted); font-variant-numeric: tabular-nums;
  font-weight: 600;
}
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
