// The composed message is read back with mailparser, as a mail client would read it.
import { simpleParser } from 'mailparser';
import { composeEmail } from './mime';
import { DeliveryError, OutgoingEmail } from './types';

const base: OutgoingEmail = {
  from: '"Södertälje kommun" <noreply@sodertalje.example>',
  to: 'anna@example.se',
  subject: 'Vi har tagit emot ditt ärende – KC-2026-000123',
  text: 'Hej!\nTack.',
  html: '<p>Hej!</p>',
  messageId: '<notif-1@sodertalje.example>',
};

describe('composeEmail', () => {
  it('gives text and HTML alternatives that read back exactly, in every encoding it picks', async () => {
    const cases = {
      ascii: 'Hello,\nthank you.\n.\nA line with a dot above.',
      swedish: `Hej Åsa!\n${'Lång rad med å, ä och ö '.repeat(8)}\n.punkt först\nslut  `,
      arabic: 'مرحبا، لقد استلمنا استفسارك رقم KC-2026-000123. شكرا لك على التواصل مع البلدية.\nسطر ثان',
    };
    const encodings: Record<string, string[]> = {};
    for (const [label, text] of Object.entries(cases)) {
      const { raw, envelope } = composeEmail({ ...base, text, html: `<p>${text}</p>` });
      encodings[label] = [...raw.matchAll(/Content-Transfer-Encoding: (\S+)/g)].map((m) => m[1]);
      expect({ label, longest: Math.max(...raw.split('\r\n').map((l) => l.length)) <= 78 }).toEqual({ label, longest: true });
      expect(raw).not.toMatch(/[^\r]\n/); // CRLF only
      const mail = await simpleParser(raw);
      expect({ label, text: mail.text }).toEqual({ label, text });
      expect(mail.html).toBe(`<p>${text}</p>`);
      expect(envelope).toEqual({ from: 'noreply@sodertalje.example', to: ['anna@example.se'] });
    }
    expect(encodings).toEqual({ ascii: ['7bit', '7bit'], swedish: ['quoted-printable', 'quoted-printable'], arabic: ['base64', 'base64'] });
  });

  it('encodes names and subjects, quotes specials, keeps threading and extra headers', async () => {
    const { raw } = composeEmail({
      ...base,
      from: 'Kontaktcenter, Demo <kc@demo.example>',
      to: '"Åsa Öberg" <asa@exämple.se>',
      replyTo: 'svar@demo.example',
      subject: 'Svar på ditt ärende KC-2026-000124: "gatlampa" trasig på Storgatan, vi har åtgärdat den nu',
      inReplyTo: '<citizen-1@example.se>',
      references: ['<citizen-0@example.se>', '<citizen-1@example.se>'],
      headers: { 'Auto-Submitted': 'auto-generated', 'List-Unsubscribe': '<https://lotsen.example/opt-out/t1>' },
    }, new Date('2026-12-02T10:00:00Z'));
    const mail = await simpleParser(raw);
    expect(mail.from?.value).toEqual([{ name: 'Kontaktcenter, Demo', address: 'kc@demo.example' }]);
    // The domain goes as punycode (mailparser shows it decoded again).
    expect(raw).toContain('<asa@xn--exmple-cua.se>');
    expect(mail.to && !Array.isArray(mail.to) && mail.to.value).toEqual([{ name: 'Åsa Öberg', address: 'asa@exämple.se' }]);
    expect(mail.replyTo?.value[0].address).toBe('svar@demo.example');
    expect(mail.subject).toBe('Svar på ditt ärende KC-2026-000124: "gatlampa" trasig på Storgatan, vi har åtgärdat den nu');
    expect(mail.messageId).toBe('<notif-1@sodertalje.example>');
    expect(mail.inReplyTo).toBe('<citizen-1@example.se>');
    expect(mail.references).toEqual(['<citizen-0@example.se>', '<citizen-1@example.se>']);
    expect(mail.date?.toISOString()).toBe('2026-12-02T10:00:00.000Z');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toBe('List-Unsubscribe: <https://lotsen.example/opt-out/t1>');
    expect(mail.headers.get('mime-version')).toBe('1.0');
  });

  it('refuses a message without a recipient as a permanent failure', () => {
    expect(() => composeEmail({ ...base, to: 'nobody' })).toThrow(DeliveryError);
    try {
      composeEmail({ ...base, to: '' });
    } catch (e) {
      expect(e).toMatchObject({ kind: 'permanent', code: 'EENVELOPE', recipientRejected: true });
    }
  });
});
