// The citizen's own pages in a real browser (Debian's chromium): the e-service form in four
// languages, validation, a registration, the receipt and "follow my case"; axe-core finds no
// violations, the CSP is never violated, and nothing a citizen wrote runs as markup.
import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { Client } from 'pg';
import request from 'supertest';
import { BROWSER_SETUP_TIMEOUT_MS, CHROMIUM_ARGS, ensureChromium } from '../support/chromium';
import { startPlatform, TestPlatform } from '../support/platform';

// Callbacks below run inside the page; the tests' tsconfig has no DOM types.
type PageGlobals = any;

const OUT = join(__dirname, '..', '..', 'test-output');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }

describe('citizen pages in a real browser', () => {
  let p: TestPlatform;
  let db: Client;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    const executablePath = ensureChromium();
    mkdirSync(OUT, { recursive: true });
    p = await startPlatform(['intake'], { INTAKE_SMTP_ENABLED: 'false' });
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1000, height: 1400 } });
    page = await context.newPage();
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  }, BROWSER_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await p?.close();
  });

  async function axe(): Promise<AxeViolation[]> {
    await page.evaluate(AXE);
    const r = await page.evaluate(() => (globalThis as PageGlobals).axe.run({ resultTypes: ['violations'] }));
    return (r.violations as AxeViolation[]).map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }
  const shot = (name: string) => page.screenshot({ path: join(OUT, `channels-${name}.png`), fullPage: true });

  it('renders the form in sv, en, ar (right-to-left) and fi with zero axe violations', async () => {
    for (const [lang, dir, heading] of [['sv', 'ltr', 'Kontakta kommunen'], ['en', 'ltr', 'Contact the municipality'], ['ar', 'rtl', 'تواصل مع البلدية'], ['fi', 'ltr', 'Ota yhteyttä kuntaan']]) {
      const res = await page.goto(`${p.urls.intake}/e-tjanst?lang=${lang}`);
      expect(res!.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.getAttribute('html', 'dir')).toBe(dir);
      expect(await page.textContent('h1')).toBe(heading);
      // Categories from the tenant's service list; the location only for fault reports (script).
      expect(await page.$$eval('#f-category option', (o) => o.length)).toBeGreaterThan(30);
      expect(await page.isVisible('#location')).toBe(false);
      // Before sending, the citizen learns that a public service's reports are shown publicly.
      expect(await page.isVisible('#f-category-public')).toBe(false);
      await page.selectOption('#f-category', 'street_lighting');
      expect(await page.isVisible('#location')).toBe(true);
      expect(await page.isVisible('#f-category-public')).toBe(true);
      await page.selectOption('#f-category', 'library');
      expect(await page.isVisible('#location')).toBe(false);
      expect(await page.isVisible('#f-category-public')).toBe(false);
      await page.selectOption('#f-category', 'child_welfare_report');
      expect(await page.isVisible('#f-category-public')).toBe(false);
      await page.selectOption('#f-category', 'library');
      expect(await axe()).toEqual([]);
      await shot(`form-${lang}`);
    }
    expect(problems).toEqual([]);
  });

  it('re-renders with an error summary that takes focus and fields tied to their messages', async () => {
    await page.goto(`${p.urls.intake}/e-tjanst?lang=sv`);
    await page.fill('#f-email', 'inte-en-adress');
    await page.click('button[type=submit]');
    await page.waitForSelector('#error-summary');
    expect(await page.evaluate(() => (globalThis as PageGlobals).document.activeElement.id)).toBe('error-summary');
    expect(await page.title()).toMatch(/^Fel:/);
    expect(await page.$$eval('#error-summary a', (a) => a.map((x) => [x.getAttribute('href'), x.textContent]))).toEqual([
      ['#f-body', 'Beskriv ditt ärende.'],
      ['#f-email', 'Ange en giltig e-postadress, till exempel namn@exempel.se.'],
    ]);
    expect(await page.getAttribute('#f-body', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-body', 'aria-describedby')).toBe('f-body-hint f-body-error');
    expect(await page.getAttribute('#f-email', 'aria-describedby')).toBe('f-email-error');
    expect(await page.inputValue('#f-email')).toBe('inte-en-adress');
    expect(await axe()).toEqual([]);
    await shot('form-errors-sv');
    expect(await db.query(`SELECT 1 FROM intake.inquiries`).then((r) => r.rowCount)).toBe(0);
  });

  let followUrl: string;

  it('registers an inquiry through the form (channel web), shows the receipt, and the follow page shows it escaped', async () => {
    await page.goto(`${p.urls.intake}/e-tjanst?lang=sv`);
    await page.selectOption('#f-category', 'street_lighting');
    await page.fill('#f-subject', 'Släckt gatlampa');
    await page.fill('#f-body', 'Gatlampan vid Storgatan 12 är släckt. <script>alert("xss")</script><img src=x onerror=alert(1)>');
    await page.fill('#f-address', 'Storgatan 12');
    await page.fill('#f-lat', '59,1955');
    await page.fill('#f-lon', '17.6253');
    await page.fill('#f-name', 'Eva Ek');
    await page.fill('#f-email', 'eva@example.se');
    await page.click('button[type=submit]');
    await page.waitForSelector('#reference');
    const reference = (await page.textContent('#reference'))!.trim();
    expect(reference).toMatch(/^KC-\d{4}-\d{6}$/);
    expect(await page.isVisible('#duplicate')).toBe(false);
    expect(await axe()).toEqual([]);
    await shot('receipt-sv');

    const { rows } = await db.query(`SELECT channel, category, subject, body, citizen, location, lat, lon FROM intake.inquiries WHERE reference = $1`, [reference]);
    expect(rows).toEqual([expect.objectContaining({
      channel: 'web', category: 'street_lighting', subject: 'Släckt gatlampa', lat: 59.1955, lon: 17.6253,
      citizen: { name: 'Eva Ek', email: 'eva@example.se', preferredLanguage: 'sv', notify: true },
      location: { address: 'Storgatan 12', lat: 59.1955, lon: 17.6253 },
    })]);

    await page.click('#follow-link');
    await page.waitForSelector('#status');
    followUrl = page.url();
    expect(followUrl).toContain(`/arende?reference=${reference}&token=`);
    expect(await page.textContent('h1')).toBe(`Följ ditt ärende: ${reference}`);
    expect(await page.textContent('#status')).toBe('Mottaget');
    const message = await page.textContent('#thread .msg');
    expect(message).toBe('Gatlampan vid Storgatan 12 är släckt. <script>alert("xss")</script><img src=x onerror=alert(1)>');
    expect(await page.$$eval('main script, main img', (e) => e.length)).toBe(0);
    expect(await axe()).toEqual([]);
    await shot('follow-sv');
    expect(problems).toEqual([]);
  });

  it('tells the next citizen that the fault is already known (Arabic, right-to-left)', async () => {
    await page.goto(`${p.urls.intake}/e-tjanst?lang=ar`);
    await page.selectOption('#f-category', 'street_lighting');
    await page.fill('#f-body', 'مصباح الشارع أمام المنزل رقم 12 معطل.');
    await page.fill('#f-lat', '59.19560');
    await page.fill('#f-lon', '17.62535');
    await page.click('button[type=submit]');
    await page.waitForSelector('#reference');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const original = new URL(followUrl).searchParams.get('reference');
    expect(await page.textContent('#duplicate')).toContain(original!);
    expect(await axe()).toEqual([]);
    await shot('receipt-duplicate-ar');
  });

  it('the follow page: a lookup form, and a clear accessible error for a wrong code', async () => {
    await page.goto(`${p.urls.intake}/arende?lang=en`);
    expect(await axe()).toEqual([]);
    const reference = new URL(followUrl).searchParams.get('reference')!;
    await page.fill('#f-reference', reference);
    await page.fill('#f-token', 'wrong-token-123456');
    await page.click('button[type=submit]');
    await page.waitForSelector('#error-summary');
    expect(await page.evaluate(() => (globalThis as PageGlobals).document.activeElement.id)).toBe('error-summary');
    expect(await page.textContent('#error-summary')).toContain('We cannot find a case');
    expect(await axe()).toEqual([]);
    await shot('follow-not-found-en');
    expect(problems).toEqual([]);
  });

  it('refuses a post without a genuine form token or with the honeypot filled; the same form twice registers once', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM intake.inquiries`)).rows[0].n;
    const noToken = await request(p.urls.intake!).post('/e-tjanst').type('form').send({ body: 'Hej', lang: 'sv' });
    expect(noToken.status).toBe(400);
    expect(noToken.text).toContain('Formuläret hann bli för gammalt');

    const form = await request(p.urls.intake!).get('/e-tjanst');
    const cookie = String(form.headers['set-cookie']).split(';')[0];
    expect(form.headers['set-cookie'][0]).toMatch(/HttpOnly; SameSite=Strict/);
    const csrf = /name="csrf" value="([^"]+)"/.exec(form.text)![1];
    const forged = await request(p.urls.intake!).post('/e-tjanst').set('cookie', 'lotsen_form=someoneelsesbrowser123').type('form').send({ csrf, body: 'Hej', lang: 'sv' });
    expect(forged.status).toBe(400);
    const bot = await request(p.urls.intake!).post('/e-tjanst').set('cookie', cookie).type('form').send({ csrf, body: 'Köp billigt', website: 'http://spam.example', lang: 'sv' });
    expect(bot.status).toBe(400);
    expect((await db.query(`SELECT count(*)::int AS n FROM intake.inquiries`)).rows[0].n).toBe(before);

    const send = () => request(p.urls.intake!).post('/e-tjanst').set('cookie', cookie).type('form').send({ csrf, body: 'När töms soporna på Parkvägen?', lang: 'sv', notify: 'yes' });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(200);
    const ref = (html: string) => /id="reference">([^<]+)</.exec(html)?.[1];
    expect(ref(second.text)).toBe(ref(first.text));
    expect((await db.query(`SELECT count(*)::int AS n FROM intake.inquiries`)).rows[0].n).toBe(before + 1);
    expect(first.headers['content-security-policy']).toContain("default-src 'self'");
    expect(first.headers['cache-control']).toBe('no-store');
  });
});
