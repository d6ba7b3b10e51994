import { cookieHeader, readCookie } from './cookies';

describe('cookies', () => {
  it('reads one cookie among others, and nothing from a missing header or name', () => {
    expect(readCookie('a=1; lotsen_ws=abc_DEF-1; b=2', 'lotsen_ws')).toBe('abc_DEF-1');
    expect(readCookie('lotsen_ws_login=x', 'lotsen_ws')).toBeUndefined();
    expect(readCookie(undefined, 'lotsen_ws')).toBeUndefined();
    expect(readCookie('=v; lotsen_ws', 'lotsen_ws')).toBeUndefined();
  });

  it('writes httpOnly cookies, SameSite=Lax unless told, Secure only behind https, cleared with Max-Age=0', () => {
    expect(cookieHeader('s', 'v', { secure: false })).toBe('s=v; Path=/; HttpOnly; SameSite=Lax');
    expect(cookieHeader('s', 'v', { secure: true, path: '/auth', maxAgeSeconds: 600 })).toBe('s=v; Path=/auth; Max-Age=600; HttpOnly; SameSite=Lax; Secure');
    expect(cookieHeader('s', '', { secure: false, maxAgeSeconds: 0, sameSite: 'Strict' })).toBe('s=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict');
  });
});
