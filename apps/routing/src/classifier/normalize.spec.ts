import { normalizeArabic, normalizeText, tokenize, tokenVariants } from './normalize';

describe('normalizeText', () => {
  it('applies NFKC: full-width letters, ligatures and compatibility digits become plain', () => {
    expect(normalizeText('ＧＡＴＬＡＭＰＡ ﬁnns ①２３')).toBe('gatlampa finns 123');
  });

  it('lower-cases and keeps å ä ö (composed, even from decomposed input)', () => {
    expect(normalizeText('ÅTERVINNINGSSTATIONEN Överfull, Ängsgatan')).toBe('återvinningsstationen överfull ängsgatan');
    // "a" + combining ring above / diaeresis (NFD) composes to å / ö
    expect(normalizeText('Sma\u030Alands o\u0308')).toBe('smålands ö');
  });

  it('normalises Arabic letter variants: alef forms, ta marbuta, alef maqsura', () => {
    expect(normalizeArabic('أ إ آ ٱ')).toBe('ا ا ا ا');
    expect(normalizeArabic('مكتبة')).toBe('مكتبه');
    expect(normalizeArabic('مستشفى')).toBe('مستشفي');
    // the same word written with different alef forms normalises identically
    expect(normalizeText('إضاءة')).toBe(normalizeText('اضاءه'));
    expect(normalizeText('أرجوحة')).toBe(normalizeText('ارجوحه'));
  });

  it('strips Arabic diacritics (tashkeel) and tatweel', () => {
    expect(normalizeText('مَدْرَسَةٌ')).toBe('مدرسه');
    expect(normalizeText('مـــدرسة')).toBe('مدرسه');
  });

  it('maps Arabic-Indic digits and keeps Arabic punctuation out', () => {
    expect(normalizeText('الحاوية رقم ٤١٢٢٠، شكراً!')).toBe('الحاويه رقم 41220 شكرا');
    expect(normalizeText('هل هو مفتوح؟')).toBe('هل هو مفتوح');
  });

  it('turns punctuation into word boundaries and keeps emoji as tokens', () => {
    expect(normalizeText('Hej!!! Gatlampan (vid Storgatan 12) är släckt...🙄')).toBe('hej gatlampan vid storgatan 12 är släckt 🙄');
    expect(normalizeText('e-tjänsten/blanketten')).toBe('e tjänsten blanketten');
  });

  it('handles empty and missing input', () => {
    expect(normalizeText('')).toBe('');
    expect(normalizeText(undefined)).toBe('');
    expect(normalizeText('  ...  ')).toBe('');
  });
});

describe('tokenize', () => {
  it('splits into tokens and replaces digit runs by #num', () => {
    expect(tokenize('Matavfallet har inte hämtats på Oxbacksgatan 27.')).toEqual(['matavfallet', 'har', 'inte', 'hämtats', 'på', 'oxbacksgatan', '#num']);
  });

  it('works for Finnish and Arabic', () => {
    expect(tokenize('Katuvalo ei toimi.')).toEqual(['katuvalo', 'ei', 'toimi']);
    expect(tokenize('مصباح الشارع لا يعمل')).toEqual(['مصباح', 'الشارع', 'لا', 'يعمل']);
  });

  it('peels Arabic clitics off for matching', () => {
    expect(tokenVariants('والحاويه')).toEqual(expect.arrayContaining(['والحاويه', 'الحاويه', 'حاويه']));
    expect(tokenVariants('gatlampan')).toEqual(['gatlampan']);
  });
});
