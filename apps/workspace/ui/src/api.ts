/** Calls go to the workspace (same origin, session cookie); it adds the person's token. */
export type Service = 'intake' | 'routing' | 'notifications' | 'reporting';

export interface Me {
  subject: string;
  name: string;
  tenantId: string;
  roles: string[];
  departments: string[];
  csrfToken: string;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly slug: string, message: string) {
    super(message);
  }
}

let csrfToken = '';

export function signIn(): void {
  window.location.assign(`/auth/login?returnTo=${encodeURIComponent('/' + window.location.hash)}`);
}

async function problem(res: Response): Promise<ApiError> {
  try {
    const p = (await res.json()) as { type?: string; title?: string; detail?: string };
    return new ApiError(res.status, (p.type ?? '').split('/').pop() ?? '', p.detail ?? p.title ?? `HTTP ${res.status}`);
  } catch {
    return new ApiError(res.status, '', `HTTP ${res.status}`);
  }
}

export async function loadMe(): Promise<Me | undefined> {
  const res = await fetch('/api/me', { credentials: 'same-origin' });
  if (res.status === 401) return undefined;
  if (!res.ok) throw await problem(res);
  const me = (await res.json()) as Me;
  csrfToken = me.csrfToken;
  return me;
}

/** A service call; 401 (session over) is an ApiError the page answers by offering sign-in, keeping what was typed. */
export async function call<T = unknown>(service: Service, path: string, init: { method?: string; body?: unknown; idempotencyKey?: string } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey;
  const res = await fetch(`/api/${service}/${path}`, { method, headers, credentials: 'same-origin', body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  if (!res.ok) throw await problem(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export async function signOut(): Promise<void> {
  const res = await fetch('/auth/logout', { method: 'POST', headers: { 'x-csrf-token': csrfToken }, credentials: 'same-origin' });
  const to = res.ok ? ((await res.json()) as { redirect: string }).redirect : '/';
  window.location.assign(to);
}
