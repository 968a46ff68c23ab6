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
  news: {
    title: 'News topics',
    detail: '48 news items, 7 topics, often several per item (multi-label)',
    files: ['multilabel/news.csv', 'multilabel/pred_probs.csv'], // sets as a;b: read as multi-label
  },
};

export function demoUrls(name) {
  // Own keys only: 'constructor' or '__proto__' is no demo, not a property of every object.
  const demo = Object.hasOwn(DEMOS, name) ? DEMOS[name] : null;
  if (!demo) {
    throw new LabelScopeError({
      code: 'invalid_option',
      message: `There is no demo called '${name}'. Use one of: ${Object.keys(DEMOS).join(', ')}.`,
    });
  }
  return demo.files.map((file) => new URL(file, EXAMPLES));
}

// Browsers send addresses of up to 2 MB, but servers refuse far shorter ones (8-16 KB is usual).
const MAX_ADDRESS = 16_384;

/** An address as people can read it in a message: the first 80 characters of a long one. */
function shortAddress(text) {
  const s = String(text);
  return s.length <= 100 ? s : `${s.slice(0, 80)}… (${s.length.toLocaleString('en-US')} characters)`;
}

function badAddress(input, message) {
  return new LabelScopeError({ code: 'bad_address', message: `The address ${shortAddress(input)} ${message}` });
}

/** The URL of `input` and the file name it gives, or a LabelScopeError saying what is wrong with it. */
function parseAddress(input) {
  if (String(input).length > MAX_ADDRESS) {
    throw badAddress(
      input,
      `is too long to load: servers refuse addresses over about ` +
        `${MAX_ADDRESS.toLocaleString('en-US')} characters. Use a shorter address (data belongs in the file, not ` +
        `in the address).`,
    );
  }
  let url;
  try {
    url = new URL(input, document.baseURI);
  } catch {
    throw badAddress(input, 'is not a valid web address. Check how it is written in the src attribute.');
  }
  let name;
  try {
    name = decodeURIComponent(url.pathname.split('/').pop() || 'data.csv');
  } catch {
    throw badAddress(
      input,
      'has a malformed %-escape: a % must start a UTF-8 character written as %XX hex pairs ' +
        '(%20 is a space). Write a % sign itself as %25.',
    );
  }
  return { url, name };
}

/** Fetches same-origin URLs as File objects (named after the URL's last path segment). */
export async function fetchFiles(urls, signal) {
  const addresses = urls.map(parseAddress); // every address checked before anything is loaded
  return Promise.all(
    addresses.map(async ({ url, name }) => {
      if (url.origin !== location.origin) {
        throw new LabelScopeError({
          code: 'cross_origin',
          file: name,
          message:
            `${shortAddress(url.href)} is on ` +
            `another site. labelscope only loads files from this page’s own origin; nothing is sent anywhere.`,
        });
      }
      const path = shortAddress(url.pathname);
      let response;
      try {
        response = await fetch(url, { signal, credentials: 'same-origin' });
      } catch (error) {
        if (error.name === 'AbortError' || signal?.aborted)
          throw new LabelScopeError({ code: 'cancelled', message: 'Loading was cancelled.' });
        // The browser says only "Failed to fetch": the server is down, or this device is offline.
        throw new LabelScopeError({
          code: 'fetch_failed',
          file: name,
          message:
            `Could not load ${path}: the server ` +
            `did not answer. Check that the site is still running and that you are online, then reload the page.`,
        });
      }
      if (response.status === 414 || response.status === 431) {
        throw new LabelScopeError({
          code: 'fetch_failed',
          file: name,
          message:
            `Could not load ${path}: the server ` +
            `refused the address as too long (${response.status}). Use a shorter address.`,
        });
      }
      if (!response.ok) {
        throw new LabelScopeError({
          code: 'fetch_failed',
          file: name,
          message: `Could not load ${path}: the server answered ${response.status} ${response.statusText}.`,
        });
      }
      try {
        return new File([await response.blob()], name);
      } catch (error) {
        // Aborted while the body arrived: a cancel like any other, never "signal is aborted".
        if (signal?.aborted || error.name === 'AbortError')
          throw new LabelScopeError({ code: 'cancelled', message: 'Loading was cancelled.' });
        throw new LabelScopeError({
          code: 'fetch_failed',
          file: name,
          message:
            `Could not load ${path}: the ` +
            `connection broke off or the file is too large for this browser's memory. Reload the page and try again.`,
        });
      }
    }),
  );
}
