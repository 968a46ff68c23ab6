// Loaded with `node --import ./tests/js/web-layout.mjs` (scripts/test.sh, npm run test:js): lets
// web/ modules load under Node from the source tree. Served, web/ is the site root and src/js/ is
// mounted at /src/js/, so web modules import the library as '../src/js/...' (relative, so the page
// also works under a subpath). In the source tree that path is web/src/js/, which does not exist:
// the hook in web-layout-hooks.mjs maps <repo>/web/src/js/ to <repo>/src/js/, nothing else.
import { register } from 'node:module';

register('./web-layout-hooks.mjs', import.meta.url);
