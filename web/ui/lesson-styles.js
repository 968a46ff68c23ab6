// Styles of the lesson part of <label-scope> (ui/lesson-panel.js), added as a second sheet.
export const LESSON_CSS = String.raw`
/* Embedded in a lesson column narrower than the viewport, the intake after a read (drop zone beside
   the demos) must follow the element's width, not the viewport's (styles.js asks the viewport). */
.ls { container-type: inline-size; }
@container (max-width: 900px) { .intake.has-data { grid-template-columns: minmax(0, 1fr); } }
.lz { display: flex; flex-direction: column; gap: 16px; margin: 16px 0; }
.lz[hidden] { display: none; }
.lz-card {
  border: 1px solid var(--ls-border); border-radius: var(--ls-radius); padding: 14px 16px;
  background: var(--ls-surface);
}
.lz-card p { margin: 0 0 10px; }
.lz-card .summary { margin: 8px 0 12px; }
.lz-reveal { font: inherit; font-weight: 600; padding: 8px 16px; border-radius: 8px; border: 1px solid var(--ls-accent);
  background: var(--ls-accent); color: var(--ls-on-accent); cursor: pointer; min-height: 44px; }
.lz-reveal:focus-visible { outline: 3px solid var(--ls-accent); outline-offset: 2px; }
.lz-missed { margin: 0 0 10px; padding-left: 20px; }
.lz-make summary { cursor: pointer; font-weight: 600; min-height: 28px; }
.lz-make[open] summary { margin-bottom: 8px; }
.lz-make-form { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: flex-end; }
.lz-field { display: flex; flex-direction: column; gap: 4px; min-width: 0; }
.lz-field[hidden] { display: none; }
.lz-field input, .lz-field select {
  font: inherit; min-height: 40px; padding: 4px 8px; border: 1px solid var(--ls-border);
  border-radius: 6px; background: var(--ls-bg, transparent); color: inherit; max-width: 100%; }
.lz-field input[type=number] { width: 7em; }
.lz-pair-pick { display: flex; gap: 8px; }
.lz-pair-pick select { max-width: 10em; min-width: 0; }
.lz-make-actions { display: flex; flex-wrap: wrap; gap: 8px; }
.lz-secondary {
  font: inherit; padding: 8px 16px; border-radius: 8px; border: 1px solid var(--ls-border); background: transparent;
  color: inherit; cursor: pointer; min-height: 44px; }
.lz-secondary[hidden] { display: none; }
.lz-make-msg { flex-basis: 100%; margin: 0; color: var(--ls-flag); }
.lz-make-msg:empty { display: none; }
.lz-run { flex-basis: 100%; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; font-size: 0.9rem; }
.lz-run progress { flex: 1 1 160px; max-width: 320px; }
.lz-follow-form { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.lz-follow-form input { font: inherit; width: 8em; min-height: 40px; }
.lz-honest { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.lz-honest [hidden] { display: none; }
.lz-flips { margin: 0 0 10px; }
.lz-flips summary { cursor: pointer; min-height: 32px; }
.lz-flip-lists { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 8px 24px; }
.lz-flip-lists h3 { font-size: 1em; margin: 8px 0 4px; }
.lz-rows { margin: 0; padding-left: 20px; max-height: 16em; overflow: auto; font-size: 0.92em; }
.lz-steps { display: flex; flex-direction: column; gap: 12px; }
.lz-follow { margin: 0; color: var(--ls-muted); }
.lz-step { border: 1px solid var(--ls-border); border-radius: var(--ls-radius); padding: 12px 14px; min-width: 0; }
.lz-step h3 { margin: 0 0 6px; font-size: 1rem; }
.lz-step p { margin: 0 0 8px; }
.lz-row { font-weight: 600; border-left: 3px solid var(--ls-flag); padding-left: 8px; }
/* A table wider than its column scrolls, and says so: a shadow on the side with more to see (covers that
   scroll with the table hide it at either end). */
.lz-scroll {
  overflow-x: auto; max-width: 100%;
  background:
    linear-gradient(to right, var(--ls-bg) 40%, transparent) left / 32px 100% no-repeat local,
    linear-gradient(to left, var(--ls-bg) 40%, transparent) right / 32px 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, color-mix(in srgb, var(--ls-text) 35%, transparent), transparent)
      left / 12px 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, color-mix(in srgb, var(--ls-text) 35%, transparent), transparent)
      right / 12px 100% no-repeat scroll;
}
.lz-scroll:focus-visible { outline: 2px solid var(--ls-accent); }
.help.lz-more { display: none; margin: 4px 0 0; font-size: 0.8rem; }
.lz-scroll[data-overflow] + .lz-more { display: block; }
.lz-matrix, .lz-table, .lz-bars { border-collapse: collapse; font-size: 0.82rem; font-variant-numeric: tabular-nums; }
.lz-matrix caption, .lz-bars caption {
  caption-side: top; text-align: left; color: var(--ls-muted); padding-bottom: 4px;
}
.lz-matrix th, .lz-matrix td {
  border: 1px solid var(--ls-border); padding: 3px 6px; text-align: right; white-space: nowrap;
}
.lz-matrix thead th { font-weight: 600; }
.lz-matrix th.corner { font-weight: 500; color: var(--ls-muted); font-size: 0.75rem; line-height: 1.2; }
.lz-matrix td.diag { background: var(--ls-surface-2); }
.lz-matrix td.off { background: color-mix(in srgb, var(--ls-flag) calc(var(--s) * 100%), transparent); }
.lz-matrix td.hl { outline: 3px solid var(--ls-accent); outline-offset: -3px; font-weight: 700; }
.lz-bars { width: 100%; max-width: 520px; }
.lz-bars th { text-align: left; font-weight: 500; padding: 2px 8px 2px 0; white-space: nowrap; }
.lz-bars td { padding: 2px 0; }
.lz-bars td:nth-child(2) { width: 70%; }
.lz-bars .num, .lz-rank .num { text-align: right; padding-left: 8px; }
.lz-bar { display: block; height: 12px; border-radius: 3px; background: var(--ls-bar); }
.lz-bars tr.mark .lz-bar { background: var(--ls-accent); }
.lz-pair { display: flex; flex-direction: column; gap: 16px; }
.lz-pair > * { min-width: 0; }
.lz-rank { margin: 0; padding-left: 28px; font-size: 0.85rem; }
.lz-rank li { padding: 1px 0; }
.lz-rank li span { display: inline-block; min-width: 90px; }
.lz-rank li.mark { font-weight: 700; color: var(--ls-flag); }
.lz-table th, .lz-table td { border-bottom: 1px solid var(--ls-border); padding: 4px 8px; text-align: right; }
.lz-table th:first-child { text-align: left; }
.lz-table caption {
  caption-side: top; text-align: left; color: var(--ls-muted); font-size: 0.85rem; padding-bottom: 4px;
}
.chart .lz-p, .lz-line-p circle { fill: var(--ls-accent); }
.chart .lz-r, .lz-line-r circle { fill: var(--ls-flag); }
.lz-line-p polyline { stroke: var(--ls-accent); stroke-width: 2; }
.lz-line-r polyline { stroke: var(--ls-flag); stroke-width: 2; stroke-dasharray: 5 3; }
.lz-now { stroke: var(--ls-muted); stroke-dasharray: 2 3; }
.lz-compare, .lz-sweep { display: flex; flex-direction: column; gap: 8px; }
.lz-sweep { margin-top: 16px; }
@media (max-width: 500px) {
  .lz-card, .lz-step { padding: 10px; }
  .lz-bars td:nth-child(2) { width: 50%; }
}
/* A phone's column (or a narrow embedding): the 11-column matrices and the method tables fit without
   scrolling; cleanlab's names break after an underscore (<wbr>). */
@container (max-width: 560px) {
  .lz-step { padding: 10px 8px; }
  .lz-matrix { font-size: 0.7rem; width: 100%; }
  .lz-table { font-size: 0.75rem; }
  .lz-matrix th, .lz-matrix td { padding: 2px 1px; }
  .lz-matrix th.corner { font-size: 0.65rem; white-space: normal; }
  .lz-matrix .lz-unit { display: none; }
  .lz-table th, .lz-table td { padding: 4px 3px; }
}
`;
