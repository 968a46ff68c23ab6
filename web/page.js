// The page around the element: ?demo=mnist (or headlines) opens a demo straight away, so lessons
// can link to one; and files dropped anywhere on the page go to labelscope instead of making the
// browser navigate away from the work.
const app = /** @type {import('./label-scope.js').LabelScopeElement} */ (document.getElementById('app'));

const demo = new URLSearchParams(location.search).get('demo');
if (demo) app.setAttribute('demo', demo);

window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => {
  event.preventDefault();
  const files = [...(event.dataTransfer?.files ?? [])];
  if (files.length) app.loadFiles(files);
});
