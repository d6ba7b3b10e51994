import { classifyMail, ClassifyInput } from './mail-classifier';

const base = (o: Partial<ClassifyInput> & { h?: Array<[string, string]> } = {}): ClassifyInput => ({
  headers: (o.h ?? []).map(([name, value]) => ({ name: name.toLowerCase(), value })),
  envelopeFrom: o.envelopeFrom ?? 'anna@example.se',
  fromAddress: o.fromAddress ?? 'anna@example.se',
  subject: o.subject ?? 'Fråga om sophämtning',
  maxReceived: 30,
  isOwnAddress: o.isOwnAddress,
});

describe('classifyMail', () => {
  it('lets a person through, including subjects that only resemble auto-replies', () => {
    for (const subject of ['Frånvaro i skolan', 'Svar på fråga om bygglov', 'Re: Answer to your inquiry KC-2026-000001', 'Semester och sophämtning', 'Automatic doors at the library are broken']) {
      expect(classifyMail(base({ subject }))).toEqual({ kind: 'person' });
    }
    expect(classifyMail(base({ h: [['Auto-Submitted', 'no']] }))).toEqual({ kind: 'person' });
    expect(classifyMail(base({ h: [['Precedence', 'first-class']] }))).toEqual({ kind: 'person' });
  });

  it('drops auto-replies by header', () => {
    for (const h of [[['Auto-Submitted', 'auto-replied']], [['Auto-Submitted', 'auto-generated; owner-email="x@y"']], [['X-Autoreply', 'yes']], [['X-Autorespond', 'x']], [['Precedence', 'bulk']], [['Precedence', 'junk']], [['Precedence', 'auto_reply']]] as Array<Array<[string, string]>>) {
      expect(classifyMail(base({ h }))).toMatchObject({ kind: 'drop', reason: 'auto-reply' });
    }
  });

  it('drops out-of-office subjects in Swedish, English and Finnish', () => {
    for (const subject of ['Automatiskt svar: Svar på ditt ärende KC-2026-000001', 'Autosvar: hej', 'Frånvaromeddelande', 'Out of Office: Your inquiry', 'Automatic reply: x', 'Auto-Reply: x', 'AutoReply', 'Automaattinen vastaus: asia']) {
      expect(classifyMail(base({ subject }))).toMatchObject({ kind: 'drop', reason: 'auto-reply' });
    }
  });

  it('drops bounces: null sender, daemons, delivery reports', () => {
    expect(classifyMail(base({ envelopeFrom: '' }))).toMatchObject({ kind: 'drop', reason: 'bounce' });
    expect(classifyMail(base({ envelopeFrom: 'MAILER-DAEMON@mx.example.se' }))).toMatchObject({ kind: 'drop', reason: 'bounce' });
    expect(classifyMail(base({ fromAddress: 'postmaster@example.se' }))).toMatchObject({ kind: 'drop', reason: 'bounce' });
    expect(classifyMail(base({ h: [['Content-Type', 'multipart/report; report-type=delivery-status; boundary="x"']] }))).toMatchObject({ kind: 'drop', reason: 'bounce' });
  });

  it('drops loops before anything else', () => {
    expect(classifyMail(base({ h: [['X-Lotsen-Loop', 'demo']] }))).toMatchObject({ kind: 'drop', reason: 'loop' });
    const received = Array.from({ length: 31 }, () => ['Received', 'from a by b'] as [string, string]);
    expect(classifyMail(base({ h: received }))).toMatchObject({ kind: 'drop', reason: 'loop' });
    expect(classifyMail(base({ h: received.slice(0, 30) }))).toEqual({ kind: 'person' });
    expect(classifyMail(base({ isOwnAddress: (a) => a === 'anna@example.se' }))).toMatchObject({ kind: 'drop', reason: 'loop' });
  });
});
