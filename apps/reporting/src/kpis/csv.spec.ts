import { toCsv } from './csv';

describe('CSV export', () => {
  it('writes a header row, CRLF line ends and a BOM', () => {
    expect(toCsv(['day', 'received'], [['2026-11-02', 3], ['2026-11-03', null]])).toBe('\uFEFFday,received\r\n2026-11-02,3\r\n2026-11-03,\r\n');
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(toCsv(['a'], [['x,y'], ['say "hi"'], ['two\nlines']], false)).toBe('a\r\n"x,y"\r\n"say ""hi"""\r\n"two\nlines"\r\n');
  });

  it('keeps text that looks like a formula from being evaluated', () => {
    expect(toCsv(['a'], [['=SUM(A1)'], [-3]], false)).toBe("a\r\n'=SUM(A1)\r\n-3\r\n");
  });
});
