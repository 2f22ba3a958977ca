import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProviders } from '../../src/catalog/api.js';
import { normalize } from '../../src/normalize.js';
import { launchChromium } from '../helpers/chromium.js';
import { ROOT } from '../helpers/paths.js';
import { type TestServer, testServer } from '../server/helpers.js';
import { ensureWebBuilt } from './build.js';

const SHOTS = join(ROOT, 'test-results');

let server: TestServer;
let context: BrowserContext;
const requests: string[] = [];
const problems: string[] = [];

async function openPage(hash = '', viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${server.url}${hash}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

// innerText on purpose: the test reads what a person sees, not hidden text.
// biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point
const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

beforeAll(async () => {
  ensureWebBuilt();
  mkdirSync(SHOTS, { recursive: true });
  // With a key set, the page must still work: it reads /catalog.json, which stays open.
  server = await testServer({ apiKey: 'browser-test-key' });
  context = await launchChromium({ headless: true, locale: 'en-US' });
  context.on('request', (r) => requests.push(r.url()));
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

describe('the web catalog in chromium', () => {
  it('finds QFPay 1201 by searching 余额不足, shows its decision, switches language and compares providers', async () => {
    const page = await openPage();
    const en = normalize({ provider: 'qfpay', code: '1201' });
    const hant = normalize({ provider: 'qfpay', code: '1201', lang: 'zh-Hant' });

    // `/` focuses the search box from anywhere on the page.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('余额不足');
    const row = page.locator('#list a[data-provider="qfpay"][data-code="1201"]');
    await row.waitFor();
    expect(await page.evaluate(() => location.hash)).toBe(`#/search?q=${encodeURIComponent('余额不足')}`);
    const rowText = await text(page, '#list a[data-provider="qfpay"][data-code="1201"]');
    expect(rowText).toContain('QFPay');
    expect(rowText).toContain('Failed');
    expect(rowText).toContain('Ask the customer');
    expect(rowText).toContain('餘額不足');
    // Traditional text is found from a Simplified query, and so are the other providers' codes.
    expect(await page.locator('#list a').count()).toBeGreaterThan(3);

    // Arrow keys walk the list; Enter opens; Esc closes back to the list.
    await page.keyboard.press('ArrowDown');
    const first = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.code);
    expect(first).toBeTruthy();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.startsWith('#/code/'));
    // The panel renders after the route changes (its provider's data may still be loading): wait for
    // the focus to arrive rather than read it at once, which a loaded machine showed too early.
    await page.waitForFunction(() => document.activeElement?.id === 'panel-title', undefined, { timeout: 10_000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('panel-title');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => location.hash.startsWith('#/search'));
    await page.waitForFunction((code) => (document.activeElement as HTMLElement | null)?.dataset.code === code, first, { timeout: 10_000 });
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.code)).toBe(first);

    await row.click();
    await page.waitForFunction(() => location.hash === '#/code/qfpay/1201');
    expect(await text(page, '#panel-title')).toContain('1201');
    expect(await text(page, '.cell.outcome dd')).toBe('Failed — the money did not move');
    expect(await text(page, '.cell.next dd')).toBe('Ask the customer');
    expect(await text(page, '.cell.party dd')).toBe('Customer');
    expect(await page.locator('.cell.outcome').getAttribute('class')).toContain('failed');
    expect(await text(page, '.cell.unified dd')).toBe('insufficient_funds');
    expect(await text(page, '#customer-message')).toBe(en.message.customer);
    expect(await text(page, '#merchant-message')).toBe(en.message.merchant);
    expect(await text(page, '.original')).toContain('餘額不足，請更換支付方式 (1201)');
    expect(await text(page, '.source')).toContain('catalog/sources/qfpay.md');
    await page.screenshot({ path: join(SHOTS, 'web-desktop-detail.png'), fullPage: true });

    // The language switch changes the interface and the messages.
    await page.selectOption('#lang', 'zh-Hant');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    expect(await text(page, '#q-label')).toBe('搜尋代碼與訊息');
    expect(await text(page, '.cell.outcome dd')).toBe('失敗：款項未轉移');
    expect(await text(page, '.cell.next dd')).toBe('請顧客處理');
    expect(await text(page, '#customer-message')).toBe(hant.message.customer);
    expect(await text(page, '#merchant-message')).toBe(hant.message.merchant);
    expect(await text(page, '#list a[data-code="1201"]')).toContain('失敗');
    await page.screenshot({ path: join(SHOTS, 'web-desktop-zh-hant.png'), fullPage: true });

    // The compare view: one unified code across every provider.
    await page.locator('.cell.unified a').click();
    await page.waitForFunction(() => location.hash === '#/unified/insufficient_funds');
    const cols = page.locator('.compare-grid .compare-col');
    expect(await cols.count()).toBe(listProviders().length);
    expect(await text(page, '.compare-col[data-provider="qfpay"]')).toContain('1201');
    expect(await page.locator('.compare-col a').count()).toBeGreaterThan(3);
    expect(await text(page, '#compare-customer')).toBe(hant.message.customer);
    await page.screenshot({ path: join(SHOTS, 'web-desktop-compare.png'), fullPage: true });
    await page.close();
  });

  it('opens shared links for a code and a search on a fresh load', async () => {
    const page = await openPage('#/code/qfpay/1201');
    // The language chosen before is remembered.
    await page.selectOption('#lang', 'en');
    expect(await text(page, '#panel-title')).toContain('1201');
    expect(await text(page, '.cell.outcome dd')).toBe('Failed — the money did not move');
    await page.goto(`${server.url}#/search?q=${encodeURIComponent('餘額不足')}&provider=qfpay`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.inputValue('#q')).toBe('餘額不足');
    expect(await page.inputValue('#provider')).toBe('qfpay');
    const providers = await page.locator('#list a').evaluateAll((as) => as.map((a) => (a as HTMLElement).dataset.provider));
    expect(providers.length).toBeGreaterThan(0);
    expect(new Set(providers)).toEqual(new Set(['qfpay']));
    await page.close();
  });

  it('reads well on a phone', async () => {
    const phone = { width: 390, height: 844 };
    const page = await openPage(`#/search?q=${encodeURIComponent('余额不足')}`, phone);
    await page.locator('#list a[data-code="1201"]').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'web-phone-search.png') });
    await page.locator('#list a[data-code="1201"]').click();
    await page.waitForFunction(() => location.hash === '#/code/qfpay/1201');
    // One column: the detail replaces the list, with a close button to go back.
    expect(await page.locator('#results').isVisible()).toBe(false);
    expect(await page.locator('#panel .close').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'web-phone-detail.png'), fullPage: true });
    await page.locator('#panel .close').click();
    await page.waitForFunction(() => location.hash.startsWith('#/search'));
    expect(await page.locator('#results').isVisible()).toBe(true);
    await page.close();
  });

  it('renders the offline API reference at /docs', async () => {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${server.url}docs`);
    await page.waitForSelector('section.op');
    // Two operations on /v1/normalize, POST /v1/retry, plus one on each of the six other paths, and the schemas.
    expect(await page.locator('section.op h2 .method').count()).toBe(9);
    expect(await text(page, '#summary')).toContain('OpenAPI 3.1.0');
    expect(await text(page, '#post-v1-normalize')).toContain('NormalizeBody');
    await page.screenshot({ path: join(SHOTS, 'docs-page.png') });
    // Markdown code spans in descriptions render as code, and no backtick is left in the text.
    expect(await page.locator('#get-v1-normalize p code', { hasText: 'lang' }).count()).toBeGreaterThan(0);
    const ticks = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.getElementById('ops') as Node, NodeFilter.SHOW_TEXT);
      let n = 0;
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (t.parentElement?.closest('pre')) continue;
        if (t.textContent?.includes('\x60')) n++;
      }
      return n;
    });
    expect(ticks).toBe(0);
    // On a 390 px phone, nothing is wider than the screen: the tables stack, long words wrap.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const wide = await page
      .locator('section.op table')
      .evaluateAll((ts) => ts.filter((t) => t.getBoundingClientRect().right > window.innerWidth + 0.5).length);
    expect(wide).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'docs-phone.png'), fullPage: false });
    await page.close();
  });

  it('loaded nothing from anywhere but the server, and hit no CSP or script error', () => {
    expect(requests.length).toBeGreaterThan(0);
    const origin = new URL(server.url).origin;
    const elsewhere = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
    expect(elsewhere).toEqual([]);
    expect(requests.every((u) => u.startsWith('data:') || new URL(u).hostname === '127.0.0.1')).toBe(true);
    expect(requests.some((u) => u.endsWith('/catalog.json'))).toBe(true);
    expect(problems).toEqual([]);
  });
});
