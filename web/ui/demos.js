// The bundled demos and loading data from URLs. Demo files resolve against this module's URL, so a
// page anywhere on the same origin can embed <label-scope demo> and still find them.
import { LabelScopeError } from '../src/js/index.js';

const EXAMPLES = new URL('../examples/', import.meta.url);

export const DEMOS = {
  headlines: {
    title: 'Headlines',
    detail: '49 news headlines, 4 topics, true labels known',
    files: ['headlines/dataset.csv'],
  },
  mnist: {
    title: 'MNIST test set',
    detail: '10,000 digits with human-reviewed label errors',
    files: ['mnist/labels.csv', 'mnist/pred_probs.npy', 'mnist/classes.txt', 'mnist/truth.csv', 'mnist/candidates.csv'],
  },
  fashion: {
    title: 'Fashion-MNIST',
    detail: '2,000 clothing photos, some visibly mislabelled; probabilities computed here',
    files: ['fashion-mnist/labels.csv', 'fashion-mnist/pixels.npy'],
    crossVal: { image: [28, 28] }, // labels + pixels: 5-fold cross-validation in this tab, then the audit
  },
};

export function demoUrls(name) {
  const demo = DEMOS[name];
  if (!demo) {
    throw new LabelScopeError({ code: 'invalid_option', message: `There is no demo called '${name}'. Use one of: ${Object.keys(DEMOS).join(', ')}.` });
  }
  return demo.files.map((file) => new URL(file, EXAMPLES));
}

/** Fetches same-origin URLs as File objects (named after the URL's last path segment). */
export async function fetchFiles(urls, signal) {
  return Promise.all(urls.map(async (input) => {
    const url = new URL(input, document.baseURI);
    const name = decodeURIComponent(url.pathname.split('/').pop() || 'data.csv');
    if (url.origin !== location.origin) {
      throw new LabelScopeError({ code: 'cross_origin', file: name, message: `${url.href} is on another site. labelscope only loads files from this page’s own origin; nothing is sent anywhere.` });
    }
    let response;
    try {
      response = await fetch(url, { signal, credentials: 'same-origin' });
    } catch (error) {
      if (error.name === 'AbortError' || signal?.aborted) throw new LabelScopeError({ code: 'cancelled', message: 'Loading was cancelled.' });
      throw new LabelScopeError({ code: 'fetch_failed', file: name, message: `Could not load ${url.pathname}: ${error.message}. Are you offline?` });
    }
    if (!response.ok) {
      throw new LabelScopeError({ code: 'fetch_failed', file: name, message: `Could not load ${url.pathname}: the server answered ${response.status} ${response.statusText}.` });
    }
    try {
      return new File([await response.blob()], name);
    } catch (error) {
      // Aborted while the body arrived: a cancel like any other, never "signal is aborted".
      if (signal?.aborted || error.name === 'AbortError') throw new LabelScopeError({ code: 'cancelled', message: 'Loading was cancelled.' });
      throw new LabelScopeError({ code: 'fetch_failed', file: name, message: `Could not load ${url.pathname}: ${error.message}.` });
    }
  }));
}
