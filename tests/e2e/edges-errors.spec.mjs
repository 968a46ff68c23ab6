// Issue 12, the page's rough edges: no raw JavaScript error ever reaches people. A demo name that
// is a property of every object, a malformed %-escape, a URL too long to fetch: each gets a
// message that names the thing and says what to do.
import { app, expect, openApp, test } from './fixtures.mjs';

/** The alert's text once it shows. */
async function alertText(page) {
  const alert = app(page).locator('.alert');
  await expect(alert).toBeVisible();
  return alert.innerText();
}

// What JavaScript engines say; none of it may reach the page.
const RAW =
  /Cannot read properties|undefined|URI malformed|URIError|TypeError|RangeError|Are you offline|permission problems/;

test('demo="constructor" (a property of every object) is an unknown demo, named with the ones there are', async ({
  page,
}) => {
  await openApp(page);
  for (const name of ['constructor', '__proto__', 'toString']) {
    await app(page).evaluate((el, demo) => el.setAttribute('demo', demo), name);
    const text = await alertText(page);
    expect(text).not.toMatch(RAW);
    expect(text).toContain(`There is no demo called '${name}'`);
    expect(text).toContain('headlines, mnist, fashion');
    await app(page).evaluate((el) => el.removeAttribute('demo'));
  }
});

test('a src with a malformed %-escape names the address and says how to write it', async ({ page }) => {
  await openApp(page);
  await app(page).evaluate((el) => el.setAttribute('src', 'examples/headlines/data%E0%A4%A.csv'));
  const text = await alertText(page);
  expect(text).not.toMatch(RAW);
  expect(text).toContain('data%E0%A4%A.csv');
  expect(text).toMatch(/%-escape|percent/i);
});

test('a 2 MB address is refused as too long, not taken for being offline', async ({ page }) => {
  await openApp(page);
  await app(page).evaluate((el) => el.setAttribute('src', `examples/headlines/dataset.csv?${'x'.repeat(2_000_000)}`));
  const text = await alertText(page);
  expect(text).not.toMatch(RAW);
  expect(text).toMatch(/too long/);
  expect(text.length).toBeLessThan(2000); // the address is shortened, not printed in full
});
