import MailComposer from 'nodemailer/lib/mail-composer';
import { countMimeParts } from './mime-parts';

const compose = (attachments: number): Promise<Buffer> =>
  new MailComposer({
    from: 'anna@example.se', to: 'kontakt@demo.lotsen.se', subject: 'Bilagor', text: 'Hej', html: '<p>Hej</p>',
    attachments: Array.from({ length: attachments }, (_, i) => ({ filename: `f${i}.txt`, content: `fil ${i}` })),
  }).compile().build();

describe('countMimeParts', () => {
  it('counts the message, its containers and its leaves', async () => {
    expect(countMimeParts(Buffer.from('Subject: x\r\n\r\nHej'), 100)).toBe(1);
    // multipart/mixed > (multipart/alternative > text, html) + 3 files
    expect(countMimeParts(await compose(3), 100)).toBe(7);
  });

  it('follows nested boundaries, folded Content-Type lines and ignores look-alike lines', () => {
    const raw = [
      'Subject: x', 'Content-Type: multipart/mixed;', '\tboundary="outer"', '', 'preamble', '--outer',
      'Content-Type: multipart/alternative; boundary=inner', '', '--inner', 'Content-Type: text/plain', '', '--not-a-boundary', '--inner',
      'Content-Type: text/html', '', '<p>x</p>', '--inner--', '--outer', 'Content-Type: text/plain', '', 'x', '--outer--', 'epilogue', '--outer',
    ].join('\r\n');
    expect(countMimeParts(Buffer.from(raw), 100)).toBe(5);
  });

  it('stops counting once past the limit', async () => {
    const many = await compose(500);
    expect(countMimeParts(many, 10)).toBe(11);
  });
});
