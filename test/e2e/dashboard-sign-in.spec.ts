// A supervisor signs in to the reporting dashboard in Debian's chromium against the embedded
// provider (code + PKCE), keeps working while the access token is refreshed, and signs out
// everywhere; the tokens stay in an httpOnly cookie the page cannot read.
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { BROWSER_SETUP_TIMEOUT_MS, CHROMIUM_ARGS, ensureChromium } from '../support/chromium';
import { startPlatform, TestPlatform } from '../support/platform';

type PageGlobals = any;

describe('dashboard sign-in in a real browser', () => {
  let p: TestPlatform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const executablePath = ensureChromium();
    // Every read refreshes the access token first (it has less than 600 s left from the start).
    p = await startPlatform(['reporting'], { REPORTING_SESSION_REFRESH_BEFORE_SECONDS: '600' });
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext();
    page = await context.newPage();
  }, BROWSER_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  const session = async () => (await context.cookies(p.urls.reporting!)).find((c) => c.name === 'lotsen_session');

  async function signInAs(user: string) {
    await page.click('#sso');
    await page.waitForSelector('#username');
    await page.fill('#username', user);
    await page.fill('#password', p.identity.users[user].password);
    await page.click('button[type=submit]');
  }

  it('asks nobody for a key: sign in at the identity provider and the dashboard loads', async () => {
    await page.goto(`${p.urls.reporting}/?lang=en`);
    await page.waitForSelector('#login:not([hidden])');
    expect(await page.textContent('#sso')).toBe('Sign in with your municipality account');
    await signInAs('sven');
    await page.waitForSelector('body[data-loaded]');
    expect(new URL(page.url()).origin).toBe(p.urls.reporting);
    const cookie = await session();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // The page holds no token: not in its cookies, not in storage.
    expect(await page.evaluate(() => (globalThis as PageGlobals).document.cookie)).not.toContain('lotsen_session');
    expect(await page.evaluate(() => (globalThis as PageGlobals).sessionStorage.length)).toBe(0);
  });

  it('keeps working as the access token is refreshed silently', async () => {
    const before = (await session())!.value;
    await page.reload();
    await page.waitForSelector('body[data-loaded]');
    const after = (await session())!.value;
    expect(after).not.toBe(before);
    expect(await page.isHidden('#login')).toBe(true);
  });

  it('signs out here and at the provider: the next sign-in asks for the password again', async () => {
    await page.click('#logout');
    await page.click('button[name=logout]');
    await page.waitForURL(`${p.urls.reporting}/`);
    await page.waitForSelector('#login:not([hidden])');
    expect(await session()).toBeUndefined();
    await page.click('#sso');
    await page.waitForSelector('#username');
  });

  it('a wrong password stays at the provider with a clear message', async () => {
    await page.fill('#username', 'sven');
    await page.fill('#password', 'not-the-password');
    await page.click('button[type=submit]');
    expect(await page.textContent('[role=alert]')).toBe('Wrong user name or password.');
  });
});
