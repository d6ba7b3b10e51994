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
  it('lets a person through, unflagged, including subjects that only resemble auto-replies', () => {
    for (const subject of ['Frånvaro i skolan', 'Svar på fråga om bygglov', 'Re: Answer to your inquiry KC-2026-000001', 'Semester och sophämtning', 'Automatic doors at the library are broken']) {
      expect(classifyMail(base({ subject }))).toEqual({ kind: 'person', possibleAutoReply: false });
    }
    expect(classifyMail(base({ h: [['Auto-Submitted', 'no']] }))).toEqual({ kind: 'person', possibleAutoReply: false });
    expect(classifyMail(base({ h: [['Precedence', 'first-class']] }))).toEqual({ kind: 'person', possibleAutoReply: false });
  });

  it('recognises auto-replies by header only', () => {
    for (const h of [[['Auto-Submitted', 'auto-replied']], [['Auto-Submitted', 'auto-generated; owner-email="x@y"']], [['X-Autoreply', 'yes']], [['X-Autorespond', 'x']], [['Precedence', 'bulk']], [['Precedence', 'junk']], [['Precedence', 'auto_reply']], [['Precedence', 'list']]] as Array<Array<[string, string]>>) {
      expect(classifyMail(base({ h }))).toMatchObject({ kind: 'automatic', reason: 'auto-reply' });
    }
  });

  it('an out-of-office subject without such headers is a person, flagged for staff', () => {
    for (const subject of ['Automatiskt svar: Svar på ditt ärende KC-2026-000001', 'Autosvar: hej', 'Frånvaromeddelande', 'Out of Office: Your inquiry', 'Automatic reply: x', 'Auto-Reply: x', 'AutoReply', 'Automaattinen vastaus: asia', 'Is the library open on holiday Mondays?']) {
      expect(classifyMail(base({ subject }))).toEqual({ kind: 'person', possibleAutoReply: true });
    }
  });

  it('recognises bounces: null sender, daemons, delivery reports', () => {
    expect(classifyMail(base({ envelopeFrom: '' }))).toMatchObject({ kind: 'automatic', reason: 'bounce' });
    expect(classifyMail(base({ envelopeFrom: 'MAILER-DAEMON@mx.example.se' }))).toMatchObject({ kind: 'automatic', reason: 'bounce' });
    expect(classifyMail(base({ fromAddress: 'postmaster@example.se' }))).toMatchObject({ kind: 'automatic', reason: 'bounce' });
    expect(classifyMail(base({ h: [['Content-Type', 'multipart/report; report-type=delivery-status; boundary="x"']] }))).toMatchObject({ kind: 'automatic', reason: 'bounce' });
  });

  it('recognises loops before anything else', () => {
    expect(classifyMail(base({ h: [['X-Lotsen-Loop', 'demo']] }))).toMatchObject({ kind: 'automatic', reason: 'loop' });
    const received = Array.from({ length: 31 }, () => ['Received', 'from a by b'] as [string, string]);
    expect(classifyMail(base({ h: received }))).toMatchObject({ kind: 'automatic', reason: 'loop' });
    expect(classifyMail(base({ h: received.slice(0, 30) }))).toEqual({ kind: 'person', possibleAutoReply: false });
    expect(classifyMail(base({ isOwnAddress: (a) => a === 'anna@example.se' }))).toMatchObject({ kind: 'automatic', reason: 'loop' });
  });
});
