import { contentDisposition, contentMatchesType, safeFilename } from './content-types';

describe('upload content checks', () => {
  it('recognises each allowed type by its bytes', () => {
    expect(contentMatchesType('application/pdf', Buffer.from('%PDF-1.7\n...'))).toBe(true);
    expect(contentMatchesType('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe(true);
    expect(contentMatchesType('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(contentMatchesType('image/tiff', Buffer.from([0x49, 0x49, 0x2a, 0x00]))).toBe(true);
    expect(contentMatchesType('image/tiff', Buffer.from([0x4d, 0x4d, 0x00, 0x2a]))).toBe(true);
    expect(contentMatchesType('text/plain', Buffer.from('Hälsningar från Södertälje'))).toBe(true);
  });

  it('refuses disguised content', () => {
    expect(contentMatchesType('application/pdf', Buffer.from('<html><script>'))).toBe(false);
    expect(contentMatchesType('image/png', Buffer.from('MZ\x90\x00'))).toBe(false);
    expect(contentMatchesType('text/plain', Buffer.from([0x48, 0x00, 0x49]))).toBe(false);
    expect(contentMatchesType('text/plain', Buffer.from([0xc3, 0x28]))).toBe(false);
  });

  it('makes file names safe and headers correct', () => {
    expect(safeFilename('../../etc/passwd', 'f')).toBe('passwd');
    expect(safeFilename('C:\\Users\\a\\brev.pdf', 'f')).toBe('brev.pdf');
    expect(safeFilename('a"b<c>\r\n.pdf', 'f')).toBe('a_b_c_.pdf');
    expect(safeFilename('...', 'fallback')).toBe('fallback');
    expect(contentDisposition('brev åäö "x".pdf')).toBe(`attachment; filename="brev ___ _x_.pdf"; filename*=UTF-8''brev%20%C3%A5%C3%A4%C3%B6%20%22x%22.pdf`);
  });
});
