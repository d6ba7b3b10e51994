import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { waitFor } from '@lotsen/testing';
import { BROWSER_SETUP_TIMEOUT_MS, CHROMIUM_ARGS, ensureChromium } from '../support/chromium';
import { startWorkspaceRig, WorkspaceRig } from '../support/workspace';

// Callbacks below run inside the page; the tests' tsconfig has no DOM types, so page globals are reached untyped.
type PageGlobals = any;

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// Screenshots for docs/workspace/ when asked for (they would otherwise rewrite tracked files on every run).
const SHOTS = process.env.WORKSPACE_SCREENSHOTS ? join(__dirname, '..', '..', 'docs', 'workspace') : undefined;

describe('the staff workspace in a real browser', () => {
  let rig: WorkspaceRig;
  let browser: Browser;

  beforeAll(async () => {
    const executablePath = ensureChromium();
    rig = await startWorkspaceRig(['intake', 'routing', 'reporting']);
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, BROWSER_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await rig?.close();
  });

  /** A browser of its own for one member of staff, signed in through the provider's login form. */
  async function signedIn(username: string, lang = 'en', viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport });
    await context.addInitScript((l: string) => (globalThis as PageGlobals).localStorage.setItem('lotsen.lang', l), lang);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    await page.goto(rig.url);
    await page.locator('main button.primary').click();
    await page.fill('#username', username);
    await page.fill('#password', rig.users[username].password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${rig.url}/**`);
    await page.locator('header.banner').waitFor({ timeout: 8000 }).catch(async (e) => { console.log('DEBUG', page.url(), await page.evaluate(async () => { const r = await fetch('/api/me'); const w = await fetch('/api/routing/v1/agents/me'); return r.status + ' ' + (await r.text()) + ' ' + w.status + (await w.text()); })); throw e; });
    return { context, page };
  }

  async function axe(page: Page, view: string): Promise<void> {
    // Evaluated through the debugging protocol: the page's CSP (script-src 'self') stays in force.
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const r = await (globalThis as PageGlobals).axe.run((globalThis as PageGlobals).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect({ view, violations }).toEqual({ view, violations: [] });
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${view}.png`), fullPage: true });
  }

  async function registerInquiry(body: string, subject?: string): Promise<{ id: string; reference: string; trackingToken: string }> {
    const res = await fetch(`${rig.platform.urls.intake}/v1/inquiries`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': rig.platform.keys.web },
      body: JSON.stringify({ channel: 'web', subject, body, language: 'en', citizen: { email: 'resident@example.org' } }),
    });
    expect(res.status).toBe(202);
    return (await res.json()) as { id: string; reference: string; trackingToken: string };
  }

  async function workItem(id: string, key = rig.platform.keys.supervisor): Promise<{ status: string; answeredAt: string | null; assignedTo: string | null } | undefined> {
    const res = await fetch(`${rig.platform.urls.routing}/v1/work/${id}`, { headers: { 'x-api-key': key } });
    return res.ok ? ((await res.json()) as { status: string; answeredAt: string | null; assignedTo: string | null }) : undefined;
  }

  it('an agent signs in, takes next, answers with a knowledge suggestion, asks the citizen, who replies on the follow page, and resolves at first contact', async () => {
    const inquiry = await registerInquiry('Hello, what are the opening hours of the contact centre? I would like to call you.', 'Opening hours');
    await waitFor('routing to queue the inquiry', async () => (await workItem(inquiry.id))?.status === 'queued', 20_000);
    const upload = await fetch(`${rig.platform.urls.intake}/v1/inquiries/${inquiry.id}/attachments`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': rig.platform.keys.agent },
      body: JSON.stringify({ filename: 'times.txt', contentType: 'text/plain', contentBase64: Buffer.from('Mon-Fri 8-17').toString('base64') }),
    });
    expect(upload.status).toBe(201);
    const { context, page } = await signedIn('amira');
    try {
      await page.getByRole('heading', { name: 'My queue' }).waitFor();
      await page.getByLabel('Presence').selectOption('available');
      await page.getByRole('button', { name: 'Take next' }).click();
      await page.getByRole('heading', { name: new RegExp(inquiry.reference) }).waitFor();
      expect(await workItem(inquiry.id)).toMatchObject({ status: 'assigned', assignedTo: 'demo-agent' });
      // The attachment is listed with the thread, and opens through the workspace as the person.
      const file = page.getByRole('link', { name: 'times.txt' });
      await file.waitFor();
      expect(await page.evaluate(async (href) => (await fetch(href!)).text(), await file.getAttribute('href'))).toBe('Mon-Fri 8-17');

      await page.getByRole('region', { name: 'Knowledge suggestions' }).getByRole('button', { name: 'Insert' }).first().click();
      const answer = await page.getByRole('textbox', { name: 'Answer to the citizen' }).inputValue();
      expect(answer).toMatch(/08/);
      await page.getByRole('button', { name: 'Send answer' }).click();
      await page.getByRole('status').filter({ hasText: 'Sent to the citizen.' }).waitFor();
      await waitFor('the answer to be recorded', async () => Boolean((await workItem(inquiry.id))?.answeredAt), 10_000);

      // One more thing to know: the agent asks, the clocks pause; the citizen replies on the follow page and they run again.
      await page.getByRole('textbox', { name: 'Answer to the citizen' }).fill('Would you rather call us or visit the library desk?');
      await page.getByRole('button', { name: 'Ask the citizen' }).click();
      await waitFor('the item to await the citizen', async () => (await workItem(inquiry.id))?.status === 'awaiting_citizen', 10_000);
      const citizen = await browser.newContext();
      try {
        const follow = await citizen.newPage();
        await follow.goto(`${rig.platform.urls.intake}/arende?reference=${inquiry.reference}&token=${encodeURIComponent(inquiry.trackingToken)}&lang=en`);
        await follow.getByText('Would you rather call us or visit the library desk?').waitFor();
        await follow.getByLabel('Your reply (at most 5000 characters)').fill('I will call you tomorrow morning.');
        await follow.getByRole('button', { name: 'Send reply' }).click();
        await follow.getByText('I will call you tomorrow morning.').waitFor();
      } finally {
        await citizen.close();
      }
      await waitFor('the clocks to run again on the reply', async () => (await workItem(inquiry.id))?.status === 'answered', 20_000);

      await page.getByLabel('Resolution code').selectOption('answered');
      expect(await page.getByLabel('Resolved at first contact').isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Resolve' }).click();
      await waitFor('the item to be resolved', async () => (await workItem(inquiry.id))?.status === 'resolved', 10_000);
      const intake = rig.platform.apps.intake!.get(DataSource);
      await waitFor('the answer in the citizen\'s thread', async () => {
        const rows: { body: string }[] = await intake.query(`SELECT body FROM intake.inquiry_messages WHERE inquiry_id = $1 AND author = 'staff' AND visibility = 'public'`, [inquiry.id]);
        return rows.some((r) => r.body === answer);
      }, 10_000);
      await page.getByText('Resolved ✓').waitFor();

      // Search finds it again by its reference, and opens it; and by the citizen's address.
      await page.getByRole('link', { name: 'Search' }).click();
      await page.getByLabel('Reference or words').fill(inquiry.reference.toLowerCase());
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('list', { name: 'Results' }).getByRole('link', { name: inquiry.reference }).click();
      await page.getByRole('heading', { name: new RegExp(inquiry.reference) }).waitFor();
      await page.getByRole('link', { name: 'Search' }).click();
      await page.getByLabel('Reference or words').fill('Resident@Example.org');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('list', { name: 'Results' }).getByRole('link', { name: inquiry.reference }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('a phone call is registered with the keyboard alone', async () => {
    const { context, page } = await signedIn('amira');
    try {
      await page.getByRole('link', { name: 'Register call' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Register call' }).waitFor();
      // The first field has focus: type, Tab, type …, Ctrl+Enter registers.
      await page.keyboard.type('Kim Caller');
      await page.keyboard.press('Tab');
      await page.keyboard.type('+46 70 000 00 00');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Library card');
      await page.keyboard.press('Tab');
      await page.keyboard.type('How do I renew my library loans?');
      await page.keyboard.press('Control+Enter');
      const status = page.getByRole('status').filter({ hasText: /Registered as KC-/ });
      await status.waitFor();
      const reference = /KC-\d{4}-\d+/.exec((await status.textContent())!)![0];
      expect(await page.evaluate(() => (globalThis as PageGlobals).document.activeElement.id)).toBe('caller-name');
      const [row] = await rig.platform.apps.intake!.get(DataSource).query(`SELECT channel, subject FROM intake.inquiries WHERE reference = $1`, [reference]);
      expect(row).toEqual({ channel: 'phone', subject: 'Library card' });
    } finally {
      await context.close();
    }
  });

  it('lays Arabic out right to left, with the interface in Arabic, and works an inquiry in it', async () => {
    const inquiry = await registerInquiry('مرحبا، أين يمكنني تجديد بطاقة المكتبة؟', 'بطاقة المكتبة');
    await waitFor('routing to queue the inquiry', async () => (await workItem(inquiry.id))?.status === 'queued', 20_000);
    const { context, page } = await signedIn('amira', 'ar');
    try {
      await page.getByRole('button', { name: 'خذ التالي' }).waitFor();
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await page.getAttribute('html', 'lang')).toBe('ar');
      // The brand starts at the right edge, the account controls sit at the left.
      const brand = (await page.locator('.brand').boundingBox())!;
      const me = (await page.locator('.me').boundingBox())!;
      expect(brand.x).toBeGreaterThan(me.x);
      expect(brand.x + brand.width).toBeGreaterThan(1280 - 40);
      await axe(page, 'queue-ar');
      await page.getByLabel('الحضور').selectOption('available');
      await page.getByRole('button', { name: 'خذ التالي' }).click();
      // Take next gives the first item routing ranks for her, which may be another test's.
      const heading = page.getByRole('heading', { level: 1, name: /KC-\d{4}-\d+/ });
      await heading.waitFor();
      const reference = /KC-\d{4}-\d+/.exec((await heading.textContent())!)![0];
      const [taken] = await rig.platform.apps.intake!.get(DataSource).query(`SELECT id FROM intake.inquiries WHERE reference = $1`, [reference]);
      await page.getByRole('textbox', { name: 'الرد على المواطن' }).fill('يمكنك تجديد بطاقة المكتبة في أي مكتبة مع بطاقة الهوية.');
      await page.getByRole('button', { name: 'إرسال الرد' }).click();
      await page.getByRole('status').filter({ hasText: 'أُرسل إلى المواطن.' }).waitFor();
      await waitFor('the answer to be recorded', async () => Boolean((await workItem(taken.id))?.answeredAt), 10_000);
      await page.getByRole('button', { name: 'إغلاق' }).click();
      await waitFor('the item to be resolved', async () => (await workItem(taken.id))?.status === 'resolved', 10_000);
    } finally {
      await context.close();
    }
  });

  it('works an inquiry from take next to resolution in Finnish', async () => {
    const inquiry = await registerInquiry('Missä voin uusia kirjastokorttini? Kortti on kadonnut.', 'Kirjastokortti');
    await waitFor('routing to queue the inquiry', async () => (await workItem(inquiry.id))?.status === 'queued', 20_000);
    const { context, page } = await signedIn('amira', 'fi');
    try {
      expect(await page.getAttribute('html', 'lang')).toBe('fi');
      await page.getByRole('heading', { name: 'Oma jono' }).waitFor();
      await page.getByLabel('Tila').selectOption('available');
      await page.getByRole('button', { name: 'Ota seuraava' }).click();
      // Take next gives the first item routing ranks for her, which may be another test's.
      const heading = page.getByRole('heading', { level: 1, name: /KC-\d{4}-\d+/ });
      await heading.waitFor();
      const reference = /KC-\d{4}-\d+/.exec((await heading.textContent())!)![0];
      const [taken] = await rig.platform.apps.intake!.get(DataSource).query(`SELECT id FROM intake.inquiries WHERE reference = $1`, [reference]);
      await page.getByRole('textbox', { name: 'Vastaus asukkaalle' }).fill('Uuden kirjastokortin saa mistä tahansa kirjastosta henkilöllisyystodistusta vastaan.');
      await page.getByRole('button', { name: 'Lähetä vastaus' }).click();
      await page.getByRole('status').filter({ hasText: 'Lähetetty asukkaalle.' }).waitFor();
      await waitFor('the answer to be recorded', async () => Boolean((await workItem(taken.id))?.answeredAt), 10_000);
      await page.getByRole('button', { name: 'Ratkaise' }).click();
      await waitFor('the item to be resolved', async () => (await workItem(taken.id))?.status === 'resolved', 10_000);
    } finally {
      await context.close();
    }
  });

  it('a supervisor reassigns an item live; a caseworker acknowledges one transferred to gata_park, records its case number, answers and resolves it', async () => {
    const forAgent = await registerInquiry('How do I apply for Swedish for immigrants (SFI)? I want to start this autumn.', 'SFI');
    const forDepartment = await registerInquiry('There is a deep pothole on the street outside the school, please repair it.', 'Pothole');
    await waitFor('routing to queue both', async () => Boolean((await workItem(forAgent.id))?.status) && Boolean((await workItem(forDepartment.id))?.status), 20_000);
    const transferred = await fetch(`${rig.platform.urls.routing}/v1/work/${forDepartment.id}/transfer`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': rig.platform.keys.supervisor },
      body: JSON.stringify({ toDepartment: 'gata_park', reason: 'street maintenance' }),
    });
    expect(transferred.status).toBe(200);

    const supervisor = await signedIn('sven');
    try {
      await supervisor.page.goto(`${rig.url}/#/supervisor`);
      await supervisor.page.getByRole('heading', { name: 'Agents' }).waitFor();
      // Live: an inquiry arriving now shows up without a reload.
      const late = await registerInquiry('Can I renew my library loans online? My card number is on the back.', 'Library loans');
      await supervisor.page.getByLabel('Item').locator('option', { hasText: late.reference }).waitFor({ state: 'attached', timeout: 20_000 });
      await supervisor.page.getByLabel('Item').selectOption({ label: `${forAgent.reference} (${(await workItem(forAgent.id))!.status})` });
      await supervisor.page.getByLabel('Agent', { exact: true }).selectOption({ label: 'Amira Lind' });
      await supervisor.page.getByRole('button', { name: 'Reassign' }).click();
      await waitFor('the item to be Amira\'s', async () => (await workItem(forAgent.id))?.assignedTo === 'demo-agent', 10_000);
      // Every agent's current items, live.
      await supervisor.page.getByRole('row', { name: /Amira Lind/ }).getByRole('cell', { name: new RegExp(forAgent.reference) }).waitFor({ timeout: 10_000 });
      await supervisor.page.getByRole('heading', { name: 'Triage and overflow' }).waitFor();
      // The wall board shows the queue figures large; Escape goes back.
      await supervisor.page.getByRole('button', { name: 'Wall board' }).click();
      await supervisor.page.getByRole('heading', { name: 'Wall board', level: 1 }).waitFor();
      expect(await supervisor.page.locator('.wall-tiles li').count()).toBeGreaterThanOrEqual(2);
      await supervisor.page.keyboard.press('Escape');
      await supervisor.page.getByRole('heading', { name: 'Supervisor', level: 1 }).waitFor();
    } finally {
      await supervisor.context.close();
    }

    const caseworker = await signedIn('gustav');
    try {
      await caseworker.page.getByRole('link', { name: 'Department queue' }).click();
      await caseworker.page.getByRole('button', { name: `Acknowledge ${forDepartment.reference}` }).click();
      await caseworker.page.getByRole('status').filter({ hasText: 'Done.' }).waitFor();
      const routing = rig.platform.apps.routing!.get(DataSource);
      const [row] = await routing.query(`SELECT status, assigned_to FROM routing.work_items WHERE inquiry_id = $1`, [forDepartment.id]);
      expect(row).toEqual({ status: 'assigned', assigned_to: 'gata_park' });
      await caseworker.page.getByRole('link', { name: forDepartment.reference, exact: true }).click();
      await caseworker.page.getByLabel("The department's case number").fill('GP 2026/1234');
      await caseworker.page.getByRole('button', { name: 'Record case number' }).click();
      await caseworker.page.locator('#current-case-number').filter({ hasText: 'GP 2026/1234' }).waitFor();
      await axe(caseworker.page, 'department-item');
      const citizenView = `${rig.platform.urls.intake}/v1/inquiries/${forDepartment.reference}?token=${encodeURIComponent(forDepartment.trackingToken)}`;
      await waitFor('the case number for the citizen', async () => ((await (await fetch(citizenView)).json()) as { caseNumber?: string }).caseNumber === 'GP 2026/1234', 10_000);
      // The caseworker answers and resolves; the answer reaches the citizen's thread.
      await caseworker.page.getByRole('textbox', { name: 'Answer to the citizen' }).fill('Gatlampan lagas inom en vecka.');
      await caseworker.page.getByRole('button', { name: 'Send answer' }).click();
      await caseworker.page.getByRole('status').filter({ hasText: 'Sent to the citizen.' }).waitFor();
      await caseworker.page.getByLabel('Resolution code').selectOption('answered');
      await caseworker.page.getByRole('button', { name: 'Resolve' }).click();
      await waitFor('the department to resolve it', async () => (await workItem(forDepartment.id))?.status === 'resolved', 10_000);
      await waitFor('the answer in the citizen\'s view', async () =>
        ((await (await fetch(citizenView)).json()) as { thread?: Array<{ body: string }> }).thread?.some((m) => m.body === 'Gatlampan lagas inom en vecka.') === true, 10_000);
    } finally {
      await caseworker.context.close();
    }
  });

  it('axe finds no WCAG 2.1 AA violations in the views', async () => {
    const inquiry = await registerInquiry('Where do I find the form for a building permit, and what does it cost?', 'Building permit form');
    await waitFor('routing to queue the inquiry', async () => (await workItem(inquiry.id))?.status === 'queued', 20_000);
    const anonymous = await browser.newContext();
    const start = await anonymous.newPage();
    await start.goto(rig.url);
    await start.locator('main button.primary').waitFor();
    await axe(start, 'sign-in');
    await anonymous.close();

    const agent = await signedIn('amira', 'en', { width: 1024, height: 768 });
    try {
      await agent.page.getByRole('heading', { name: 'My queue' }).waitFor();
      await axe(agent.page, 'queue');
      await agent.page.goto(`${rig.url}/#/item/${inquiry.id}`);
      await agent.page.getByRole('heading', { name: new RegExp(inquiry.reference) }).waitFor();
      await agent.page.getByRole('region', { name: 'Routing decision' }).getByText('Department').waitFor();
      await axe(agent.page, 'inquiry');
      await agent.page.goto(`${rig.url}/#/call`);
      await agent.page.getByRole('heading', { name: 'Register call' }).waitFor();
      await axe(agent.page, 'register-call');
      await agent.page.goto(`${rig.url}/#/search`);
      await agent.page.getByLabel('Reference or words').fill('opening hours');
      await agent.page.getByRole('button', { name: 'Search' }).click();
      await agent.page.getByRole('heading', { name: 'Knowledge suggestions' }).waitFor();
      await axe(agent.page, 'search');
      await agent.page.goto(`${rig.url}/#/dashboard`);
      await agent.page.getByRole('heading', { name: 'Key figures' }).waitFor();
      await agent.page.locator('.figures dd').first().filter({ hasText: /\d/ }).waitFor();
      await axe(agent.page, 'dashboard');
    } finally {
      await agent.context.close();
    }

    const supervisor = await signedIn('sven');
    try {
      await supervisor.page.goto(`${rig.url}/#/supervisor`);
      await supervisor.page.getByRole('heading', { name: 'Agents' }).waitFor();
      await supervisor.page.getByRole('row', { name: /Amira Lind/ }).waitFor();
      await axe(supervisor.page, 'supervisor');
      await supervisor.page.getByRole('button', { name: 'Wall board' }).click();
      await supervisor.page.getByRole('heading', { name: 'Wall board', level: 1 }).waitFor();
      await axe(supervisor.page, 'wall-board');
    } finally {
      await supervisor.context.close();
    }

    const caseworker = await signedIn('gustav', 'fi');
    try {
      await caseworker.page.getByRole('link', { name: 'Toimialan jono' }).click();
      await caseworker.page.getByRole('heading', { name: /Toimialan jono/ }).waitFor();
      await axe(caseworker.page, 'department-fi');
    } finally {
      await caseworker.context.close();
    }
  });
});
