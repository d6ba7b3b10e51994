import { findUnsafeInput, hasUnstorableText, MAX_NESTING } from './unsafe-input';

describe('input no service may take in', () => {
  it.each([
    ['NUL', 'Hej\u0000'], ['a lone high surrogate', 'x\ud800'], ['a lone low surrogate', '\udc00x'], ['two high surrogates', '\ud800\ud800\udc00'],
  ])('finds %s', (_what, text) => {
    expect(hasUnstorableText(text)).toBe(true);
  });

  it.each([['an emoji (a pair)', 'Lampan 💡'], ['tabs and line breaks', 'a\tb\r\nc'], ['other control characters', 'a\u0001\u001f\u007f'], ['empty', '']])('keeps %s', (_what, text) => {
    expect(hasUnstorableText(text)).toBe(false);
  });

  it('names the first unsafe place in a parsed body', () => {
    expect(findUnsafeInput({ channel: 'web', citizen: { name: 'A\u0000' } })).toEqual({ field: 'citizen.name', message: expect.stringMatching(/cannot be stored/) });
    expect(findUnsafeInput({ attachments: [{ filename: 'ok' }, { filename: '\ud800' }] })?.field).toBe('attachments[1].filename');
    expect(findUnsafeInput(JSON.parse('{"a":{"__proto__":{"x":1}}}'))?.field).toBe('a.__proto__');
    expect(findUnsafeInput({ constructor: 'x' })?.field).toBe('constructor');
    expect(findUnsafeInput('\u0000')).toEqual({ field: '', message: expect.any(String) });
    let deep: unknown = 1;
    for (let i = 0; i < MAX_NESTING + 1; i++) deep = [deep];
    expect(findUnsafeInput({ x: deep })?.message).toMatch(/nests more than/);
    expect(findUnsafeInput({ channel: 'web', body: 'Hej 💡', n: 1, ok: true, none: null, list: [1, 'a'] })).toBeUndefined();
  });
});
