import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'lotsen_ws';
export const LOGIN_COOKIE = 'lotsen_ws_login';

/** Our two cookies carry base64url values only, so a plain split reads them. */
export function readCookie(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

function append(reply: FastifyReply, cookie: string): void {
  const previous = reply.getHeader('set-cookie');
  const list = previous === undefined ? [] : Array.isArray(previous) ? previous : [String(previous)];
  reply.header('set-cookie', [...list, cookie]);
}

/** httpOnly and SameSite=Lax (the provider's redirect back must carry the login cookie); Secure behind https. */
export function setCookie(reply: FastifyReply, name: string, value: string, o: { secure: boolean; path?: string; maxAgeSeconds?: number }): void {
  append(reply, `${name}=${value}; Path=${o.path ?? '/'}; HttpOnly; SameSite=Lax${o.secure ? '; Secure' : ''}${o.maxAgeSeconds ? `; Max-Age=${o.maxAgeSeconds}` : ''}`);
}

export function clearCookie(reply: FastifyReply, name: string, o: { secure: boolean; path?: string }): void {
  append(reply, `${name}=; Path=${o.path ?? '/'}; HttpOnly; SameSite=Lax${o.secure ? '; Secure' : ''}; Max-Age=0`);
}
