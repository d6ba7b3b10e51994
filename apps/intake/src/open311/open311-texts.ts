/** The few sentences Open311 answers carry, in the municipality's four languages. */

export const LOCALES = ['sv', 'en', 'ar', 'fi'] as const;
export type Locale = (typeof LOCALES)[number];

/** `locale`/`lang` (`en`, `en-GB`, `sv_SE`); anything else falls back to Swedish. */
export function pickLocale(value: string | undefined): Locale {
  const code = value?.slice(0, 2).toLowerCase();
  return (LOCALES as readonly string[]).includes(code ?? '') ? (code as Locale) : 'sv';
}

/** The text in the wanted language, else Swedish/English, else any. */
export function localized(texts: Record<string, string> | null | undefined, locale: Locale): string | undefined {
  if (!texts) return undefined;
  const order = locale === 'sv' ? ['sv', 'en'] : [locale, 'en', 'sv'];
  for (const l of order) if (texts[l]) return texts[l];
  return Object.values(texts).find((t) => typeof t === 'string' && t) ?? undefined;
}

const T = {
  notice: {
    sv: 'Tack! Ditt ärende är registrerat med referens {ref}.',
    en: 'Thank you. Your request is registered with reference {ref}.',
    ar: 'شكرًا لك. تم تسجيل طلبك برقم المرجع {ref}.',
    fi: 'Kiitos! Asiasi on kirjattu viitteellä {ref}.',
  },
  withheld: {
    sv: 'Beskrivningen visas inte offentligt.',
    en: 'The description is not shown publicly.',
    ar: 'لا يتم عرض الوصف للعموم.',
    fi: 'Kuvausta ei näytetä julkisesti.',
  },
  statusreceived: {
    sv: 'Ärendet är mottaget.',
    en: 'The request has been received.',
    ar: 'تم استلام الطلب.',
    fi: 'Asia on vastaanotettu.',
  },
  statusin_progress: {
    sv: 'Ärendet handläggs.',
    en: 'The request is being handled.',
    ar: 'الطلب قيد المعالجة.',
    fi: 'Asia on käsittelyssä.',
  },
  statusawaiting_citizen: {
    sv: 'Ärendet väntar på svar från den som anmälde det.',
    en: 'The request awaits a reply from the person who reported it.',
    ar: 'الطلب بانتظار رد من مقدّمه.',
    fi: 'Asia odottaa vastausta ilmoittajalta.',
  },
  statusanswered: {
    sv: 'Ärendet är besvarat.',
    en: 'The request has been answered.',
    ar: 'تم الرد على الطلب.',
    fi: 'Asiaan on vastattu.',
  },
  statusreopened: {
    sv: 'Ärendet är öppnat igen.',
    en: 'The request has been reopened.',
    ar: 'أعيد فتح الطلب.',
    fi: 'Asia on avattu uudelleen.',
  },
  statusresolved: {
    sv: 'Ärendet är avslutat.',
    en: 'The request is closed.',
    ar: 'تم إغلاق الطلب.',
    fi: 'Asia on suljettu.',
  },
  locationDetail: {
    sv: 'Var exakt? (t.ex. vid vilken port, stolpe eller lekplats)',
    en: 'Where exactly? (e.g. which entrance, lamp post or playground)',
    ar: 'أين بالضبط؟ (مثل أي مدخل أو عمود إنارة أو ملعب)',
    fi: 'Missä tarkalleen? (esim. mikä ovi, valaisinpylväs tai leikkipaikka)',
  },
  locationDetailHint: {
    sv: 'Fritext, en rad',
    en: 'Free text, one line',
    ar: 'نص حر، سطر واحد',
    fi: 'Vapaa teksti, yksi rivi',
  },
} satisfies Record<string, Record<Locale, string>>;

export function text(key: keyof typeof T, locale: Locale, vars: Record<string, string> = {}): string {
  return T[key][locale].replace(/\{(\w+)\}/g, (_m, k: string) => vars[k] ?? '');
}

/**
 * The public note for a status: a fixed sentence, since nothing staff write to the citizen (the
 * answer, a resolution or reopening reason) is meant for the public.
 */
export function statusNote(status: string, locale: Locale): string | undefined {
  const key = `status${status}`;
  return key in T ? text(key as keyof typeof T, locale) : undefined;
}
