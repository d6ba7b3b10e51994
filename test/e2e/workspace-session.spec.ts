import { DataSource } from 'typeorm';
import { waitFor } from '@lotsen/testing';
import { SessionService } from '../../apps/workspace/src/sessions/session.service';
import { startWorkspaceRig, WorkspaceRig } from '../support/workspace';

/** A browser's cookie jar, for the workspace and the provider (both on 127.0.0.1: cookies ignore ports). */
class Browserless {
  readonly jar = new Map<string, string>();
  lastSetCookies: string[] = [];

  async go(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    this.lastSetCookies = res.headers.getSetCookie();
    for (const c of this.lastSetCookies) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      if (/max-age=0/i.test(c)) this.jar.delete(pair.slice(0, i));
      else this.jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  }
}

describe('the workspace session (backend-for-frontend)', () => {
  let rig: WorkspaceRig;
  let ds: DataSource;

  beforeAll(async () => {
    rig = await startWorkspaceRig(['intake', 'routing', 'reporting']);
    ds = rig.workspace.app.get(DataSource);
  }, 180_000);

  afterAll(async () => {
    await rig?.close();
  });

  /** Signs a demo user in the way a browser does: the workspace's /auth/login, the provider's form, the callback. */
  async function signIn(username: string, returnTo = '/%23/call', expectedReturn = '/#/call'): Promise<{ b: Browserless; csrf: string; sessionCookie: string }> {
    const b = new Browserless();
    let res = await b.go(`${rig.url}/auth/login?returnTo=${returnTo}`);
    expect(res.status).toBe(302);
    let location = res.headers.get('location')!;
    expect(location.startsWith(rig.provider.issuer)).toBe(true);
    expect(new URL(location).searchParams.get('code_challenge_method')).toBe('S256');
    res = await b.go(location);
    const loginPage = new URL(res.headers.get('location')!, rig.provider.issuer).href;
    await b.go(loginPage);
    res = await b.go(`${loginPage}/login`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password: rig.users[username].password }).toString(),
    });
    for (let hops = 0; hops < 6 && res.status >= 300 && res.status < 400; hops++) {
      location = new URL(res.headers.get('location')!, rig.provider.issuer).href;
      res = await b.go(location);
      if (location.startsWith(`${rig.url}/auth/callback`)) break;
    }
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(expectedReturn);
    const sessionCookie = b.lastSetCookies.find((c) => c.startsWith('lotsen_ws='))!;
    const me = await b.go(`${rig.url}/api/me`);
    expect(me.status).toBe(200);
    const body = (await me.json()) as { csrfToken: string };
    return { b, csrf: body.csrfToken, sessionCookie };
  }

  async function sessionRow(): Promise<{ id_hash: string; tokens: string; access_expires_at: Date }[]> {
    return ds.query(`SELECT id_hash, tokens, access_expires_at FROM workspace.sessions`);
  }

  it('refuses the API without a session (401 problem+json) and a change without the CSRF token (403)', async () => {
    const anonymous = await fetch(`${rig.url}/api/routing/v1/work/mine`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    const { b, csrf } = await signIn('amira');
    const before: { n: number }[] = await rig.platform.apps.intake!.get(DataSource).query(`SELECT count(*)::int AS n FROM intake.inquiries`);
    const body = JSON.stringify({ channel: 'phone', body: 'A question on the phone' });
    const forged = await b.go(`${rig.url}/api/intake/v1/inquiries`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { type: string }).type).toMatch(/csrf$/);
    const crossOrigin = await b.go(`${rig.url}/api/intake/v1/inquiries`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, origin: 'https://evil.example' }, body });
    expect(crossOrigin.status).toBe(403);
    const after: { n: number }[] = await rig.platform.apps.intake!.get(DataSource).query(`SELECT count(*)::int AS n FROM intake.inquiries`);
    expect(after[0].n).toBe(before[0].n);
    const ok = await b.go(`${rig.url}/api/intake/v1/inquiries`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body });
    expect(ok.status).toBe(202);
  });

  it('keeps the tokens from the browser: an httpOnly SameSite cookie with a random id, a hash and sealed tokens in the store', async () => {
    await ds.query(`DELETE FROM workspace.sessions`);
    const { b, sessionCookie } = await signIn('emma');
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    const me = await (await b.go(`${rig.url}/api/me`)).text();
    expect(me).not.toMatch(/eyJ/); // no JWT anywhere in what the page sees
    expect(JSON.parse(me)).toMatchObject({ subject: 'demo-agent-en', name: 'Emma Clarke', roles: ['agent'] });
    const [row] = await sessionRow();
    expect(row.id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.id_hash).not.toBe(b.jar.get('lotsen_ws'));
    expect(row.tokens).not.toMatch(/eyJ/);
  });

  it('refreshes the access token silently when it is about to expire', async () => {
    await ds.query(`DELETE FROM workspace.sessions`);
    const { b } = await signIn('amira');
    const [before] = await sessionRow();
    await ds.query(`UPDATE workspace.sessions SET access_expires_at = now()`);
    const res = await b.go(`${rig.url}/api/routing/v1/agents/me`);
    expect(res.status).toBe(200);
    const [after] = await sessionRow();
    expect(after.tokens).not.toBe(before.tokens);
    expect(after.access_expires_at.getTime()).toBeGreaterThan(Date.now());
  });

  it('ends a session after eight hours without activity', async () => {
    const { b } = await signIn('amira');
    expect((await b.go(`${rig.url}/api/me`)).status).toBe(200);
    await ds.query(`UPDATE workspace.sessions SET last_seen_at = now() - interval '8 hours 1 minute'`);
    const res = await b.go(`${rig.url}/api/me`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { type: string }).type).toMatch(/not-signed-in$/);
  });

  it('housekeeping removes sessions idle past the limit, in batches, and keeps the live ones', async () => {
    await ds.query(`DELETE FROM workspace.sessions`);
    const { b } = await signIn('amira');
    await ds.query(
      `INSERT INTO workspace.sessions (id_hash, tenant_id, subject, name, roles, departments, csrf_token, tokens, access_expires_at, last_seen_at)
       SELECT 'idle-' || n, 'demo', 'someone', 'Someone', '{agent}', '{}', 'c', 'sealed', now(), now() - interval '8 hours 1 minute'
       FROM generate_series(1, 2500) n`,
    );
    const removed = await rig.workspace.app.get(SessionService).removeIdle();
    expect(removed).toBe(2500);
    const left: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM workspace.sessions`);
    expect(left[0].n).toBe(1);
    expect((await b.go(`${rig.url}/api/me`)).status).toBe(200);
  });

  it('signs out here and at the provider (RP-initiated logout)', async () => {
    await ds.query(`DELETE FROM workspace.sessions`);
    const { b, csrf } = await signIn('sven');
    expect((await b.go(`${rig.url}/auth/logout`, { method: 'POST' })).status).toBe(403);
    const res = await b.go(`${rig.url}/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': csrf } });
    expect(res.status).toBe(200);
    const { redirect } = (await res.json()) as { redirect: string };
    expect(redirect.startsWith(`${rig.provider.issuer}/session/end`)).toBe(true);
    expect(new URL(redirect).searchParams.get('id_token_hint')).toBeTruthy();
    expect(await sessionRow()).toEqual([]);
    expect((await b.go(`${rig.url}/api/me`)).status).toBe(401);
  });

  it('answers a callback it did not start with 400, and sends nobody elsewhere after sign-in', async () => {
    const res = await fetch(`${rig.url}/auth/callback?code=x&state=y`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    // signIn checks where the callback sends the browser: home, not the other site.
    await signIn('amira', encodeURIComponent('//evil.example/'), '/');
    await signIn('amira', encodeURIComponent('https://evil.example/'), '/');
  });

  it('pushes events from its own queue on lotsen.events to open pages, without their text', async () => {
    const { b } = await signIn('amira');
    const controller = new AbortController();
    const res = await fetch(`${rig.url}/api/live`, { headers: { cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join('; ') }, signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += Buffer.from(value).toString('utf8');
      }
    })().catch(() => undefined);
    const created = await fetch(`${rig.platform.urls.intake}/v1/inquiries`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': rig.platform.keys.web },
      body: JSON.stringify({ channel: 'web', body: 'Secret words about my neighbour', language: 'en' }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    await waitFor('the live update', async () => text.includes(`"inquiryId":"${created.id}"`) && text.includes('inquiry.routed'), 20_000);
    expect(text).toContain('event: update');
    expect(text).not.toContain('Secret words');
    controller.abort();
    await reading;
  });

  it('names the service that is down and keeps the others working', async () => {
    const { b } = await signIn('amira');
    await rig.platform.stop('reporting');
    const down = await b.go(`${rig.url}/api/reporting/v1/kpis`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ detail: expect.stringContaining('reporting') });
    expect((await b.go(`${rig.url}/api/routing/v1/work/mine`)).status).toBe(200);
    const unknown = await b.go(`${rig.url}/api/billing/v1/anything`);
    expect(unknown.status).toBe(404);
  });
});
