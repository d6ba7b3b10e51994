import { containsPersonnummer, maskPii } from './pii-mask';

describe('maskPii', () => {
  it.each([
    ['personnummer with dash', 'pnr 19121212-1212 här', 'pnr [personnummer] här'],
    ['short personnummer', 'mitt nr är 121212-1212.', 'mitt nr är [personnummer].'],
    ['12 digits', 'id 191212121212', 'id [personnummer]'],
    ['coordination number (day + 60)', 'samordningsnr 701063-2391', 'samordningsnr [personnummer]'],
    ['e-mail', 'mail anna.andersson+test@example.se ok', 'mail [email] ok'],
    ['mobile', 'ring 070-123 45 67 tack', 'ring [phone] tack'],
    ['international', 'call +46 70 123 45 67', 'call [phone]'],
    ['landline', 'tel 08-123 456 78', 'tel [phone]'],
    ['token in a URL', '/v1/inquiries/KC-2026-000001?token=abcDEF123', '/v1/inquiries/KC-2026-000001?token=***'],
    ['survey token in a path', 'GET /surveys/abc_DEF-123 200', 'GET /surveys/*** 200'],
    ['opt-out token in a path', '/v1/opt-out/demo.x1.sv.y2?x=1', '/v1/opt-out/***?x=1'],
  ])('masks %s', (_n, input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    'KC-2026-000123',
    '2026-11-23T14:43:03.123Z',
    '"ms":1763900000100',
    '44d76072-1e88-4f74-b31b-1d14b5725a27',
    'port 5432 and 3001',
  ])('leaves %s alone', (text) => {
    expect(maskPii(text)).toBe(text);
  });

  it('masks inside a serialized JSON log line', () => {
    const line = JSON.stringify({ msg: 'x', err: { message: 'duplicate key (email)=(kalle@example.se)' }, body: 'pnr 8112189876' });
    expect(maskPii(line)).not.toMatch(/kalle@|8112189876/);
  });
});

/** Every way a citizen writes the test number 121212-1212 (valid check digit). */
const WRITTEN_FORMS = [
  '121212 - 1212', '121212–1212', '121212 – 1212', '1212121212', '19121212.1212', '19121212-1212', '191212121212',
  '121212-12 12', '121212 -12 12', '19121212 1212', '121212+1212', '121212\u22121212', '20121212-1212',
];

describe('personnummer in any written form', () => {
  it.each(WRITTEN_FORMS)('masks and detects %s', (form) => {
    const text = `grannens son blir slagen. Mitt pnr ${form}.`;
    expect(maskPii(text)).toBe('grannens son blir slagen. Mitt pnr [personnummer].');
    expect(maskPii(JSON.stringify({ body: text }))).not.toMatch(/1212/);
    expect(containsPersonnummer(text)).toBe(true);
  });

  it.each(['121212 - 1213', '121212–1213', '1212121213'])('does not flag %s (wrong check digit)', (form) => {
    expect(containsPersonnummer(`pnr ${form}`)).toBe(false);
  });

  it.each(['KC-2026-000123', 'Ärende KC-2026-000123 från 2026-12-06', 'pris 1 250 kr, 3 st', 'kl 12.30-13.45'])('leaves %s unflagged', (text) => {
    expect(containsPersonnummer(text)).toBe(false);
    expect(maskPii(text)).toBe(text);
  });
});

describe('containsPersonnummer', () => {
  it('finds valid numbers (Luhn) and ignores other digit runs', () => {
    expect(containsPersonnummer('Mitt personnummer: 19811218-9876')).toBe(true);
    expect(containsPersonnummer('811218-9876')).toBe(true);
    expect(containsPersonnummer('811218-9875')).toBe(false);
    expect(containsPersonnummer('Ärende KC-2026-000123, tel 0701234567')).toBe(false);
  });
});
