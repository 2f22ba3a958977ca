import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEntries, listProviders } from '../../src/catalog/api.js';
import { normalize } from '../../src/normalize.js';
import { launchChromium } from '../helpers/chromium.js';
import { type TestServer, testServer } from '../server/helpers.js';
import { ensureWebBuilt } from './build.js';

let server: TestServer;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  server = await testServer({ apiKey: 'agreement-key' });
  context = await launchChromium({ headless: true, locale: 'en-US' });
  context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

/** Opens a code's panel by its link and reads the decision the page shows. */
async function shown(provider: string, code: string) {
  await page.evaluate(
    (h) => {
      // Empty the panel first, so what is read next is this code's panel and not the last one.
      document.getElementById('panel')?.replaceChildren();
      location.hash = h;
    },
    `#/code/${encodeURIComponent(provider)}/${encodeURIComponent(code)}`,
  );
  const cells = page.locator('#panel dl.decision');
  await cells.waitFor();
  const read = (k: string) => cells.getAttribute(`data-${k}`);
  return { unified: await read('unified'), outcome: await read('outcome'), next: await read('next'), party: await read('party') };
}

/** Every n-th distinct code of every provider: a spread sample, the same on every run. */
function sample(): { provider: string; code: string }[] {
  const out: { provider: string; code: string }[] = [];
  for (const p of listProviders()) {
    const codes = [...new Set(listEntries(p.id).map((e) => e.code))];
    const step = Math.max(1, Math.floor(codes.length / 8));
    for (let i = 0; i < codes.length; i += step) out.push({ provider: p.id, code: codes[i] as string });
  }
  return out;
}

describe('the web page agrees with normalize()', () => {
  it('loads the provider list first and no provider file until one is needed', () => {
    expect(requests).toContain('/catalog.json');
    expect(requests.filter((p) => p.startsWith('/catalog/'))).toEqual([]);
  });

  it('shows the same unified, outcome, next and party for a sample of at least 30 entries', async () => {
    const codes = sample();
    expect(codes.length).toBeGreaterThanOrEqual(30);
    for (const { provider, code } of codes) {
      const d = normalize({ provider, code });
      expect(await shown(provider, code), `${provider} ${code}`).toEqual({
        unified: d.unified,
        outcome: d.outcome,
        next: d.next,
        party: d.party,
      });
    }
    // About 330 panels through a real browser: minutes on a loaded shared machine, not a speed check.
  }, 180_000);

  it('reads codes the way the library does: #/code/qfpay/0 is 0000, #/code/eftpay/3 is 03', async () => {
    for (const [provider, typed] of [
      ['qfpay', '0'],
      ['eftpay', '3'],
    ] as const) {
      const d = normalize({ provider, code: typed });
      expect(d.known).toBe(true);
      expect(await shown(provider, typed)).toEqual({ unified: d.unified, outcome: d.outcome, next: d.next, party: d.party });
      expect(await page.locator('#panel-title').textContent()).toContain(d.code);
      expect(await page.evaluate(() => location.hash)).toBe(`#/code/${provider}/${d.code}`);
    }
  });

  it('gives an unknown code the unknown/query guidance, as the library does', async () => {
    const d = normalize({ provider: 'qfpay', code: '987654' });
    expect(d.known).toBe(false);
    expect(await shown('qfpay', '987654')).toEqual({ unified: d.unified, outcome: d.outcome, next: d.next, party: d.party });
    expect(await page.locator('.unknown-guidance').textContent()).toMatch(/query/i);
    expect(await page.locator('#merchant-message').textContent()).toBe(d.message.merchant);
  });

  it('labels another reading by the flow that gets it: QFPay 1125 has a Refund reading, not "Any flow"', async () => {
    await shown('qfpay', '1125');
    await page.locator('.alternatives .reading h3').first().waitFor();
    // Text content, not innerText: the headings are upper-cased by CSS.
    const titles = await page.locator('.alternatives .reading h3').allTextContents();
    expect(titles.some((x) => /Refund/.test(x))).toBe(true);
    expect(titles.some((x) => /Any flow/.test(x))).toBe(false);
    const refund = normalize({ provider: 'qfpay', code: '1125', flow: 'refund' });
    const block = page.locator('.alternatives .reading', { hasText: 'Refund' }).first();
    expect(await block.locator('.badge.outcome').getAttribute('class')).toContain(refund.outcome);
  });

  it('counts entries as everything else does, and ranks a search exactly as /v1/search', async () => {
    const total = listProviders().reduce((n, p) => n + p.entries, 0);
    const cases: [string, string][] = [
      ['余额不足', ''],
      ['timeout', ''],
      ['1201', ''],
      ['refund', ''],
      ['refund', 'refund'],
      ['余额不足', 'payment'],
    ];
    for (const [q, flow] of cases) {
      const filter = flow ? `&flow=${flow}` : '';
      await page.evaluate(
        (h) => {
          document.getElementById('list')?.replaceChildren();
          location.hash = h;
        },
        `#/search?q=${encodeURIComponent(q)}${filter}`,
      );
      await page.locator('#list a').first().waitFor();
      await page.locator('#more').evaluate((b) => {
        // Show every row, so the whole order can be compared.
        for (let i = 0; i < 50 && !(b as HTMLButtonElement).hidden; i++) (b as HTMLButtonElement).click();
      });
      const rows = await page.locator('#list a').evaluateAll((as) =>
        as.map((a) => {
          const d = (a as HTMLElement).dataset;
          return `${d.provider} ${d.code} ${d.outcome}/${d.next}`;
        }),
      );
      const api = await server.get(`/v1/search?q=${encodeURIComponent(q)}${filter}&limit=100`, {
        headers: { authorization: 'Bearer agreement-key' },
      });
      const body = (await api.json()) as { results: { kind: string; provider?: string; code?: string; outcome: string; next: string }[] };
      // The same order, and each row with the decision the API lists: what normalize() answers.
      const expected = body.results.filter((r) => r.kind === 'entry').map((r) => `${r.provider} ${r.code} ${r.outcome}/${r.next}`);
      // The API gives at most 100 results, unified codes included: compare the entries it gave.
      expect(rows.slice(0, expected.length), q).toEqual(expected);
      if (body.results.length < 100) expect(rows.length, q).toBe(expected.length);
      expect(await page.locator('#count').textContent(), q).toContain(`of ${total} entries`);
    }
  });
});
