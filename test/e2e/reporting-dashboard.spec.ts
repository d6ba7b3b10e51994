import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { BrokerNames } from '@lotsen/messaging';
import { waitFor } from '@lotsen/testing';
import { publishEvents, syntheticEvents } from '@lotsen/load-harness';
import { BROWSER_SETUP_TIMEOUT_MS, CHROMIUM_ARGS, ensureChromium } from '../support/chromium';
import { startPlatform, TestPlatform } from '../support/platform';
import { STOP_WORDS } from '../../apps/reporting/src/terms/stopwords';
import { categories } from '@lotsen/demo-municipality';

// Callbacks below run inside the page; the tests' tsconfig has no DOM types, so page globals are reached untyped.
type PageGlobals = any;

const OUT = join(__dirname, '..', '..', 'test-output');

describe('the reporting dashboard in a real browser', () => {
  let p: TestPlatform;
  let browser: Browser;
  let page: Page;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    const executablePath = ensureChromium();
    p = await startPlatform(['reporting']);
    const today = new Date();
    const days = Array.from({ length: 14 }, (_, i) => new Date(today.getTime() - (13 - i) * 86_400_000).toISOString().slice(0, 10));
    const events = syntheticEvents({ tenantId: 'demo', days, inquiriesPerDay: 20, callsPerDay: 10, seed: 42 });
    await publishEvents(p.env.amqpUrl, p.apps.reporting!.get(BrokerNames).events, events);
    const ds = p.apps.reporting!.get(DataSource);
    await waitFor('reporting to store the seeded events', async () => {
      const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM reporting.events');
      return n === events.length;
    }, 30000);
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 1800 } });
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text()); });
  }, BROWSER_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  const loadedAt = () => page.getAttribute('body', 'data-loaded');
  const headline = async (kpi: string) => (await page.textContent(`li[data-kpi="${kpi}"] .value`))!.trim();

  it('signs in with a key from the address fragment, draws every chart and has a table for each', async () => {
    await page.goto(`${p.urls.reporting}/?lang=en#key=${p.keys.supervisor}`);
    await page.waitForSelector('body[data-loaded]');
    expect(page.url()).not.toContain(p.keys.supervisor);
    expect(await page.evaluate(() => (globalThis as PageGlobals).sessionStorage.getItem('lotsen.reporting.key'))).toBe(p.keys.supervisor);
    expect(await page.textContent('h1')).toBe('Contact center – key figures');
    expect(Number(await headline('received'))).toBeGreaterThan(100);

    const canvases = await page.$$eval('canvas', (list) => list.map((c) => {
      const canvas = c as unknown as { id: string; width: number; height: number; getAttribute(n: string): string | null; getContext(t: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      return { id: canvas.id, width: canvas.width, painted, label: canvas.getAttribute('aria-label') };
    }));
    expect(canvases).toHaveLength(6);
    for (const c of canvases) {
      expect(c.width).toBeGreaterThan(0);
      expect(c.painted).toBeGreaterThan(500);
      expect(c.label).toBeTruthy();
    }
    for (const id of ['volume', 'quality', 'backlog', 'csat', 'phone', 'topics']) {
      expect(await page.$$eval(`#table-${id} tbody tr`, (rows) => rows.length)).toBeGreaterThan(0);
    }
    expect(cspViolations).toEqual([]);
  });

  it('changes the numbers when a filter changes, and switches to Swedish', async () => {
    const all = Number(await headline('received'));
    const before = await loadedAt();
    await page.selectOption('#channel', 'web');
    await page.waitForFunction((b: string | null) => (globalThis as PageGlobals).document.body.getAttribute('data-loaded') !== b, before);
    const web = Number(await headline('received'));
    expect(web).toBeGreaterThan(0);
    expect(web).toBeLessThan(all);
    expect(page.url()).toContain('channel=web');
    await page.selectOption('#lang', 'sv');
    expect(await page.textContent('h1')).toBe('Kontaktcenter – nyckeltal');
    expect(await page.textContent('label[for="channel"]')).toBe('Kanal');
  });

  it('names the categories citizens ask about in the chosen language, and rises only content words', async () => {
    const column = (id: string) => page.$$eval(`#table-${id} tbody tr td:first-child, #table-${id} tbody tr th:first-child`, (cells) => cells.map((c) => (c.textContent ?? '').trim()));
    const byCode = new Map(categories.map((c) => [c.code, c.name]));
    const sv = await column('topics');
    expect(sv.length).toBeGreaterThan(0);
    for (const name of sv) expect(byCode.has(name)).toBe(false); // a name, not a code
    expect(sv).toContain(byCode.get('street_lighting')!.sv);
    await page.selectOption('#lang', 'en'); // re-renders what was loaded
    await page.waitForFunction((name: string) => (globalThis as PageGlobals).document.querySelector('#table-topics')?.textContent.includes(name), byCode.get('street_lighting')!.en);
    for (const term of await column('terms')) expect(STOP_WORDS.has(term)).toBe(false);
    await page.selectOption('#lang', 'sv');
  });

  it('is usable from the keyboard and passes axe-core without serious violations', async () => {
    await page.focus('#channel');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as PageGlobals).document.activeElement?.id)).toBe('department');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as PageGlobals).document.activeElement?.textContent)).toBe('Visa');
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const result = await page.evaluate(async () => {
      const r = await (globalThis as unknown as { axe: { run: (o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } })
        .axe.run({ resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(result.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('saves a screenshot', async () => {
    mkdirSync(OUT, { recursive: true });
    await page.selectOption('#channel', '');
    await page.waitForSelector('body[data-loaded]');
    await page.screenshot({ path: join(OUT, 'reporting-dashboard.png'), fullPage: true });
  });
});
