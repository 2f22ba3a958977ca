import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.js';
import { ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'paycodes-html-'));
const results = join(ROOT, 'test-results');
let browser: BrowserContext;

beforeAll(async () => {
  const log = join(dir, 'sample.ndjson');
  const s = await runCli(['sample', '--rows', '5000', '--seed', '11', '--malformed-rate', '0.002', '--out', log]);
  expect(s.code, s.stderr).toBe(0);
  for (const lang of ['en', 'zh-Hant']) {
    // Run beside the log so the page names it plainly, as a user would see it.
    const r = await runCli(['report', 'sample.ndjson', '--html', `report.${lang}.html`, '--lang', lang], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the HTML report in headless chromium', () => {
  for (const lang of ['en', 'zh-Hant'] as const) {
    it(`renders its charts with no scripts and no network (${lang})`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize({ width: 1280, height: 1500 });
      const outside: string[] = [];
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        outside.push(url);
        return route.abort();
      });
      await page.goto(pathToFileURL(join(dir, `report.${lang}.html`)).href);

      const facts = await page.evaluate(() => ({
        scripts: document.scripts.length,
        charts: document.querySelectorAll('svg').length,
        rects: document.querySelectorAll('svg rect').length,
        seriesHeight: document.querySelector('svg.chart')?.getBoundingClientRect().height ?? 0,
        barWidth: document.querySelector('svg.bar')?.getBoundingClientRect().width ?? 0,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        h2: Array.from(document.querySelectorAll('h2')).map((h) => h.textContent),
        kpis: Array.from(document.querySelectorAll('.kpi .v')).map((k) => k.textContent),
        toc: Array.from(document.querySelectorAll('nav.toc a')).map((a) => a.getAttribute('href')?.slice(1)),
        ids: Array.from(document.querySelectorAll('h2[id]')).map((h) => h.id),
        firstCards: document.querySelectorAll('.first .card').length,
        ticks: Array.from(document.querySelectorAll('svg.chart text.axis[text-anchor="end"]')).map((t) => t.textContent ?? ''),
      }));
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
      expect(facts.scripts).toBe(0);
      expect(facts.charts).toBeGreaterThan(20);
      expect(facts.rects).toBeGreaterThan(60);
      expect(facts.seriesHeight).toBeGreaterThan(150);
      expect(facts.barWidth).toBeGreaterThan(500);
      expect(facts.overflow).toBe(0);
      expect(facts.h2).toHaveLength(7);
      expect(facts.kpis[0]).toMatch(/^4,9\d\d$/);
      // The page opens with what to do first; the per-flow detail comes after.
      if (lang === 'zh-Hant') expect([facts.h2[0], facts.h2[2]]).toEqual(['優先處理', '待對帳隊列']);
      else expect([facts.h2[0], facts.h2[2]]).toEqual(['What to do first', 'Reconciliation queue']);
      expect(facts.h2.at(-3)).toBe(lang === 'en' ? 'Top reasons by provider and flow' : '按支付服務商及流程的主要原因');
      expect(facts.toc).toEqual(facts.ids);
      expect(facts.firstCards).toBe(3);
      // Round ticks on the time axis: every label is 1, 2 or 5 times a power of ten, times a whole number.
      const ticks = facts.ticks.map((x) => Number(x.replace(/[^\d]/g, '')));
      expect(ticks[0]).toBe(0);
      const step = (ticks[1] as number) - (ticks[0] as number);
      expect(String(step)).toMatch(/^[125]0*$/);
      expect(ticks.every((v, i) => v === i * step)).toBe(true);

      mkdirSync(results, { recursive: true });
      const shot = join(results, `report.${lang}.png`);
      await page.screenshot({ path: shot });
      await page.screenshot({ path: join(results, `report.${lang}.full.png`), fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(20_000);
      // The README image is refreshed on request only, so test runs do not churn a tracked binary.
      if (lang === 'en' && process.env.PAYCODES_UPDATE_DOCS_IMAGES === '1') {
        mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
        copyFileSync(shot, join(ROOT, 'docs/images/report.png'));
      }
      // On a phone: nothing wider than the screen, and a screenshot to look at.
      await page.setViewportSize({ width: 390, height: 844 });
      const phone = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(phone).toBe(0);
      await page.screenshot({ path: join(results, `report.${lang}.phone.png`), fullPage: true });
      await page.close();
    });
  }
});
