import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieHeader, readCookie as fromHeader } from '@lotsen/platform';

export const SESSION_COOKIE = 'lotsen_ws';
export const LOGIN_COOKIE = 'lotsen_ws_login';

export function readCookie(req: FastifyRequest, name: string): string | undefined {
  return fromHeader(req.headers.cookie, name);
}

function append(reply: FastifyReply, cookie: string): void {
  const previous = reply.getHeader('set-cookie');
  const list = previous === undefined ? [] : Array.isArray(previous) ? previous : [String(previous)];
  reply.header('set-cookie', [...list, cookie]);
}

/** httpOnly and SameSite=Lax (the provider's redirect back must carry the login cookie); Secure behind https. */
export function setCookie(reply: FastifyReply, name: string, value: string, o: { secure: boolean; path?: string; maxAgeSeconds?: number }): void {
  append(reply, cookieHeader(name, value, o));
}

export function clearCookie(reply: FastifyReply, name: string, o: { secure: boolean; path?: string }): void {
  append(reply, cookieHeader(name, '', { ...o, maxAgeSeconds: 0 }));
}
