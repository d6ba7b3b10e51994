export const LANGUAGES = ['sv', 'en', 'ar', 'fi'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Lang, string> = { sv: 'Svenska', en: 'English', ar: 'العربية', fi: 'Suomi' };

const en = {
  appName: 'Lotsen workspace',
  skip: 'Skip to content',
  nav: 'Main',
  language: 'Language',
  presence: 'Presence',
  available: 'Available',
  away: 'Away',
  offline: 'Offline',
  signOut: 'Sign out',
  signIn: 'Sign in',
  signedOut: 'You are not signed in.',
  sessionEnded: 'Your session has ended. What you typed is kept: sign in again and continue.',
  myQueue: 'My queue',
  takeNext: 'Take next',
  nothingWaiting: 'Nothing is waiting for you.',
  reference: 'Reference',
  category: 'Category',
  channel: 'Channel',
  waiting: 'Waiting since',
  firstResponse: 'First answer due',
  resolutionDue: 'Resolution due',
  overdue: 'overdue',
  inTime: 'in {t}',
  open: 'Open',
  thread: 'Thread',
  citizen: 'Citizen',
  staff: 'Staff',
  internal: 'internal note',
  routing: 'Routing decision',
  department: 'Department',
  queue: 'Queue',
  confidence: 'Confidence',
  reasons: 'Reasons',
  sla: 'SLA',
  suggestions: 'Knowledge suggestions',
  insert: 'Insert',
  noSuggestions: 'No suggestions.',
  answer: 'Answer to the citizen',
  sendAnswer: 'Send answer',
  askCitizen: 'Ask the citizen',
  awaitingCitizen: 'Waiting for the citizen to reply: the SLA clocks are paused.',
  paused: 'paused',
  note: 'Internal note',
  addNote: 'Add note',
  handOn: 'Hand on',
  reason: 'Reason',
  toDepartment: 'To department',
  transfer: 'Transfer',
  return: 'Return',
  escalate: 'Escalate',
  resolution: 'Resolution',
  resolutionCode: 'Resolution code',
  firstContact: 'Resolved at first contact',
  resolve: 'Resolve',
  done: 'Done.',
  sent: 'Sent to the citizen.',
  registerCall: 'Register call',
  callerName: "Caller's name",
  callerPhone: "Caller's phone number",
  subject: 'Subject',
  question: 'What the caller asked',
  callLanguage: 'Language of the call',
  resolvedInCall: 'Resolved during the call',
  registered: 'Registered as {ref}.',
  search: 'Search',
  searchLabel: 'Reference or words',
  results: 'Results',
  noResults: 'Nothing found.',
  supervisor: 'Supervisor',
  queues: 'Queues',
  waitingCount: 'Waiting',
  oldestWait: 'Oldest wait',
  atRisk: 'SLA at risk',
  agents: 'Agents',
  name: 'Name',
  load: 'Load',
  reassign: 'Reassign',
  item: 'Item',
  agent: 'Agent',
  departmentQueue: 'Department queue',
  acknowledge: 'Acknowledge',
  dashboard: 'Key figures',
  received: 'Received',
  answered: 'Answered',
  resolved: 'Resolved',
  fcr: 'Resolved at first contact',
  live: 'Live updates on',
  liveLost: 'Live updates paused; reconnecting…',
  unavailable: 'Unavailable just now: {what}',
  loading: 'Loading…',
  minutes: '{n} min',
  hours: '{h} h {m} min',
  days: '{d} d {h} h',
  back: 'Back to my queue',
  triageOverflow: 'Triage and overflow',
  nothingToTriage: 'Nothing waits for triage or a supervisor.',
  currentItems: 'Current items',
  wallBoard: 'Wall board',
  leaveWallBoard: 'Leave wall board',
  agentsAvailable: 'Agents available',
  caseNumber: 'Case number',
  caseNumberLabel: "The department's case number",
  recordCaseNumber: 'Record case number',
  noCaseNumber: 'No case number recorded yet.',
  caseNumberRecorded: 'Case number recorded: the citizen sees it when following the case.',
  searchHint: 'A reference, a citizen’s e-mail address or phone number, or words in the text. Every search is recorded.',
  inquiries: 'Inquiries',
  outsideYourWork: 'exists, outside your work',
  sensitiveOpenToRead: 'Sensitive: open it to read (the reading is recorded).',
  earlierInquiries: "The citizen's other inquiries",
  noEarlierInquiries: 'No other inquiries from this citizen in your work.',
  attachments: 'Attachments',
  duplicateOf: 'A duplicate of an earlier inquiry:',
  openOriginal: 'open the original',
  mayBelongTo: 'A mail on this inquiry names another case:',
  mayBelongHere: 'Mails on other cases name this one:',
  oldestShown: 'The oldest {shown} of {total}',
};

export type Key = keyof typeof en;

const sv: Record<Key, string> = {
  appName: 'Lotsen arbetsyta', skip: 'Hoppa till innehållet', nav: 'Huvudmeny', language: 'Språk', presence: 'Närvaro',
  available: 'Tillgänglig', away: 'Borta', offline: 'Utloggad', signOut: 'Logga ut', signIn: 'Logga in', signedOut: 'Du är inte inloggad.',
  sessionEnded: 'Din session har tagit slut. Det du skrev finns kvar: logga in igen och fortsätt.',
  myQueue: 'Min kö', takeNext: 'Ta nästa', nothingWaiting: 'Inget väntar på dig.', reference: 'Ärendenummer', category: 'Kategori',
  channel: 'Kanal', waiting: 'Väntar sedan', firstResponse: 'Första svar senast', resolutionDue: 'Avslut senast', overdue: 'försenat', inTime: 'om {t}',
  open: 'Öppna', thread: 'Tråd', citizen: 'Invånare', staff: 'Handläggare', internal: 'intern anteckning', routing: 'Routningsbeslut',
  department: 'Förvaltning', queue: 'Kö', confidence: 'Säkerhet', reasons: 'Skäl', sla: 'Servicenivå', suggestions: 'Kunskapsförslag',
  insert: 'Infoga', noSuggestions: 'Inga förslag.', answer: 'Svar till invånaren', sendAnswer: 'Skicka svar', askCitizen: 'Fråga invånaren',
  awaitingCitizen: 'Väntar på invånarens svar: servicenivåns klockor står still.', paused: 'pausad',
  note: 'Intern anteckning', addNote: 'Lägg till anteckning', handOn: 'Lämna vidare', reason: 'Skäl', toDepartment: 'Till förvaltning',
  transfer: 'Överför', return: 'Returnera', escalate: 'Eskalera', resolution: 'Avslut', resolutionCode: 'Avslutskod',
  firstContact: 'Löst vid första kontakten', resolve: 'Avsluta', done: 'Klart.', sent: 'Skickat till invånaren.',
  registerCall: 'Registrera samtal', callerName: 'Uppringarens namn', callerPhone: 'Uppringarens telefonnummer', subject: 'Ämne',
  question: 'Vad uppringaren frågade', callLanguage: 'Samtalets språk', resolvedInCall: 'Löst under samtalet', registered: 'Registrerat som {ref}.',
  search: 'Sök', searchLabel: 'Ärendenummer eller ord', results: 'Träffar', noResults: 'Inget hittades.', supervisor: 'Arbetsledare',
  queues: 'Köer', waitingCount: 'Väntar', oldestWait: 'Längst väntan', atRisk: 'Servicenivå i fara', agents: 'Handläggare', name: 'Namn',
  load: 'Belastning', reassign: 'Omfördela', item: 'Ärende', agent: 'Handläggare', departmentQueue: 'Förvaltningens kö', acknowledge: 'Bekräfta',
  dashboard: 'Nyckeltal', received: 'Inkomna', answered: 'Besvarade', resolved: 'Avslutade', fcr: 'Lösta vid första kontakten',
  live: 'Liveuppdateringar på', liveLost: 'Liveuppdateringar pausade; återansluter…', unavailable: 'Inte tillgängligt just nu: {what}',
  loading: 'Laddar…', minutes: '{n} min', hours: '{h} h {m} min', days: '{d} d {h} h', back: 'Tillbaka till min kö',
  triageOverflow: 'Sortering och överflöde', nothingToTriage: 'Inget väntar på sortering eller arbetsledare.', currentItems: 'Aktuella ärenden',
  wallBoard: 'Väggtavla', leaveWallBoard: 'Lämna väggtavlan', agentsAvailable: 'Tillgängliga handläggare',
  caseNumber: 'Diarienummer', caseNumberLabel: 'Förvaltningens diarienummer', recordCaseNumber: 'Spara diarienummer',
  noCaseNumber: 'Inget diarienummer sparat än.', caseNumberRecorded: 'Diarienumret är sparat: invånaren ser det när hen följer ärendet.',
  searchHint: 'Ett ärendenummer, invånarens e-postadress eller telefonnummer, eller ord i texten. Varje sökning loggas.',
  inquiries: 'Ärenden', outsideYourWork: 'finns, utanför ditt arbete', sensitiveOpenToRead: 'Känsligt: öppna för att läsa (läsningen loggas).',
  earlierInquiries: 'Invånarens andra ärenden', noEarlierInquiries: 'Inga andra ärenden från invånaren i ditt arbete.',
  attachments: 'Bilagor', duplicateOf: 'En dubblett av ett tidigare ärende:', openOriginal: 'öppna originalet', mayBelongTo: 'Ett mejl i ärendet nämner ett annat ärende:', mayBelongHere: 'Mejl i andra ärenden nämner det här:',
  oldestShown: 'De {shown} äldsta av {total}',
};

const ar: Record<Key, string> = {
  appName: 'مساحة عمل لوتسن', skip: 'انتقل إلى المحتوى', nav: 'القائمة الرئيسية', language: 'اللغة', presence: 'الحضور',
  available: 'متاح', away: 'غائب', offline: 'غير متصل', signOut: 'تسجيل الخروج', signIn: 'تسجيل الدخول', signedOut: 'لم تسجل الدخول.',
  sessionEnded: 'انتهت جلستك. ما كتبته محفوظ: سجّل الدخول مرة أخرى وتابع.',
  myQueue: 'قائمتي', takeNext: 'خذ التالي', nothingWaiting: 'لا شيء بانتظارك.', reference: 'الرقم المرجعي', category: 'الفئة',
  channel: 'القناة', waiting: 'ينتظر منذ', firstResponse: 'موعد الرد الأول', resolutionDue: 'موعد الحل', overdue: 'متأخر', inTime: 'خلال {t}',
  open: 'فتح', thread: 'المحادثة', citizen: 'المواطن', staff: 'الموظف', internal: 'ملاحظة داخلية', routing: 'قرار التوجيه',
  department: 'الإدارة', queue: 'الطابور', confidence: 'الثقة', reasons: 'الأسباب', sla: 'مستوى الخدمة', suggestions: 'اقتراحات المعرفة',
  insert: 'إدراج', noSuggestions: 'لا توجد اقتراحات.', answer: 'الرد على المواطن', sendAnswer: 'إرسال الرد', askCitizen: 'اسأل المواطن',
  awaitingCitizen: 'بانتظار رد المواطن: ساعات مستوى الخدمة متوقفة مؤقتًا.', paused: 'متوقفة مؤقتًا',
  note: 'ملاحظة داخلية', addNote: 'إضافة ملاحظة', handOn: 'تسليم', reason: 'السبب', toDepartment: 'إلى الإدارة',
  transfer: 'تحويل', return: 'إرجاع', escalate: 'تصعيد', resolution: 'الإغلاق', resolutionCode: 'رمز الإغلاق',
  firstContact: 'حُلّ من أول اتصال', resolve: 'إغلاق', done: 'تم.', sent: 'أُرسل إلى المواطن.',
  registerCall: 'تسجيل مكالمة', callerName: 'اسم المتصل', callerPhone: 'رقم هاتف المتصل', subject: 'الموضوع',
  question: 'ما سأل عنه المتصل', callLanguage: 'لغة المكالمة', resolvedInCall: 'حُلّ أثناء المكالمة', registered: 'سُجّل برقم {ref}.',
  search: 'بحث', searchLabel: 'الرقم المرجعي أو كلمات', results: 'النتائج', noResults: 'لم يُعثر على شيء.', supervisor: 'المشرف',
  queues: 'الطوابير', waitingCount: 'بالانتظار', oldestWait: 'أطول انتظار', atRisk: 'مستوى الخدمة في خطر', agents: 'الموظفون', name: 'الاسم',
  load: 'الحمل', reassign: 'إعادة التعيين', item: 'البند', agent: 'الموظف', departmentQueue: 'طابور الإدارة', acknowledge: 'تأكيد الاستلام',
  dashboard: 'الأرقام الرئيسية', received: 'الواردة', answered: 'المُجاب عنها', resolved: 'المغلقة', fcr: 'حُلّت من أول اتصال',
  live: 'التحديثات المباشرة مفعّلة', liveLost: 'التحديثات المباشرة متوقفة؛ جارٍ إعادة الاتصال…', unavailable: 'غير متاح حاليًا: {what}',
  loading: 'جارٍ التحميل…', minutes: '{n} دقيقة', hours: '{h} س {m} د', days: '{d} يوم {h} س', back: 'العودة إلى قائمتي',
  triageOverflow: 'الفرز والفائض', nothingToTriage: 'لا شيء ينتظر الفرز أو المشرف.', currentItems: 'البنود الحالية',
  wallBoard: 'لوحة العرض', leaveWallBoard: 'مغادرة لوحة العرض', agentsAvailable: 'الموظفون المتاحون',
  caseNumber: 'رقم القضية', caseNumberLabel: 'رقم القضية لدى الإدارة', recordCaseNumber: 'حفظ رقم القضية',
  noCaseNumber: 'لم يُسجَّل رقم قضية بعد.', caseNumberRecorded: 'حُفظ رقم القضية: يراه المواطن عند متابعة طلبه.',
  searchHint: 'رقم مرجعي، أو البريد الإلكتروني للمواطن أو رقم هاتفه، أو كلمات من النص. يُسجَّل كل بحث.',
  inquiries: 'الاستفسارات', outsideYourWork: 'موجود، خارج نطاق عملك', sensitiveOpenToRead: 'حساس: افتحه للقراءة (تُسجَّل القراءة).',
  earlierInquiries: 'استفسارات المواطن الأخرى', noEarlierInquiries: 'لا توجد استفسارات أخرى من هذا المواطن ضمن عملك.',
  attachments: 'المرفقات', duplicateOf: 'نسخة مكررة من استفسار سابق:', openOriginal: 'افتح الأصل', mayBelongTo: 'رسالة في هذا الاستفسار تذكر حالة أخرى:', mayBelongHere: 'رسائل في حالات أخرى تذكر هذه الحالة:',
  oldestShown: 'أقدم {shown} من أصل {total}',
};

const fi: Record<Key, string> = {
  appName: 'Lotsen-työtila', skip: 'Siirry sisältöön', nav: 'Päävalikko', language: 'Kieli', presence: 'Tila',
  available: 'Tavoitettavissa', away: 'Poissa', offline: 'Ei paikalla', signOut: 'Kirjaudu ulos', signIn: 'Kirjaudu sisään', signedOut: 'Et ole kirjautunut.',
  sessionEnded: 'Istuntosi päättyi. Kirjoittamasi on tallessa: kirjaudu uudelleen ja jatka.',
  myQueue: 'Oma jono', takeNext: 'Ota seuraava', nothingWaiting: 'Sinulle ei odota mitään.', reference: 'Asianumero', category: 'Luokka',
  channel: 'Kanava', waiting: 'Odottanut alkaen', firstResponse: 'Ensimmäinen vastaus viimeistään', resolutionDue: 'Ratkaisu viimeistään', overdue: 'myöhässä', inTime: '{t} päästä',
  open: 'Avaa', thread: 'Viestiketju', citizen: 'Asukas', staff: 'Henkilöstö', internal: 'sisäinen muistiinpano', routing: 'Ohjauspäätös',
  department: 'Toimiala', queue: 'Jono', confidence: 'Varmuus', reasons: 'Perusteet', sla: 'Palvelutaso', suggestions: 'Tietopankin ehdotukset',
  insert: 'Lisää', noSuggestions: 'Ei ehdotuksia.', answer: 'Vastaus asukkaalle', sendAnswer: 'Lähetä vastaus', askCitizen: 'Kysy asukkaalta',
  awaitingCitizen: 'Odotetaan asukkaan vastausta: palvelutason kellot on pysäytetty.', paused: 'pysäytetty',
  note: 'Sisäinen muistiinpano', addNote: 'Lisää muistiinpano', handOn: 'Siirrä eteenpäin', reason: 'Syy', toDepartment: 'Toimialalle',
  transfer: 'Siirrä', return: 'Palauta', escalate: 'Eskaloi', resolution: 'Ratkaisu', resolutionCode: 'Ratkaisukoodi',
  firstContact: 'Ratkaistu ensimmäisellä yhteydenotolla', resolve: 'Ratkaise', done: 'Valmis.', sent: 'Lähetetty asukkaalle.',
  registerCall: 'Kirjaa puhelu', callerName: 'Soittajan nimi', callerPhone: 'Soittajan puhelinnumero', subject: 'Aihe',
  question: 'Mitä soittaja kysyi', callLanguage: 'Puhelun kieli', resolvedInCall: 'Ratkaistu puhelun aikana', registered: 'Kirjattu numerolla {ref}.',
  search: 'Hae', searchLabel: 'Asianumero tai sanoja', results: 'Tulokset', noResults: 'Ei tuloksia.', supervisor: 'Esihenkilö',
  queues: 'Jonot', waitingCount: 'Odottaa', oldestWait: 'Pisin odotus', atRisk: 'Palvelutaso vaarassa', agents: 'Asiakaspalvelijat', name: 'Nimi',
  load: 'Kuorma', reassign: 'Siirrä toiselle', item: 'Asia', agent: 'Asiakaspalvelija', departmentQueue: 'Toimialan jono', acknowledge: 'Kuittaa',
  dashboard: 'Tunnusluvut', received: 'Saapuneet', answered: 'Vastatut', resolved: 'Ratkaistut', fcr: 'Ratkaistu ensimmäisellä yhteydenotolla',
  live: 'Reaaliaikaiset päivitykset käytössä', liveLost: 'Päivitykset tauolla; yhdistetään uudelleen…', unavailable: 'Ei juuri nyt saatavilla: {what}',
  loading: 'Ladataan…', minutes: '{n} min', hours: '{h} t {m} min', days: '{d} pv {h} t', back: 'Takaisin omaan jonoon',
  triageOverflow: 'Lajittelu ja ylivuoto', nothingToTriage: 'Mikään ei odota lajittelua tai esihenkilöä.', currentItems: 'Nykyiset asiat',
  wallBoard: 'Seinänäyttö', leaveWallBoard: 'Poistu seinänäytöstä', agentsAvailable: 'Tavoitettavissa olevat',
  caseNumber: 'Diaarinumero', caseNumberLabel: 'Toimialan diaarinumero', recordCaseNumber: 'Tallenna diaarinumero',
  noCaseNumber: 'Diaarinumeroa ei ole vielä kirjattu.', caseNumberRecorded: 'Diaarinumero tallennettu: asukas näkee sen seuratessaan asiaa.',
  searchHint: 'Asianumero, asukkaan sähköpostiosoite tai puhelinnumero tai sanoja tekstistä. Jokainen haku kirjataan.',
  inquiries: 'Asiat', outsideYourWork: 'olemassa, työsi ulkopuolella', sensitiveOpenToRead: 'Arkaluonteinen: avaa lukeaksesi (lukeminen kirjataan).',
  earlierInquiries: 'Asukkaan muut asiat', noEarlierInquiries: 'Ei muita tämän asukkaan asioita työssäsi.',
  attachments: 'Liitteet', duplicateOf: 'Kaksoiskappale aiemmasta asiasta:', openOriginal: 'avaa alkuperäinen', mayBelongTo: 'Tämän asian sähköposti mainitsee toisen asian:', mayBelongHere: 'Muiden asioiden sähköpostit mainitsevat tämän:',
  oldestShown: 'Vanhimmat {shown}, kaikkiaan {total}',
};

const DICTIONARIES: Record<Lang, Record<Key, string>> = { en, sv, ar, fi };

export type T = (key: Key, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): T {
  const d = DICTIONARIES[lang];
  return (key, vars) => d[key].replace(/\{(\w+)\}/g, (_m, v: string) => String(vars?.[v] ?? ''));
}

export function initialLanguage(): Lang {
  const saved = window.localStorage.getItem('lotsen.lang');
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Lang;
  const browser = (navigator.language || 'sv').slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(browser) ? (browser as Lang) : 'sv';
}

/** "in 2 h 5 min" / "overdue": an SLA clock in words, for the given deadline. */
export function clock(t: T, due: string | null | undefined, now: number): { text: string; late: boolean } | undefined {
  if (!due) return undefined;
  const ms = new Date(due).getTime() - now;
  if (ms < 0) return { text: t('overdue'), late: true };
  return { text: t('inTime', { t: duration(t, ms) }), late: false };
}

export function duration(t: T, ms: number): string {
  const min = Math.max(0, Math.floor(ms / 60_000));
  if (min < 60) return t('minutes', { n: min });
  const h = Math.floor(min / 60);
  if (h < 48) return t('hours', { h, m: min % 60 });
  return t('days', { d: Math.floor(h / 24), h: h % 24 });
}
