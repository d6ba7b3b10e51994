import { baseAddress, deliveryIdInMessageId, referenceInPlusAddress, referencesInSubject } from './threading';
import { messageIdsIn, readHeaderBlock } from './raw-headers';
import { stripQuotedReply } from './quoted-reply';

describe('threading hints', () => {
  it('finds references in subjects, bracketed first', () => {
    expect(referencesInSubject('SV: Svar på ditt ärende KC-2026-000123')).toEqual(['KC-2026-000123']);
    expect(referencesInSubject('Re: [kc-2026-000007] och KC-2025-000001')).toEqual(['KC-2026-000007', 'KC-2025-000001']);
    expect(referencesInSubject('Ärende 2026-000123 och XKC-2026-0001234')).toEqual([]);
    expect(referencesInSubject(undefined)).toEqual([]);
  });

  it('reads plus addressing and strips it for routing', () => {
    expect(referenceInPlusAddress('kontakt+KC-2026-000123@demo.lotsen.se')).toBe('KC-2026-000123');
    expect(referenceInPlusAddress('kontakt+nyhetsbrev@demo.lotsen.se')).toBeUndefined();
    expect(referenceInPlusAddress('kontakt@demo.lotsen.se')).toBeUndefined();
    expect(baseAddress('Kontakt+KC-2026-000123@Demo.Lotsen.se')).toBe('kontakt@demo.lotsen.se');
  });

  it('recognises the Message-IDs notifications makes', () => {
    expect(deliveryIdInMessageId('<notif-0b9f4a1e-3c7d-4e55-9b1a-2f6c8d0e1a23@demo.lotsen.se>')).toBe('0b9f4a1e-3c7d-4e55-9b1a-2f6c8d0e1a23');
    expect(deliveryIdInMessageId('<abc@example.se>')).toBeUndefined();
    expect(messageIdsIn('<a@x> <b@y>\r\n <a@x>')).toEqual(['<a@x>', '<b@y>']);
  });

  it('reads the header block within limits', () => {
    const ok = readHeaderBlock(Buffer.from('Subject: hej\r\n då\r\nX-A: 1\r\n\r\nbody'), 1000);
    expect(ok).toEqual({ ok: true, headers: [{ name: 'subject', value: 'hej då' }, { name: 'x-a', value: '1' }], headerBytes: 30 });
    expect(readHeaderBlock(Buffer.from(`X: ${'a'.repeat(2000)}\r\n\r\nb`), 1000)).toEqual({ ok: false, reason: 'header-too-large' });
    expect(readHeaderBlock(Buffer.from('Subject: only headers'), 1000)).toMatchObject({ ok: true });
  });

  it('keeps what the citizen wrote now, not the quoted answer', () => {
    expect(stripQuotedReply('Tack!\n\nDen 2 mars 2026 skrev Demo kommun <k@d.se>:\n> Svar')).toBe('Tack!');
    expect(stripQuotedReply('Thanks\n\nOn Mon, 2 Mar 2026 at 10:00, Demo <k@d.se> wrote:\n> answer')).toBe('Thanks');
    expect(stripQuotedReply('Hej\n> citat\nmer')).toBe('Hej\nmer');
    expect(stripQuotedReply('Ok\n\nFrån: Demo kommun\nSkickat: den 2 mars\nÄmne: Svar')).toBe('Ok');
    expect(stripQuotedReply('Från: min granne fick jag höra att...')).toBe('Från: min granne fick jag höra att...');
    expect(stripQuotedReply('> bara citat')).toBe('> bara citat');
  });
});
