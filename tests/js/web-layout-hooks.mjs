// The resolve hook registered by web-layout.mjs: an import that lands in <repo>/web/src/js/ (where
// the served site has src/js/) resolves to <repo>/src/js/ instead. Every other import is untouched.
const SERVED = new URL('../../web/src/js/', import.meta.url).href;
const SOURCE = new URL('../../src/js/', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (context.parentURL && (specifier.startsWith('./') || specifier.startsWith('../'))) {
    const url = new URL(specifier, context.parentURL).href;
    if (url.startsWith(SERVED)) return nextResolve(SOURCE + url.slice(SERVED.length), context);
  }
  return nextResolve(specifier, context);
}
