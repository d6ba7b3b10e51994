// Everything the citizen pages say, in the municipality's four languages.
import { Locale } from '../open311/open311-texts';

export type { Locale };

export const DIRECTION: Record<Locale, 'ltr' | 'rtl'> = { sv: 'ltr', en: 'ltr', ar: 'rtl', fi: 'ltr' };
export const LANGUAGE_NAMES: Record<Locale, string> = { sv: 'Svenska', en: 'English', ar: 'العربية', fi: 'Suomi' };

const T = {
  skip: { sv: 'Hoppa till innehållet', en: 'Skip to content', ar: 'انتقل إلى المحتوى', fi: 'Siirry sisältöön' },
  languages: { sv: 'Språk', en: 'Language', ar: 'اللغة', fi: 'Kieli' },
  formTitle: { sv: 'Kontakta kommunen', en: 'Contact the municipality', ar: 'تواصل مع البلدية', fi: 'Ota yhteyttä kuntaan' },
  formIntro: {
    sv: 'Ställ en fråga, felanmäl, lämna klagomål, beröm eller förslag. Fält markerade (obligatoriskt) måste fyllas i.',
    en: 'Ask a question, report a fault, make a complaint, give praise or a proposal. Fields marked (required) must be filled in.',
    ar: 'اطرح سؤالاً أو أبلغ عن عطل أو قدّم شكوى أو ثناءً أو اقتراحاً. الحقول المعلَّمة (إلزامي) يجب تعبئتها.',
    fi: 'Kysy, tee vikailmoitus, anna palautetta, kiitosta tai ehdotus. Merkityt kentät (pakollinen) on täytettävä.',
  },
  required: { sv: 'obligatoriskt', en: 'required', ar: 'إلزامي', fi: 'pakollinen' },
  optional: { sv: 'frivilligt', en: 'optional', ar: 'اختياري', fi: 'vapaaehtoinen' },
  category: { sv: 'Vad gäller det?', en: 'What is it about?', ar: 'بماذا يتعلق الأمر؟', fi: 'Mitä asia koskee?' },
  categoryNone: { sv: 'Vet inte / annat', en: "Don't know / other", ar: 'لا أعرف / غير ذلك', fi: 'En tiedä / muu' },
  publicNotice: {
    sv: 'Felanmälningar om det här visas offentligt: beskrivningen och platsen syns i kommunens öppna lista över felanmälningar (Open311), men aldrig ditt namn eller dina kontaktuppgifter. Skriv inget om dig själv eller andra personer i beskrivningen.',
    en: 'Reports about this are shown publicly: the description and the location appear in the municipality\'s open list of fault reports (Open311), but never your name or contact details. Do not write anything about yourself or other people in the description.',
    ar: 'تُعرض البلاغات المتعلقة بهذا الموضوع للعموم: يظهر الوصف والموقع في القائمة المفتوحة لبلاغات الأعطال لدى البلدية (Open311)، ولكن لا يظهر اسمك أو بيانات الاتصال بك أبداً. لا تكتب أي شيء عن نفسك أو عن أشخاص آخرين في الوصف.',
    fi: 'Tätä koskevat ilmoitukset näytetään julkisesti: kuvaus ja sijainti näkyvät kunnan avoimessa vikailmoitusluettelossa (Open311), mutta nimesi tai yhteystietosi eivät koskaan. Älä kirjoita kuvaukseen mitään itsestäsi tai muista ihmisistä.',
  },
  publicMark: { sv: 'visas offentligt', en: 'shown publicly', ar: 'يُعرض للعموم', fi: 'näytetään julkisesti' },
  subject: { sv: 'Rubrik', en: 'Subject', ar: 'الموضوع', fi: 'Otsikko' },
  body: { sv: 'Beskriv ditt ärende', en: 'Describe your matter', ar: 'صف طلبك', fi: 'Kuvaa asiasi' },
  bodyHint: {
    sv: 'Skriv inte personnummer eller känsliga uppgifter om hälsa.',
    en: 'Please do not write personal identity numbers or sensitive health information.',
    ar: 'يرجى عدم كتابة الرقم الشخصي أو معلومات صحية حساسة.',
    fi: 'Älä kirjoita henkilötunnusta tai arkaluonteisia terveystietoja.',
  },
  location: { sv: 'Plats', en: 'Location', ar: 'الموقع', fi: 'Sijainti' },
  locationHint: {
    sv: 'För felanmälan: var finns felet?',
    en: 'For fault reports: where is the fault?',
    ar: 'للإبلاغ عن عطل: أين يوجد العطل؟',
    fi: 'Vikailmoitukseen: missä vika on?',
  },
  address: { sv: 'Adress eller plats', en: 'Address or place', ar: 'العنوان أو المكان', fi: 'Osoite tai paikka' },
  lat: { sv: 'Latitud', en: 'Latitude', ar: 'خط العرض', fi: 'Leveysaste' },
  lon: { sv: 'Longitud', en: 'Longitude', ar: 'خط الطول', fi: 'Pituusaste' },
  coordsHint: { sv: 'Till exempel 59.1955 och 17.6253', en: 'For example 59.1955 and 17.6253', ar: 'مثلاً 59.1955 و 17.6253', fi: 'Esimerkiksi 59.1955 ja 17.6253' },
  contact: { sv: 'Dina kontaktuppgifter', en: 'Your contact details', ar: 'بيانات الاتصال بك', fi: 'Yhteystietosi' },
  contactHint: {
    sv: 'Frivilligt. Lämna e-post eller telefon om du vill ha svar.',
    en: 'Optional. Give an e-mail address or phone number if you want an answer.',
    ar: 'اختياري. اترك بريدك الإلكتروني أو رقم هاتفك إذا كنت تريد رداً.',
    fi: 'Vapaaehtoinen. Anna sähköposti tai puhelinnumero, jos haluat vastauksen.',
  },
  name: { sv: 'Namn', en: 'Name', ar: 'الاسم', fi: 'Nimi' },
  email: { sv: 'E-post', en: 'E-mail', ar: 'البريد الإلكتروني', fi: 'Sähköposti' },
  phone: { sv: 'Telefon', en: 'Phone', ar: 'الهاتف', fi: 'Puhelin' },
  notify: {
    sv: 'Skicka kvitto och besked om ärendet till mig',
    en: 'Send me a receipt and updates about my case',
    ar: 'أرسل لي إيصالاً وتحديثات حول طلبي',
    fi: 'Lähetä minulle kuittaus ja tietoa asiani käsittelystä',
  },
  honeypot: { sv: 'Lämna detta fält tomt', en: 'Leave this field empty', ar: 'اترك هذا الحقل فارغاً', fi: 'Jätä tämä kenttä tyhjäksi' },
  send: { sv: 'Skicka', en: 'Send', ar: 'إرسال', fi: 'Lähetä' },
  errorSummary: { sv: 'Det finns fel i formuläret', en: 'There is a problem with the form', ar: 'يوجد خطأ في النموذج', fi: 'Lomakkeessa on virheitä' },
  errorPrefix: { sv: 'Fel:', en: 'Error:', ar: 'خطأ:', fi: 'Virhe:' },
  errBodyRequired: { sv: 'Beskriv ditt ärende.', en: 'Describe your matter.', ar: 'يرجى وصف طلبك.', fi: 'Kuvaa asiasi.' },
  errBodyLong: { sv: 'Texten är för lång (högst 20 000 tecken).', en: 'The text is too long (at most 20,000 characters).', ar: 'النص طويل جداً (20000 حرف كحد أقصى).', fi: 'Teksti on liian pitkä (enintään 20 000 merkkiä).' },
  errSubject: { sv: 'Rubriken får vara högst 200 tecken.', en: 'The subject may be at most 200 characters.', ar: 'يجب ألا يتجاوز الموضوع 200 حرف.', fi: 'Otsikko saa olla enintään 200 merkkiä.' },
  errCategory: { sv: 'Välj ett ämne i listan.', en: 'Choose a topic from the list.', ar: 'اختر موضوعاً من القائمة.', fi: 'Valitse aihe luettelosta.' },
  errEmail: { sv: 'Ange en giltig e-postadress, till exempel namn@exempel.se.', en: 'Enter a valid e-mail address, like name@example.com.', ar: 'أدخل بريداً إلكترونياً صحيحاً، مثل name@example.com.', fi: 'Anna kelvollinen sähköpostiosoite, esim. nimi@esimerkki.fi.' },
  errPhone: { sv: 'Ange ett telefonnummer med siffror, till exempel 070-123 45 67.', en: 'Enter a phone number in digits, like +46 70 123 45 67.', ar: 'أدخل رقم هاتف بالأرقام، مثل ‎+46 70 123 45 67.', fi: 'Anna puhelinnumero numeroina, esim. +358 40 123 4567.' },
  errName: {
    sv: 'Skriv bara ditt namn: bokstäver, högst 100 tecken, utan siffror, länkar eller e-postadress.',
    en: 'Enter just your name: letters, at most 100 characters, no digits, links or e-mail address.',
    ar: 'اكتب اسمك فقط: حروف، 100 حرف كحد أقصى، بدون أرقام أو روابط أو بريد إلكتروني.',
    fi: 'Kirjoita vain nimesi: kirjaimia, enintään 100 merkkiä, ei numeroita, linkkejä tai sähköpostiosoitetta.',
  },
  errAddress: { sv: 'Adressen får vara högst 300 tecken.', en: 'The address may be at most 300 characters.', ar: 'يجب ألا يتجاوز العنوان 300 حرف.', fi: 'Osoite saa olla enintään 300 merkkiä.' },
  errLat: { sv: 'Ange latitud som ett tal mellan -90 och 90, tillsammans med longitud.', en: 'Enter the latitude as a number between -90 and 90, together with the longitude.', ar: 'أدخل خط العرض كرقم بين ‎-90 و 90، مع خط الطول.', fi: 'Anna leveysaste lukuna −90…90 yhdessä pituusasteen kanssa.' },
  errLon: { sv: 'Ange longitud som ett tal mellan -180 och 180, tillsammans med latitud.', en: 'Enter the longitude as a number between -180 and 180, together with the latitude.', ar: 'أدخل خط الطول كرقم بين ‎-180 و 180، مع خط العرض.', fi: 'Anna pituusaste lukuna −180…180 yhdessä leveysasteen kanssa.' },
  errExpired: {
    sv: 'Formuläret hann bli för gammalt eller kunde inte kontrolleras. Kontrollera uppgifterna och skicka igen.',
    en: 'The form expired or could not be verified. Check your details and send it again.',
    ar: 'انتهت صلاحية النموذج أو تعذّر التحقق منه. راجع بياناتك وأرسله مرة أخرى.',
    fi: 'Lomake vanhentui tai sitä ei voitu tarkistaa. Tarkista tiedot ja lähetä uudelleen.',
  },
  errResent: {
    sv: 'Det här formuläret är redan skickat med annat innehåll. Kontrollera och skicka igen.',
    en: 'This form was already sent with different content. Check it and send again.',
    ar: 'تم إرسال هذا النموذج سابقاً بمحتوى مختلف. راجعه وأرسله مرة أخرى.',
    fi: 'Tämä lomake on jo lähetetty eri sisällöllä. Tarkista ja lähetä uudelleen.',
  },
  errTooMany: {
    sv: 'Vi har tagit emot många ärenden härifrån eller till samma kontaktuppgift den senaste timmen. Försök igen senare eller ring kommunen.',
    en: 'We have received many inquiries from here or for the same contact details in the last hour. Please try again later or call the municipality.',
    ar: 'استلمنا طلبات كثيرة من هنا أو لنفس بيانات الاتصال خلال الساعة الماضية. يرجى المحاولة لاحقاً أو الاتصال بالبلدية.',
    fi: 'Olemme saaneet viimeisen tunnin aikana paljon asioita täältä tai samoilla yhteystiedoilla. Yritä myöhemmin uudelleen tai soita kuntaan.',
  },
  errUnavailable: {
    sv: 'Vi kan inte ta emot ärenden just nu. Försök igen om en stund.',
    en: 'We cannot receive inquiries right now. Please try again shortly.',
    ar: 'لا يمكننا استقبال الطلبات الآن. يرجى المحاولة بعد قليل.',
    fi: 'Emme voi vastaanottaa asioita juuri nyt. Yritä hetken kuluttua uudelleen.',
  },
  receiptTitle: { sv: 'Tack! Vi har tagit emot ditt ärende', en: 'Thank you! We have received your inquiry', ar: 'شكراً! لقد استلمنا طلبك', fi: 'Kiitos! Olemme vastaanottaneet asiasi' },
  receiptReference: { sv: 'Ditt referensnummer', en: 'Your reference number', ar: 'رقمك المرجعي', fi: 'Viitenumerosi' },
  receiptKeep: {
    sv: 'Spara länken nedan. Med den kan du följa ditt ärende. Den är personlig – dela den inte.',
    en: 'Keep the link below: it lets you follow your case. It is personal – do not share it.',
    ar: 'احتفظ بالرابط أدناه، فهو يتيح لك متابعة طلبك. إنه شخصي – لا تشاركه.',
    fi: 'Tallenna alla oleva linkki: sen avulla voit seurata asiaasi. Linkki on henkilökohtainen – älä jaa sitä.',
  },
  followLink: { sv: 'Följ ditt ärende', en: 'Follow your case', ar: 'تابع طلبك', fi: 'Seuraa asiaasi' },
  duplicate: {
    sv: 'Felet är redan känt: det har anmälts tidigare som {ref}. Vi har kopplat din anmälan till den.',
    en: 'This fault is already known: it was reported earlier as {ref}. We have linked your report to it.',
    ar: 'هذا العطل معروف لدينا: تم الإبلاغ عنه سابقاً برقم {ref}. لقد ربطنا بلاغك به.',
    fi: 'Vika on jo tiedossa: siitä on ilmoitettu aiemmin viitteellä {ref}. Olemme liittäneet ilmoituksesi siihen.',
  },
  newInquiry: { sv: 'Skicka ett nytt ärende', en: 'Send another inquiry', ar: 'أرسل طلباً جديداً', fi: 'Lähetä uusi asia' },
  followTitle: { sv: 'Följ ditt ärende', en: 'Follow your case', ar: 'تابع طلبك', fi: 'Seuraa asiaasi' },
  followIntro: {
    sv: 'Ange referensnumret och koden från ditt kvitto.',
    en: 'Enter the reference number and the code from your receipt.',
    ar: 'أدخل الرقم المرجعي والرمز من إيصالك.',
    fi: 'Anna kuittauksessa oleva viitenumero ja koodi.',
  },
  reference: { sv: 'Referensnummer', en: 'Reference number', ar: 'الرقم المرجعي', fi: 'Viitenumero' },
  token: { sv: 'Kod', en: 'Code', ar: 'الرمز', fi: 'Koodi' },
  show: { sv: 'Visa ärendet', en: 'Show the case', ar: 'عرض الطلب', fi: 'Näytä asia' },
  notFound: {
    sv: 'Vi hittar inget ärende med det referensnumret och den koden.',
    en: 'We cannot find a case with that reference number and code.',
    ar: 'لا يمكننا العثور على طلب بهذا الرقم المرجعي وهذا الرمز.',
    fi: 'Emme löydä asiaa tällä viitenumerolla ja koodilla.',
  },
  status: { sv: 'Status', en: 'Status', ar: 'الحالة', fi: 'Tila' },
  handledBy: { sv: 'Handläggs av', en: 'Handled by', ar: 'الجهة المسؤولة', fi: 'Käsittelijä' },
  receivedAt: { sv: 'Mottaget', en: 'Received', ar: 'تاريخ الاستلام', fi: 'Vastaanotettu' },
  thread: { sv: 'Meddelanden', en: 'Messages', ar: 'الرسائل', fi: 'Viestit' },
  authorcitizen: { sv: 'Du', en: 'You', ar: 'أنت', fi: 'Sinä' },
  authorstaff: { sv: 'Kommunen', en: 'The municipality', ar: 'البلدية', fi: 'Kunta' },
  authorsystem: { sv: 'Kommunen', en: 'The municipality', ar: 'البلدية', fi: 'Kunta' },
  statusreceived: { sv: 'Mottaget', en: 'Received', ar: 'تم الاستلام', fi: 'Vastaanotettu' },
  statusin_progress: { sv: 'Under handläggning', en: 'In progress', ar: 'قيد المعالجة', fi: 'Käsittelyssä' },
  statusawaiting_citizen: { sv: 'Väntar på ditt svar', en: 'Awaiting your reply', ar: 'بانتظار ردك', fi: 'Odottaa vastaustasi' },
  replyTitle: { sv: 'Svara', en: 'Reply', ar: 'الرد', fi: 'Vastaa' },
  replyLabel: { sv: 'Ditt svar (högst 5000 tecken)', en: 'Your reply (at most 5000 characters)', ar: 'ردك (5000 حرف كحد أقصى)', fi: 'Vastauksesi (enintään 5000 merkkiä)' },
  replySend: { sv: 'Skicka svar', en: 'Send reply', ar: 'إرسال الرد', fi: 'Lähetä vastaus' },
  statusanswered: { sv: 'Besvarat', en: 'Answered', ar: 'تم الرد', fi: 'Vastattu' },
  statusresolved: { sv: 'Avslutat', en: 'Closed', ar: 'مغلق', fi: 'Suljettu' },
  statusreopened: { sv: 'Återöppnat', en: 'Reopened', ar: 'أعيد فتحه', fi: 'Avattu uudelleen' },
  contactCenter: { sv: 'Kontaktcenter', en: 'Contact center', ar: 'مركز الاتصال', fi: 'Asiakaspalvelu' },
  caseNumber: {
    sv: 'Ärendet har diarienummer {number} hos förvaltningen.',
    en: 'Case number at the department: {number}',
    ar: 'رقم القضية لدى الإدارة: {number}',
    fi: 'Asian diaarinumero toimialalla: {number}',
  },
} satisfies Record<string, Record<Locale, string>>;

export type TextKey = keyof typeof T;

export function t(key: TextKey, locale: Locale, vars: Record<string, string> = {}): string {
  return T[key][locale].replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

/** A status or author label, falling back to the raw value for anything new. */
export function label(prefix: 'status' | 'author', value: string, locale: Locale): string {
  const key = `${prefix}${value}` as TextKey;
  return key in T ? t(key, locale) : value;
}
