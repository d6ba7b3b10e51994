/**
 * The demo municipality ("Demo kommun"): tenant, the 11 departments of the labelled data and
 * a realistic service catalogue (categories) for each.
 *
 * Category codes are shared by the intake service's public Open311 service list and the
 * routing catalogue, so they are lower_snake, URL-safe and unique. Keywords (sv/en/ar/fi) feed
 * the classifier's catalogue prior (apps/routing/src/classifier): they are matched on
 * normalised words, forgiving inflection and compounds (`gatlampa` also finds `gatlamporna`,
 * `trasiggatlampan`); a trailing `*` makes a prefix keyword (Finnish stems: `rakennuslu*`).
 * Keep them specific to the category: a word that fits many departments only adds noise.
 *
 * SLA hours are business hours (Mon–Fri 08–17). Priority 1 is the highest.
 */

export interface DemoDepartment {
  code: string;
  name: { sv: string; en: string; ar: string; fi: string };
  email: string;
}

export interface DemoCategory {
  code: string;
  department: string;
  group: string;
  name: { sv: string; en: string; ar: string; fi: string };
  description: { sv: string; en: string };
  keywords: { sv: string[]; en: string[]; ar: string[]; fi: string[] };
  /** The contact center answers it itself. */
  firstLine: boolean;
  /** Business hours. */
  slaFirstResponseHours: number;
  /** Business hours. */
  slaResolutionHours: number;
  /** 1 highest .. 5 */
  priority: number;
  /** Shown as an Open311 fault-report service with location. */
  faultReport: boolean;
  /**
   * Its requests are public by nature: Open311's anonymous list shows them (never a sensitive one).
   * Only faults in public space; never anything about a person.
   */
  public?: boolean;
}

export const demoTenant = {
  id: 'demo',
  name: 'Demo kommun',
  referencePrefix: 'KC',
  jurisdictionId: 'demo.lotsen.se',
  timezone: 'Europe/Stockholm',
};

/** The demo municipality's business calendar (DESIGN.md: open 08–17 Mon–Fri, Swedish holidays): routing's and reporting's seeds both start from it. */
export const demoCalendar = {
  timezone: demoTenant.timezone,
  hours: { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' },
  holidays: 'SE',
};

export const departments: DemoDepartment[] = [
  {
    code: 'kontaktcenter',
    name: { sv: 'Kontaktcenter', en: 'Contact centre', ar: 'مركز الاتصال', fi: 'Asiakaspalvelukeskus' },
    email: 'kontaktcenter@demo.lotsen.se',
  },
  {
    code: 'gata_park',
    name: { sv: 'Gata och park', en: 'Streets and parks', ar: 'الشوارع والحدائق', fi: 'Kadut ja puistot' },
    email: 'gata.park@demo.lotsen.se',
  },
  {
    code: 'vatten_avfall',
    name: { sv: 'Vatten och avfall', en: 'Water and waste', ar: 'المياه والنفايات', fi: 'Vesi ja jätehuolto' },
    email: 'vatten.avfall@demo.lotsen.se',
  },
  {
    code: 'miljo',
    name: { sv: 'Miljö och hälsoskydd', en: 'Environment and health protection', ar: 'البيئة وحماية الصحة', fi: 'Ympäristö- ja terveydensuojelu' },
    email: 'miljo@demo.lotsen.se',
  },
  {
    code: 'omsorg',
    name: { sv: 'Vård och omsorg', en: 'Elderly and disability care', ar: 'الرعاية الصحية والاجتماعية', fi: 'Vanhus- ja vammaispalvelut' },
    email: 'omsorg@demo.lotsen.se',
  },
  {
    code: 'utbildning',
    name: { sv: 'Förskola och skola', en: 'Preschool and school', ar: 'الروضة والمدرسة', fi: 'Varhaiskasvatus ja koulu' },
    email: 'utbildning@demo.lotsen.se',
  },
  {
    code: 'kultur_fritid',
    name: { sv: 'Kultur och fritid', en: 'Culture and leisure', ar: 'الثقافة والترفيه', fi: 'Kulttuuri ja vapaa-aika' },
    email: 'kultur.fritid@demo.lotsen.se',
  },
  {
    code: 'samhallsbyggnad',
    name: { sv: 'Samhällsbyggnad', en: 'Planning and building', ar: 'التخطيط والبناء', fi: 'Kaavoitus ja rakentaminen' },
    email: 'samhallsbyggnad@demo.lotsen.se',
  },
  {
    code: 'socialtjanst',
    name: { sv: 'Socialtjänst', en: 'Social services', ar: 'الخدمات الاجتماعية', fi: 'Sosiaalipalvelut' },
    email: 'socialtjanst@demo.lotsen.se',
  },
  {
    code: 'overformyndare',
    name: { sv: 'Överförmyndare', en: 'Chief guardian (guardianship)', ar: 'مكتب الوصاية', fi: 'Holhousviranomainen' },
    email: 'overformyndare@demo.lotsen.se',
  },
  {
    code: 'arbete_naringsliv',
    name: { sv: 'Arbetsmarknad och näringsliv', en: 'Jobs, adult education and business', ar: 'العمل والتعليم والأعمال', fi: 'Työllisyys, aikuiskoulutus ja elinkeinot' },
    email: 'arbete.naringsliv@demo.lotsen.se',
  },
];

export const categories: DemoCategory[] = [
  // ---------------------------------------------------------------- kontaktcenter
  {
    code: 'opening_hours_contact',
    department: 'kontaktcenter',
    group: 'Kontakt och service',
    name: { sv: 'Öppettider och kontaktuppgifter', en: 'Opening hours and contact details', ar: 'ساعات العمل ومعلومات الاتصال', fi: 'Aukioloajat ja yhteystiedot' },
    description: {
      sv: 'Öppettider, adresser, telefonnummer och e-postadresser till kommunens verksamheter.',
      en: 'Opening hours, addresses, phone numbers and e-mail addresses of municipal services.',
    },
    keywords: {
      sv: ['öppettider', 'öppet', 'öppnar', 'stänger', 'stängt', 'helgdag', 'kvällstid', 'telefonnummer', 'telefontid', 'e-postadress', 'mejladress', 'postadress', 'besöksadress', 'stadshuset', 'kommunhuset', 'medborgarkontor', 'receptionen', 'växeln', 'kontaktcenter', 'vart vänder jag mig', 'vem ska jag kontakta', 'hemsidan', 'webbplatsen', 'turistinformation', 'hittegods', 'borgerlig vigsel', 'vigsel', 'gifta sig borgerligt', 'telefonnumret', 'numret till'],
      en: ['opening hours', 'open on', 'closed on', 'phone number', 'email address', 'postal address', 'city hall', 'town hall', 'reception', 'switchboard', 'contact centre', 'contact center', 'who do i contact', 'website', 'tourist information', 'lost and found', 'lost property', 'civil wedding', 'marriage ceremony', 'phone number of', 'front desk'],
      ar: ['ساعات العمل', 'مواعيد العمل', 'مفتوح', 'مغلق', 'العطله', 'رقم الهاتف', 'البريد الالكتروني', 'مبنى البلديه', 'مكتب خدمه المواطنين', 'الاستقبال', 'الموقع الالكتروني', 'معلومات سياحيه', 'عقد الزواج', 'رقم هاتف البلديه'],
      fi: ['aukioloaj*', 'auki', 'aukeaa', 'suljettu', 'puhelinnumero*', 'sähköpostiosoit*', 'kaupungintalo*', 'kunnantalo*', 'asiakaspalvelu*', 'yhteystied*', 'verkkosivu*', 'matkailuneuvon*', 'löytötavar*', 'siviilivihki*'],
    },
    firstLine: true,
    slaFirstResponseHours: 4,
    slaResolutionHours: 8,
    priority: 4,
    faultReport: false,
  },
  {
    code: 'forms_fees_invoices',
    department: 'kontaktcenter',
    group: 'Kontakt och service',
    name: { sv: 'Blanketter, avgifter och fakturor', en: 'Forms, fees and invoices', ar: 'الاستمارات والرسوم والفواتير', fi: 'Lomakkeet, maksut ja laskut' },
    description: {
      sv: 'Var blanketter och e-tjänster finns, vad kommunens tjänster kostar (taxor), frågor om fakturor och betalning.',
      en: 'Where to find forms and e-services, what municipal services cost (fees), invoice and payment questions.',
    },
    keywords: {
      sv: ['blankett', 'blanketten', 'e-tjänst', 'formulär', 'avgift', 'avgiften', 'taxa', 'taxan', 'maxtaxa', 'vad kostar', 'kostar det', 'hur mycket kostar', 'priset', 'faktura', 'fakturan', 'fakturanummer', 'swish', 'autogiro', 'handläggningstid', 'lätt svenska', 'bankid', 'e-legitimation', 'mina sidor', 'logga in', 'inloggning'],
      en: ['form', 'application form', 'e-service', 'fee', 'fees', 'how much does', 'cost', 'price', 'invoice', 'bill from the municipality', 'pay', 'payment', 'processing time', 'bankid', 'log in', 'login', 'sign in', 'e-id'],
      ar: ['استماره', 'نموذج', 'الخدمه الالكترونيه', 'رسوم', 'تكلفه', 'كم يكلف', 'السعر', 'فاتوره', 'الدفع', 'تسجيل الدخول', 'الهويه الالكترونيه'],
      fi: ['lomake*', 'e-palvelu*', 'maksu*', 'hinta', 'hinnat', 'paljonko maksaa', 'mitä maksaa', 'lasku*', 'taksa*', 'käsittelyai*', 'kirjautu*', 'pankkitunnu*', 'mobiilivarmen*'],
    },
    firstLine: true,
    slaFirstResponseHours: 4,
    slaResolutionHours: 16,
    priority: 4,
    faultReport: false,
  },
  {
    code: 'language_and_interpreting',
    department: 'kontaktcenter',
    group: 'Kontakt och service',
    name: { sv: 'Tolk och information på andra språk', en: 'Interpreters and information in other languages', ar: 'الترجمة والمعلومات بلغات أخرى', fi: 'Tulkkaus ja tieto muilla kielillä' },
    description: {
      sv: 'Rätten till tolk, service på finska (förvaltningsområde), arabiska och engelska, information för nyinflyttade.',
      en: 'The right to an interpreter, service in Finnish, Arabic and English, information for newcomers.',
    },
    keywords: {
      sv: ['tolk', 'tolken', 'tolkning', 'modersmål i kontakten', 'information på engelska', 'information på arabiska', 'nyinflyttad', 'nyinflyttade', 'flyttat hit', 'välkomstinformation', 'finskt förvaltningsområde'],
      en: ['interpreter', 'interpreting', 'translation', 'information in english', 'in english', 'moving to', 'newcomer', 'new in town', 'welcome information'],
      ar: ['مترجم', 'ترجمه', 'باللغه العربيه', 'معلومات بالعربيه', 'انتقلت حديثا'],
      fi: ['tulk*', 'palvelua suomeksi', 'suomeksi', 'hallintoalue*', 'muutin*', 'muuttanut'],
    },
    firstLine: true,
    slaFirstResponseHours: 4,
    slaResolutionHours: 8,
    priority: 4,
    faultReport: false,
  },
  {
    code: 'democracy_public_records',
    department: 'kontaktcenter',
    group: 'Kontakt och service',
    name: { sv: 'Politik, demokrati och allmänna handlingar', en: 'Politics, democracy and public records', ar: 'السياسة والديمقراطية والوثائق العامة', fi: 'Politiikka, demokratia ja julkiset asiakirjat' },
    description: {
      sv: 'Kommunfullmäktige, nämnder, kontakt med politiker, begäran om allmänna handlingar och diariet.',
      en: 'The municipal council and committees, contacting politicians, requests for public records.',
    },
    keywords: {
      sv: ['kommunfullmäktige', 'fullmäktige', 'politiker', 'kommunalråd', 'allmän handling', 'allmänna handlingar', 'diariet', 'diarienummer', 'offentlighetsprincipen', 'sammanträde', 'protokoll', 'kommunens nyheter', 'synpunkt på kommunen', 'valet', 'förtidsrösta', 'förtidsröstning', 'rösta', 'röstkort', 'valsedlar', 'medborgardialog', 'valsedel'],
      en: ['city council', 'municipal council', 'council meeting', 'committee', 'politician', 'politicians', 'public documents', 'public records', 'freedom of information', 'vote', 'voting', 'election', 'polling station', 'voting card'],
      ar: ['المجلس البلدي', 'سياسي', 'السياسيين', 'الوثائق العامه', 'محضر الاجتماع', 'الانتخابات', 'التصويت', 'بطاقه التصويت'],
      fi: ['kunnanvaltuusto*', 'valtuusto*', 'lautakun*', 'poliitik*', 'julkinen asiakirja', 'julkiset asiakirjat', 'pöytäkir*', 'vaali*', 'äänestä*', 'äänestyskort*', 'ennakkoäänest*'],
    },
    firstLine: true,
    slaFirstResponseHours: 8,
    slaResolutionHours: 24,
    priority: 5,
    faultReport: false,
  },

  // ---------------------------------------------------------------- gata_park
  {
    code: 'pothole_road_damage',
    department: 'gata_park',
    group: 'Gator och trafik',
    name: { sv: 'Potthål och skador på gata', en: 'Potholes and road damage', ar: 'حفر وأضرار في الطريق', fi: 'Kuopat ja tievauriot' },
    description: {
      sv: 'Hål, sprickor och skador i gata, gång- och cykelväg, trottoarkant och brunnslock i gatan.',
      en: 'Holes, cracks and damage in streets, footpaths and cycle paths, kerbs.',
    },
    keywords: {
      sv: ['potthål', 'gropar', 'hål i vägen', 'hål i gatan', 'vägskada', 'asfalt', 'asfalten', 'trottoar', 'trottoaren', 'gångväg', 'gångvägen', 'cykelväg', 'cykelbana', 'gångbana', 'kantsten', 'trafikverket', 'gatusopning', 'sopning', 'grus', 'sandupptagning', 'vägarbete', 'vägarbetet', 'vägarbeten', 'avstängd väg', 'omledning', 'grävning', 'bron', 'tunnel', 'gångtunnel', 'räcke', 'trappa', 'trappan', 'vägbom', 'broar', 'gångbro'],
      en: ['pothole', 'potholes', 'road damage', 'hole in the road', 'asphalt', 'pavement', 'sidewalk', 'footpath', 'cycle path', 'bike lane', 'kerb', 'curb', 'road surface', 'street cleaning', 'sweeping', 'gravel', 'roadworks', 'road works', 'road closed', 'diversion', 'bridge', 'tunnel', 'railing', 'stairs', 'underpass'],
      ar: ['حفره', 'حفر', 'حفره في الطريق', 'الطريق', 'الشارع', 'الاسفلت', 'الرصيف', 'مسار الدراجات', 'تنظيف الشوارع', 'اعمال الطرق', 'الطريق مغلق', 'جسر', 'نفق', 'درج'],
      fi: ['kuoppa', 'kuopp*', 'tievauri*', 'asfaltt*', 'jalkakäytävä*', 'pyörätie*', 'katu', 'kadulla', 'kadunpuhdistu*', 'lakaisu*', 'hiekanpoisto*', 'tietyö*', 'silta*', 'sillan', 'tunneli*', 'kaide*', 'portai*'],
    },
    firstLine: false,
    slaFirstResponseHours: 8,
    slaResolutionHours: 80,
    priority: 3,
    faultReport: true,
    public: true,
  },
  {
    code: 'street_lighting',
    department: 'gata_park',
    group: 'Gator och trafik',
    name: { sv: 'Gatubelysning', en: 'Street lighting', ar: 'إنارة الشوارع', fi: 'Katuvalaistus' },
    description: {
      sv: 'Trasig, släckt eller blinkande gatlampa och belysning i parker och på gångvägar.',
      en: 'Broken, dark or flickering street lights and lighting in parks and on footpaths.',
    },
    keywords: {
      sv: ['gatlampa', 'gatlampor', 'gatljus', 'gatubelysning', 'belysning', 'belysningen', 'lyktstolpe', 'lampan', 'släckt', 'lyser inte', 'blinkar', 'mörkt', 'jättemörkt'],
      en: ['street light', 'streetlight', 'street lamp', 'lamp post', 'lighting', 'light is out', 'light broken', 'flickering', 'dark'],
      ar: ['مصباح الشارع', 'مصابيح', 'اناره', 'الاضاءه', 'مظلم'],
      fi: ['katuvalo*', 'valaistu*', 'lamppu', 'lampun', 'pimeä*', 'valo ei toimi'],
    },
    firstLine: false,
    slaFirstResponseHours: 8,
    slaResolutionHours: 80,
    priority: 3,
    faultReport: true,
    public: true,
  },
  {
    code: 'snow_ice_clearing',
    department: 'gata_park',
    group: 'Gator och trafik',
    name: { sv: 'Snöröjning och halkbekämpning', en: 'Snow clearing and gritting', ar: 'إزالة الثلوج ومكافحة الانزلاق', fi: 'Lumityöt ja liukkauden torjunta' },
    description: {
      sv: 'Plogning, snövallar, sandning och halka på gator, gång- och cykelvägar och trappor.',
      en: 'Ploughing, snow banks, gritting and icy streets, footpaths and stairs.',
    },
    keywords: {
      sv: ['snöröjning', 'snöröjningen', 'plogning', 'plogbil', 'plogbilen', 'plogat', 'snövall', 'snön', 'snö', 'halka', 'halt', 'blankis', 'is på', 'sandning', 'sandar', 'sanda', 'saltning'],
      en: ['snow', 'snow plough', 'snow plow', 'ploughing', 'plowing', 'snowplough', 'ice', 'icy', 'slippery', 'gritting', 'grit', 'sanding', 'salting'],
      ar: ['الثلج', 'الثلوج', 'ازاله الثلوج', 'جليد', 'زلق', 'انزلاق', 'الرمل'],
      fi: ['lumi', 'lume*', 'lunta', 'aurau*', 'aurattu', 'liuka*', 'jää', 'jäinen', 'hiekoitu*'],
    },
    firstLine: false,
    slaFirstResponseHours: 4,
    slaResolutionHours: 24,
    priority: 2,
    faultReport: true,
    public: true,
  },
  {
    code: 'parks_playgrounds_trees',
    department: 'gata_park',
    group: 'Parker och natur',
    name: { sv: 'Parker, lekplatser, träd och klotter', en: 'Parks, playgrounds, trees and graffiti', ar: 'الحدائق والملاعب والأشجار والكتابات', fi: 'Puistot, leikkipaikat, puut ja töhryt' },
    description: {
      sv: 'Trasig lekutrustning, parkbänkar, papperskorgar, nedfallna träd, nedskräpning och klotter på allmän plats.',
      en: 'Broken play equipment, park benches, litter bins, fallen trees, littering and graffiti in public places.',
    },
    keywords: {
      sv: ['lekplats', 'lekplatsen', 'gunga', 'gungan', 'rutschkana', 'klätterställning', 'sandlåda', 'park', 'parken', 'parkbänk', 'parkbänken', 'papperskorg', 'papperskorgen', 'nedskräpning', 'skräp', 'krossat glas', 'trädet', 'nedfallet träd', 'grenar', 'gräsklippning', 'klotter', 'klottret', 'graffiti', 'hundrastgård', 'utegym', 'dammen', 'grind', 'träden', 'omkullfallet träd', 'ogräs', 'buskar', 'buske', 'häck', 'häcken', 'siktskymmande', 'växer ut', 'gräsmatta', 'gräset', 'klippa gräset', 'cykelställ', 'övergivna cyklar', 'övergiven cykel', 'fontän', 'staty', 'offentlig toalett', 'dumpat', 'dumpning', 'nedskräpat', 'hundbajs', 'hundpåsar', 'löv', 'död grävling', 'dött djur', 'döda djur', 'rådjur', 'vildsvin', 'konstverk'],
      en: ['playground', 'swing', 'slide', 'climbing frame', 'sandpit', 'park', 'park bench', 'bench', 'litter bin', 'litter', 'rubbish in the park', 'broken glass', 'tree', 'fallen tree', 'branches', 'graffiti', 'vandalism', 'dog park', 'outdoor gym', 'weeds', 'hedge', 'bushes', 'overgrown', 'grass cutting', 'mowing', 'bike rack', 'abandoned bike', 'fountain', 'statue', 'public toilet', 'dumped', 'fly-tipping', 'dog poo', 'dog waste', 'dead animal', 'leaves'],
      ar: ['ملعب الاطفال', 'الارجوحه', 'ارجوحه', 'حديقه', 'الحديقه', 'مقعد', 'سله المهملات', 'شجره', 'اشجار', 'كتابات على الجدران', 'غرافيتي', 'زجاج مكسور', 'اعشاب', 'السياج النباتي', 'الشجيرات', 'دراجه مهجوره', 'نافوره', 'مرحاض عام', 'فضلات الكلاب', 'حيوان ميت'],
      fi: ['leikkipuisto*', 'leikkipaik*', 'keinu*', 'liukumä*', 'puisto*', 'penkki*', 'roska-asti*', 'roskakori*', 'puu kaatunut', 'kaatunut puu', 'graffiti*', 'töhry*', 'lasinsiru*', 'rikkaruoho*', 'pensa*', 'pensasaita*', 'ruohonleikku*', 'pyöräteline*', 'hylätty pyörä', 'suihkulähde*', 'yleinen vessa', 'koirankak*', 'kuollut eläin', 'roskaantu*'],
    },
    firstLine: false,
    slaFirstResponseHours: 8,
    slaResolutionHours: 80,
    priority: 3,
    faultReport: true,
    public: true,
  },
  {
    code: 'traffic_signs_parking',
    department: 'gata_park',
    group: 'Gator och trafik',
    name: { sv: 'Trafiksignaler, skyltar och parkering', en: 'Traffic signals, signs and parking', ar: 'إشارات المرور واللافتات والمواقف', fi: 'Liikennevalot, merkit ja pysäköinti' },
    description: {
      sv: 'Trasiga trafikljus och vägmärken, farthinder, hastighet, parkeringsplatser och parkeringstillstånd för rörelsehindrade.',
      en: 'Broken traffic lights and road signs, speed bumps, speeding, parking spaces and disabled parking permits.',
    },
    keywords: {
      sv: ['trafikljus', 'trafikljuset', 'trafiksignal', 'rödljus', 'skylt', 'skylten', 'vägmärke', 'stoppskylt', 'farthinder', 'hastighet', 'kör för fort', 'korsning', 'korsningen', 'övergångsställe', 'parkering', 'parkeringsplats', 'parkeringsplatser', 'parkeringstillstånd', 'felparkerad', 'rörelsehindrade', 'busshållplats', 'skrotbil', 'bilvrak', 'övergiven bil', 'avställd bil', 'hastighetsgräns', 'trafiksäkerhet', 'laddstolpe', 'laddplats', 'parkeringsböter', 'parkeringsbot', 'felparkering', 'boendeparkering', 'p-skiva', 'bussfil', 'cykelöverfart'],
      en: ['traffic light', 'traffic lights', 'traffic signal', 'road sign', 'stop sign', 'speed bump', 'speeding', 'crossing', 'intersection', 'junction', 'parking space', 'parking spaces', 'parking permit', 'disabled parking', 'illegally parked', 'abandoned car', 'car without plates', 'speed limit', 'traffic safety', 'charging station', 'parking fine', 'parking ticket', 'resident parking', 'parking lot', 'car park', 'bus lane'],
      ar: ['اشاره المرور', 'اشارات المرور', 'لافته', 'مطب', 'السرعه', 'تقاطع', 'موقف السيارات', 'مواقف', 'تصريح وقوف', 'سياره مهجوره', 'حد السرعه', 'مخالفه وقوف', 'محطه شحن'],
      fi: ['liikennevalo*', 'liikennemerk*', 'hidaste*', 'ylinopeu*', 'risteyks*', 'suojatie*', 'pysäköin*', 'parkkipaik*', 'pysäköintilu*', 'romuauto*', 'hylätty auto', 'nopeusrajoitu*', 'liikenneturvallisuu*', 'latausasema*', 'pysäköintivirhemaksu*', 'parkkisakko*'],
    },
    firstLine: false,
    slaFirstResponseHours: 4,
    slaResolutionHours: 40,
    priority: 2,
    faultReport: true,
  },

  // ---------------------------------------------------------------- vatten_avfall
  {
    code: 'missed_waste_collection',
    department: 'vatten_avfall',
    group: 'Avfall',
    name: { sv: 'Utebliven sophämtning', en: 'Missed waste collection', ar: 'عدم جمع القمامة', fi: 'Tyhjentämättä jäänyt jäteastia' },
    description: {
      sv: 'Sopkärl eller matavfall som inte tömts, sopbilen kom inte fram, kärl som vält.',
      en: 'Bins or food waste not emptied, the refuse lorry could not get through, bins knocked over.',
    },
    keywords: {
      sv: ['sophämtning', 'sophämtningen', 'soptunna', 'soptunnan', 'soptunnorna', 'sopkärl', 'kärlet', 'sopbil', 'sopbilen', 'sopor', 'soporna', 'matavfall', 'matavfallet', 'inte tömts', 'ej tömt', 'inte hämtats', 'tömning', 'hämtningsdag', 'renhållning', 'sopsäck', 'sopsäckar', 'hushållsavfall', 'restavfall', 'soprum', 'soprummet', 'sophus', 'sopnedkast', 'trädgårdsavfall'],
      en: ['bin not emptied', 'not emptied', 'missed collection', 'garbage', 'rubbish', 'waste collection', 'bin', 'bins', 'garbage truck', 'bin lorry', 'food waste', 'collection day', 'household waste', 'residual waste', 'bin room', 'garden waste', 'rubbish bags', 'bin bags'],
      ar: ['القمامه', 'النفايات', 'حاويه', 'الحاويه', 'حاويه القمامه', 'لم يتم تفريغ', 'تفريغ', 'شاحنه القمامه', 'بقايا الطعام', 'نفايات الحديقه', 'اكياس القمامه'],
      fi: ['jäteastia*', 'roska-astia*', 'tyhjennys*', 'tyhjentämät*', 'ei tyhjennetty', 'jäteauto*', 'jätehuol*', 'biojäte*', 'sekajäte*', 'jätekatos*', 'jätehuone*', 'puutarhajäte*', 'roskapussi*'],
    },
    firstLine: false,
    slaFirstResponseHours: 8,
    slaResolutionHours: 24,
    priority: 3,
    faultReport: true,
  },
  {
    code: 'waste_bins_subscription',
    department: 'vatten_avfall',
    group: 'Avfall',
    name: { sv: 'Sopkärl och abonnemang', en: 'Waste bins and subscription', ar: 'حاويات القمامة والاشتراك', fi: 'Jäteastiat ja jätehuoltosopimus' },
    description: {
      sv: 'Byte av kärlstorlek, nytt eller trasigt kärl, uppehåll i hämtning, kompostanmälan, kundnummer.',
      en: 'Changing bin size, new or broken bin, pausing collection, home composting, customer number.',
    },
    keywords: {
      sv: ['kärlstorlek', 'större kärl', 'mindre kärl', 'mindre sopkärl', 'nytt kärl', 'trasigt kärl', 'abonnemang', 'uppehåll i sophämtning', 'uppehåll i hämtning', 'kompostera', 'kompost', 'kundnummer', 'grovavfall', 'hämtning av grovavfall', 'slamtömning', 'slam', 'slamtömningen', 'latrin', 'latrinhämtning', 'fettavskiljare', 'trekammarbrunn', 'sopkärlet', 'kärl'],
      en: ['bigger bin', 'smaller bin', 'new bin', 'broken bin', 'bin size', 'subscription', 'customer number', 'pause collection', 'compost', 'composting', 'bulky waste', 'septic emptying', 'sludge', 'septic tank emptying', 'garden waste collection'],
      ar: ['حاويه جديده', 'حاويه اكبر', 'حاويه اصغر', 'رقم العميل', 'الاشتراك', 'سماد', 'تفريغ خزان الصرف'],
      fi: ['isompi astia', 'pienempi astia', 'uusi astia', 'asiakasnumero*', 'kompost*', 'jätesopimu*', 'tyhjennysväli*', 'lietteen*', 'lietteenty*', 'sakokaivo*', 'umpisäiliö*', 'jäteastiamme', 'jäteastian'],
    },
    firstLine: true,
    slaFirstResponseHours: 8,
    slaResolutionHours: 40,
    priority: 4,
    faultReport: false,
  },
  {
    code: 'recycling_sorting',
    department: 'vatten_avfall',
    group: 'Avfall',
    name: { sv: 'Återvinning och sortering', en: 'Recycling and sorting', ar: 'إعادة التدوير والفرز', fi: 'Kierrätys ja lajittelu' },
    description: {
      sv: 'Återvinningsstationer och återvinningscentraler, sortering, farligt avfall, elavfall och batterier.',
      en: 'Recycling stations and centres, sorting, hazardous waste, electronics and batteries.',
    },
    keywords: {
      sv: ['återvinning', 'återvinningsstation', 'återvinningsstationen', 'återvinningscentral', 'återvinningscentralen', 'sortera', 'sortering', 'farligt avfall', 'elavfall', 'batterier', 'glödlampor', 'lågenergilampor', 'lysrör', 'kartonger', 'förpackningar', 'slänga', 'slänger', 'grovsopor', 'återbruk', 'kretsloppspark', 'sopsortering', 'sortera avfall', 'textil', 'kläder till återvinning', 'metallskrot', 'färgrester', 'kemikalierester'],
      en: ['recycling', 'recycling station', 'recycling centre', 'recycling center', 'sorting', 'hazardous waste', 'batteries', 'electronics', 'light bulbs', 'packaging', 'get rid of', 'throw away', 'dump', 'reuse', 'waste sorting', 'recycle', 'textiles', 'scrap metal', 'paint leftovers'],
      ar: ['اعاده التدوير', 'محطه اعاده التدوير', 'فرز', 'النفايات الخطره', 'البطاريات', 'الكرتون', 'فرز النفايات', 'اعاده الاستخدام', 'الملابس القديمه'],
      fi: ['kierrätys*', 'kierrätysase*', 'kierrätyskeskus*', 'lajittel*', 'vaarallinen jäte', 'vaarallis*', 'paristo*', 'sähköromu*', 'pakkau*', 'kierrättä*', 'jätteiden lajittelu', 'tekstiili*', 'metalliromu*', 'maalijäte*'],
    },
    firstLine: true,
    slaFirstResponseHours: 8,
    slaResolutionHours: 40,
    priority: 4,
    faultReport: false,
  },
  {
    code: 'water_leak_sewer',
    department: 'vatten_avfall',
    group: 'Vatten och avlopp',
    name: { sv: 'Vattenläcka och avloppsstopp', en: 'Water leak and blocked sewer', ar: 'تسرب المياه وانسداد الصرف', fi: 'Vesivuoto ja viemäritukos' },
    description: {
      sv: 'Vattenläcka i gata eller mark, översvämning, avlopp som slagit tillbaka, brunnar, dagvatten.',
      en: 'Water main leaks, flooding, sewage backing up, drains and manholes, storm water.',
    },
    keywords: {
      sv: ['vattenläcka', 'läcker vatten', 'läcka', 'sprutar vatten', 'forsar', 'översvämning', 'översvämmad', 'svämmar över', 'avlopp', 'avloppet', 'avloppsstopp', 'stopp i avloppet', 'slagit tillbaka', 'källaren', 'brunn', 'brunnslock', 'dagvatten', 'vattenavstängning', 'vattenledning', 'luktar avlopp', 'avloppslukt', 'bräddning', 'pumpstation', 'spolbil', 'vattenrör', 'rörbrott', 'avloppsrör'],
      en: ['water leak', 'leak', 'leaking', 'burst pipe', 'water main', 'flooding', 'flooded', 'gushing', 'sewer', 'sewage', 'drain', 'blocked drain', 'manhole', 'basement', 'sewage smell', 'pipe', 'pipes', 'water main burst'],
      ar: ['تسرب المياه', 'تسرب', 'فيضان', 'المجاري', 'الصرف الصحي', 'انسداد', 'غرفه التفتيش', 'القبو', 'رائحه الصرف', 'انفجار الانبوب', 'انبوب'],
      fi: ['vesivuo*', 'vuotaa', 'vuoto*', 'tulva*', 'viemäri*', 'tukos*', 'kaivo*', 'kaivonkan*', 'kellari*', 'hulevesi*', 'viemärin haju', 'putki*', 'putkirikko*', 'vesiputki*'],
    },
    firstLine: false,
    slaFirstResponseHours: 1,
    slaResolutionHours: 8,
    priority: 1,
    faultReport: true,
    public: true,
  },
  {
    code: 'drinking_water_billing',
    department: 'vatten_avfall',
    group: 'Vatten och avlopp',
    name: { sv: 'Dricksvatten, VA-anslutning och vattenräkning', en: 'Drinking water, connection and water bill', ar: 'مياه الشرب والتوصيل وفاتورة المياه', fi: 'Juomavesi, liittyminen ja vesilasku' },
    description: {
      sv: 'Vattenkvalitet, missfärgat vatten, lågt tryck, kokningsrekommendation, anslutning till kommunalt VA, vattenmätare och räkning.',
      en: 'Water quality, discoloured water, low pressure, boil-water advice, connection to municipal water, meter and bill.',
    },
    keywords: {
      sv: ['dricksvatten', 'dricksvattnet', 'kranvatten', 'vattnet', 'brunt vatten', 'missfärgat', 'vattentryck', 'lågt tryck', 'kokningsrekommendation', 'koka vattnet', 'kommunalt vatten', 'kommunalt va', 'va-anslutning', 'vattenmätare', 'mätaren', 'mätarnummer', 'vattenräkning', 'vattenräkningen', 'va-taxa', 'inget vatten', 'vattnet är avstängt', 'avstängt vatten', 'vattenavbrott', 'vattenkvalitet', 'hårt vatten', 'kalk', 'klor', 'smakar konstigt', 'smakar', 'luktar konstigt', 'gult vatten', 'grumligt', 'tryck i kranen', 'kranarna'],
      en: ['drinking water', 'tap water', 'brown water', 'discoloured water', 'water pressure', 'low pressure', 'boil water', 'boil-water', 'water meter', 'water bill', 'water connection', 'municipal water', 'no water', 'water cut', 'water is off', 'water shut off', 'water quality', 'hard water', 'limescale', 'chlorine', 'tastes', 'yellow water', 'cloudy water', 'taps'],
      ar: ['مياه الشرب', 'ماء الحنفيه', 'ضغط الماء', 'ضغط المياه', 'غلي الماء', 'عداد المياه', 'فاتوره المياه', 'انقطاع المياه', 'لا يوجد ماء', 'جوده المياه', 'طعم الماء', 'طعم غريب', 'لون اصفر', 'امن للشرب', 'الحنفيه'],
      fi: ['juomave*', 'vesijohtove*', 'vedenpain*', 'keittosuositu*', 'keittäkää', 'vesimittari*', 'vesilasku*', 'vesihuol*', 'kunnallinen vesi', 'vesikatko*', 'ei vettä', 'vedenlaatu*', 'kalkki*', 'kloori*', 'maistuu', 'hana*', 'juomakelpoi*'],
    },
    firstLine: false,
    slaFirstResponseHours: 4,
    slaResolutionHours: 40,
    priority: 2,
    faultReport: true,
  },

  // ---------------------------------------------------------------- miljo
  {
    code: 'noise_nuisance',
    department: 'miljo',
    group: 'Miljö och hälsa',
    name: { sv: 'Buller och störningar', en: 'Noise and nuisance', ar: 'الضوضاء والإزعاج', fi: 'Melu ja häiriöt' },
    description: {
      sv: 'Störande ljud från fläktar, musik i lokaler, byggarbetsplatser, verksamheter och trafik; tomgångskörning.',
      en: 'Disturbing noise from fans, music venues, construction sites, businesses and traffic; idling engines.',
    },
    keywords: {
      sv: ['buller', 'bullret', 'bullrar', 'oväsen', 'störande ljud', 'hög musik', 'fläkt', 'fläkten', 'byggbuller', 'byggarbetsplats', 'byggarbetsplatsen', 'tomgång', 'tomgångskörning', 'lövblåsare', 'gräsklippare', 'avgaser', 'värmepump buller', 'ventilationsbuller', 'skäller', 'hög volym', 'vibrationer', 'dygnet runt'],
      en: ['noise', 'noisy', 'loud music', 'construction noise', 'building site', 'fan noise', 'idling', 'exhaust fumes', 'leaf blower', 'lawn mower', 'loud', 'vibrations', 'barking', 'heat pump noise', 'around the clock'],
      ar: ['ضوضاء', 'ازعاج', 'صوت عالي', 'موسيقى عاليه', 'اعمال البناء', 'صوت مرتفع', 'اهتزازات', 'نباح'],
      fi: ['melu*', 'meteli*', 'kovaa musiikkia', 'tyhjäkäyn*', 'pakokaasu*', 'tärin*', 'haukku*', 'äänekäs'],
    },
    firstLine: false,
    slaFirstResponseHours: 16,
    slaResolutionHours: 160,
    priority: 3,
    faultReport: false,
  },
  {
    code: 'food_safety',
    department: 'miljo',
    group: 'Miljö och hälsa',
    name: { sv: 'Livsmedelskontroll', en: 'Food safety', ar: 'سلامة الأغذية', fi: 'Elintarvikevalvonta' },
    description: {
      sv: 'Registrering av livsmedelsanläggning, klagomål på hygien i restauranger och butiker, matförgiftning, kontrollresultat.',
      en: 'Registering a food business, hygiene complaints about restaurants and shops, food poisoning, inspection results.',
    },
    keywords: {
      sv: ['livsmedel', 'livsmedelsanläggning', 'livsmedelskontroll', 'registrering av livsmedelsanläggning', 'hygien', 'matförgiftning', 'restaurangkontroll', 'restaurangkontroller', 'inspektion', 'kontrollresultat', 'tvättar inte händerna', 'bageri', 'livsmedelsbutik', 'matbutik', 'utgånget datum', 'bäst före', 'skämd mat', 'ruttet', 'livsmedelsinspektör', 'salmonella', 'allergen'],
      en: ['food safety', 'food business', 'food hygiene', 'hygiene', 'food poisoning', 'restaurant inspection', 'inspection results', 'washing their hands', 'bakery', 'food registration', 'expired food', 'spoiled food', 'rotten food', 'food inspector', 'salmonella', 'allergens', 'kitchen hygiene'],
      ar: ['سلامه الاغذيه', 'النظافه', 'تسمم غذائي', 'تفتيش المطاعم', 'تسجيل المطعم', 'طعام فاسد', 'الطعام الفاسد', 'منتهي الصلاحيه', 'تسمم'],
      fi: ['elintarvik*', 'ruokamyrkytys*', 'hygieni*', 'ravintolatarkast*', 'tarkastustulo*', 'oiva', 'pilaantun*', 'vanhentunut ruoka', 'salmonell*', 'allergeeni*'],
    },
    firstLine: false,
    slaFirstResponseHours: 16,
    slaResolutionHours: 120,
    priority: 3,
    faultReport: false,
  },
  {
    code: 'indoor_environment_pests',
    department: 'miljo',
    group: 'Miljö och hälsa',
    name: { sv: 'Inomhusmiljö, mögel och skadedjur', en: 'Indoor environment, mould and pests', ar: 'البيئة الداخلية والعفن والآفات', fi: 'Sisäilma, home ja tuholaiset' },
    description: {
      sv: 'Mögel och fukt i bostäder, dålig ventilation, råttor, möss, kackerlackor, duvor, lukt.',
      en: 'Mould and damp in homes, poor ventilation, rats, mice, cockroaches, pigeons, odours.',
    },
    keywords: {
      sv: ['mögel', 'möglet', 'fukt', 'fuktskada', 'ventilation', 'inomhusmiljö', 'råttor', 'råtta', 'möss', 'kackerlackor', 'vägglöss', 'ohyra', 'skadedjur', 'duvor', 'duvskit', 'stank', 'radon', 'radonvärden', 'radonmätning', 'getingar', 'getingbo', 'myror', 'silverfiskar', 'hyresvärden', 'hyresvärd', 'inomhustemperatur', 'kallt i lägenheten', 'drag', 'hälsoskydd', 'miljöinspektör', 'tillsyn', 'hiss', 'hissen'],
      en: ['mould', 'mold', 'damp', 'moisture', 'ventilation', 'indoor air', 'rats', 'mice', 'cockroaches', 'bedbugs', 'pests', 'vermin', 'pigeons', 'stench', 'radon', 'wasps', 'wasp nest', 'ants', 'silverfish', 'landlord', 'indoor temperature', 'cold apartment', 'health protection', 'environmental inspector'],
      ar: ['عفن', 'العفن', 'رطوبه', 'التهويه', 'فئران', 'الفئران', 'جرذان', 'صراصير', 'حشرات', 'بق الفراش', 'رادون', 'دبابير', 'نمل', 'صاحب البيت', 'البرد في الشقه'],
      fi: ['hometta', 'homeongelm*', 'kosteu*', 'kosteusvauri*', 'ilmanvaih*', 'sisäilma*', 'rotta', 'rotat', 'rottia', 'hiiri*', 'hiiriä', 'torakk*', 'lutik*', 'tuholai*', 'kyyhky*', 'radon*', 'ampiai*', 'muurahai*', 'sokeritoukk*', 'vuokranantaja*', 'asuntojen lämpötila', 'terveydensuojelu*'],
    },
    firstLine: false,
    slaFirstResponseHours: 16,
    slaResolutionHours: 160,
    priority: 3,
    faultReport: false,
  },
  {
    code: 'burning_pollution',
    department: 'miljo',
    group: 'Miljö och hälsa',
    name: { sv: 'Eldning, rök och föroreningar', en: 'Burning, smoke and pollution', ar: 'الحرق والدخان والتلوث', fi: 'Polttaminen, savu ja saasteet' },
    description: {
      sv: 'Eldning av trädgårdsavfall, rök från vedeldning, eldningsförbud, utsläpp i vatten och mark, badvattenkvalitet, djurhållning.',
      en: 'Burning garden waste, wood-stove smoke, fire bans, discharges into water and soil, bathing water quality, keeping animals.',
    },
    keywords: {
      sv: ['elda', 'eldar', 'eldning', 'eldningsförbud', 'rök', 'röken', 'vedeldning', 'vedspis', 'skorsten', 'utsläpp', 'kemikalier', 'kemikalielukt', 'förorening', 'förorenad', 'döda fiskar', 'oljespill', 'badvatten', 'badvattnet', 'badplats', 'höns', 'djurhållning', 'miljöfarlig', 'luftkvalitet', 'luftföroreningar', 'damning', 'invasiva arter', 'jätteloka', 'blomsterlupin', 'gödsel', 'hästgödsel', 'måsar', 'fågelmatning', 'nedgrävt avfall', 'markförorening', 'oljeläckage', 'dammar från'],
      en: ['burning', 'bonfire', 'smoke', 'wood stove', 'chimney', 'fire ban', 'pollution', 'polluted', 'chemical', 'chemicals', 'oil spill', 'dead fish', 'bathing water', 'beach water', 'water tests', 'chickens', 'hens', 'air quality', 'air pollution', 'dust', 'invasive species', 'giant hogweed', 'manure', 'seagulls', 'contaminated soil', 'oil leak'],
      ar: ['حرق', 'دخان', 'الدخان', 'مدخنه', 'تلوث', 'مواد كيميائيه', 'اسماك ميته', 'مياه السباحه', 'جوده الهواء', 'تلوث الهواء', 'غبار', 'سماد حيواني', 'زيت'],
      fi: ['polttami*', 'polttaa', 'savu*', 'tulisija*', 'savupiipp*', 'tulentekokiel*', 'saaste*', 'päästö*', 'kemikaali*', 'kuolleita kaloja', 'uimave*', 'kanoja', 'ilmanlaatu*', 'ilmansaaste*', 'pöly*', 'vieraslaj*', 'jättiputk*', 'lanta*', 'lokki*', 'maaperän pilaantu*', 'öljyvuoto*'],
    },
    firstLine: false,
    slaFirstResponseHours: 8,
    slaResolutionHours: 120,
    priority: 2,
    faultReport: false,
  },
  {
    code: 'environmental_permits',
    department: 'miljo',
    group: 'Tillstånd och anmälan',
    name: { sv: 'Enskilt avlopp, värmepump och miljötillstånd', en: 'Private sewage, heat pumps and environmental permits', ar: 'الصرف الخاص والمضخات الحرارية والتصاريح البيئية', fi: 'Kiinteistökohtainen jätevesi, lämpöpumput ja ympäristöluvat' },
    description: {
      sv: 'Tillstånd för enskilt avlopp, anmälan om bergvärme/värmepump, miljöfarlig verksamhet.',
      en: 'Permits for private sewage systems, notification of ground-source heat pumps, environmentally hazardous activities.',
    },
    keywords: {
      sv: ['enskilt avlopp', 'avloppsanläggning', 'trekammarbrunn', 'infiltration', 'bergvärme', 'värmepump', 'borrning', 'energibrunn', 'anmälningsplikt', 'miljötillstånd', 'miljöfarlig verksamhet', 'cistern', 'lantbruk', 'djurhållning tillstånd', 'strålskydd', 'solarium', 'tatuering', 'hygienlokal', 'frisör', 'bassängbad'],
      en: ['private sewage', 'septic tank', 'septic system', 'ground source heat', 'geothermal', 'heat pump', 'drilling', 'environmental permit', 'tattoo', 'tattoo studio', 'solarium', 'hairdresser', 'beauty salon'],
      ar: ['صرف صحي خاص', 'خزان الصرف', 'مضخه حراريه', 'حفر بئر', 'تصريح بيئي', 'وشم', 'صالون تجميل', 'حلاق'],
      fi: ['jätevesijärjestelm*', 'saostuskaivo*', 'maalämpö*', 'lämpöpumpp*', 'porakaivo*', 'ympäristölu*', 'tatuoin*', 'solaari*', 'kauneushoitol*', 'parturi*'],
    },
    firstLine: false,
    slaFirstResponseHours: 16,
    slaResolutionHours: 240,
    priority: 4,
    faultReport: false,
  },

  // ---------------------------------------------------------------- omsorg
  {
    code: 'home_care',
    department: 'omsorg',
    group: 'Äldreomsorg',
    name: { sv: 'Hemtjänst', en: 'Home care', ar: 'الخدمة المنزلية', fi: 'Kotihoito' },
    description: {
      sv: 'Ansökan om hemtjänst, utökad hemtjänst, uteblivna eller sena besök, synpunkter på personalen, trygghetslarm, matdistribution.',
      en: 'Applying for home care, more help, missed or late visits, feedback on staff, personal alarms, meal delivery.',
    },
    keywords: {
      sv: ['hemtjänst', 'hemtjänsten', 'hemtjänstgruppen', 'hemtjänstpersonal', 'omsorgspersonal', 'kvällsbesök', 'insulin', 'medicinering', 'mediciner', 'dusch', 'trygghetslarm', 'matlåda', 'matlådor', 'matdistribution', 'biståndshandläggare', 'omvårdnad', 'demens', 'alzheimer', 'alzheimers', 'hemsjukvård', 'hemsjukvården', 'sjuksköterska', 'kvällsmedicin', 'medicin', 'ramlat', 'fallit', 'fallolycka', 'trygghetslarmet', 'hemtjänsttimmar', 'omsorgstagare', 'vårdtagare', 'äldreomsorg', 'äldreomsorgen', 'matdistributionen', 'ensamhet', 'ensam och isolerad'],
      en: ['home care', 'home help', 'home carer', 'carers', 'care staff', 'evening visit', 'care visit', 'nobody came', 'medication', 'insulin', 'personal alarm', 'safety alarm', 'meals on wheels', 'meal delivery', 'dementia', 'alzheimer', 'home nursing', 'district nurse', 'medicine', 'fell at home', 'fallen at home', 'has fallen', 'elderly care', 'lonely', 'loneliness'],
      ar: ['الخدمه المنزليه', 'المساعده المنزليه', 'موظفو الخدمه', 'الدواء', 'دواءها', 'الادويه', 'انسولين', 'انذار الامان', 'الخرف', 'الزهايمر', 'التمريض المنزلي', 'ممرضه', 'سقطت', 'سقط', 'الوحده', 'دواء'],
      fi: ['kotihoi*', 'kotipalvelu*', 'kotikäyn*', 'lääkke*', 'lääkitys*', 'insuliini*', 'turvaranneke*', 'turvahälyt*', 'ateriapalvelu*', 'muistisairau*', 'dementi*', 'kotisairaanhoi*', 'sairaanhoitaj*', 'kaatui', 'kaatunut kotona', 'yksinäi*', 'suihku*'],
    },
    firstLine: false,
    slaFirstResponseHours: 4,
    slaResolutionHours: 40,
    priority: 2,
    faultReport: false,
  },
  {
    code: 'elderly_housing',
    department: 'omsorg',
    group: 'Äldreomsorg',
    name: { sv: 'Äldreboende och korttidsvistelse', en: 'Nursing homes and short-term care', ar: 'دور رعاية المسنين والإقامة القصيرة', fi: 'Hoivakodit ja lyhytaikaishoito' },
    description: {
      sv: 'Särskilt boende för äldre, korttidsboende, avlösning, dagverksamhet, seniorboende.',
      en: 'Nursing homes, short-term stays, respite care, day centres for the elderly.',
    },
    keywords: {
      sv: ['äldreboende', 'äldreboendet', 'särskilt boende', 'vårdboende', 'demensboende', 'demensavdelning', 'korttidsboende', 'korttidsvistelse', 'korttids', 'avlastning', 'avlösning', 'anhörigstöd', 'dagverksamhet', 'seniorboende', 'äldre', 'pensionär', 'trygghetsboende', 'servicehus', 'seniorlägenhet', 'vård och omsorgsboende', 'hemmet för äldre', 'pensionärer'],
      en: ['nursing home', 'care home', 'elderly care', 'old people', 'elderly', 'short-term care', 'short stay', 'respite', 'respite care', 'day centre', 'day care for', 'carer support', 'senior', 'assisted living', 'sheltered housing', 'retirement home', 'pensioners'],
      ar: ['دار المسنين', 'دار رعايه', 'رعايه المسنين', 'كبار السن', 'المسنين', 'رعايه نهاريه', 'اقامه قصيره', 'سكن للمسنين', 'المتقاعدين'],
      fi: ['vanhainkoti*', 'vanhainkodi*', 'hoivakoti*', 'hoivakodi*', 'palvelutalo*', 'ympärivuorokautinen', 'lyhytaikaishoi*', 'intervallihoi*', 'omaishoi*', 'päivätoiminta*', 'vanhu*', 'ikäihmi*', 'ikääntyne*', 'palveluasu*', 'senioriasu*', 'eläkelai*'],
    },
    firstLine: false,
    slaFirstResponseHours: 8,
    slaResolutionHours: 80,
    priority: 3,
    faultReport: false,
  },
  {
    code: 'disability_support_lss',
    department: 'omsorg',
    group: 'Funktionsstöd',
    name: { sv: 'Stöd enligt LSS', en: 'Disability support (LSS)', ar: 'دعم ذوي الإعاقة (LSS)', fi: 'Vammaispalvelut (LSS)' },
    description: {
      sv: 'Gruppbostad, daglig verksamhet, ledsagarservice, kontaktperson, personlig assistans, korttidstillsyn.',
      en: 'Group homes, daily activities, companion service, contact person, personal assistance for people with disabilities.',
    },
    keywords: {
      sv: ['lss', 'funktionsnedsättning', 'intellektuell funktionsnedsättning', 'funktionshinder', 'gruppbostad', 'servicebostad', 'daglig verksamhet', 'ledsagarservice', 'ledsagare', 'kontaktperson', 'personlig assistans', 'korttidstillsyn', 'autism', 'downs syndrom', 'rullstol', 'färdtjänst', 'färdtjänsten', 'hjälpmedel', 'rollator', 'rehabilitering', 'arbetsterapeut', 'boendestöd', 'socialpsykiatri', 'psykisk funktionsnedsättning', 'assistans'],
      en: ['lss', 'disability', 'disabilities', 'disabled', 'group home', 'supported living', 'daily activity', 'daily activities', 'companion service', 'contact person', 'personal assistance', 'autism', 'down syndrome', 'wheelchair', 'transport service', 'mobility service', 'färdtjänst', 'walking aid', 'rollator', 'rehabilitation', 'occupational therapist', 'supported housing'],
      ar: ['lss', 'اعاقه', 'الاعاقه', 'ذوي الاعاقه', 'سكن جماعي', 'مساعد شخصي', 'التوحد', 'متلازمه داون', 'كرسي متحرك', 'خدمه النقل', 'ادوات مساعده', 'مشايه', 'اعاده التاهيل', 'كرسي'],
      fi: ['lss', 'vamma*', 'vammai*', 'kehitysvamm*', 'ryhmäkoti*', 'päivätoimin*', 'henkilökohtainen apu', 'henkilökohtai* avustaj*', 'autismi*', 'pyörätuoli*', 'kuljetuspalvelu*', 'apuväline*', 'rollaattori*', 'kuntoutu*', 'toimintaterapeut*', 'asumispalvelu*'],
    },
    firstLine: false,
    slaFirstResponseHours: 8,
    slaResolutionHours: 120,
    priority: 3,
    faultReport: false,
  },

  // ---------------------------------------------------------------- utbildning
  {
    code: 'preschool',
    department: 'utbildning',
    group: 'Förskola',
    name: { sv: 'Förskola och pedagogisk omsorg', en: 'Preschool', ar: 'الروضة', fi: 'Varhaiskasvatus' },
    description: {
      sv: 'Förskoleplats, kö och placering, förskolans verksamhet och personal, omsorg på obekväm tid.',
      en: 'Preschool places, queue and placement, preschool activities and staff, out-of-hours childcare.',
    },
    keywords: {
      sv: ['förskola', 'förskolan', 'förskoleplats', 'förskolekö', 'förskoleklass', 'dagis', 'pedagoger', 'barnomsorg', 'pedagogisk omsorg', 'inskolning', 'lämningen', 'hämtning på förskolan', 'förskoleplacering', 'förskolekön', 'omsorg på obekväm tid', 'nattis', 'barnskötare', 'förskollärare', 'lämna på förskolan'],
      en: ['preschool', 'pre-school', 'kindergarten', 'nursery', 'daycare', 'childcare', 'preschool place', 'preschool queue', 'drop-off', 'apply for preschool', 'nursery place', 'childminder'],
      ar: ['الروضه', 'روضه', 'روضه الاطفال', 'الحضانه', 'حضانه', 'رعايه الاطفال', 'مكان في الروضه', 'التقديم على الروضه'],
      fi: ['päiväkoti*', 'päiväkodi*', 'varhaiskasvatu*', 'esiopetu*', 'esikoulu*', 'hoitopaik*', 'päivähoi*', 'varhaiskasvatuspaik*', 'hoitopaikka*', 'perhepäivähoi*'],
    },
    firstLine: false,
    slaFirstResponseHours: 8,
    slaResolutionHours: 80,
    priority: 3,
    faultReport: false,
  },
  {
    code: 'school_placement_transport',
    department: 'utbildning',
    group: 'Grundskola och gymnasium',
    name: { sv: 'Skolplacering, skolbyte, skolskjuts och ledighet', en: 'School placement, transfers, school transport and leave', ar: 'التسجيل في المدرسة والنقل والنقل المدرسي والإجازة', fi: 'Koulupaikka, koulun vaihto, koulukuljetus ja loma' },
    description: {
      sv: 'Skolval och skolbyte, nyanlända elever, skolskjuts, ledighetsansökan, modersmålsundervisning, fritidshem, gymnasieval.',
      en: 'School choice and transfers, newly arrived pupils, school transport, leave of absence, mother-tongue tuition, after-school care, upper secondary.',
    },
    keywords: {
      sv: ['skola', 'skolan', 'grundskola', 'grundskolan', 'skolplacering', 'skolval', 'byta skola', 'skolbyte', 'skolskjuts', 'ledighet', 'ledighetsansökan', 'modersmål', 'modersmålsundervisning', 'fritidshem', 'elev', 'eleven', 'elever', 'åk', 'årskurs', 'klass', 'lärare', 'rektor', 'gymnasiet', 'gymnasieskola', 'språkintroduktion', 'läxor', 'betyg', 'specialkost', 'terminen', 'skolmat', 'skollunch', 'matsedel', 'skolgård', 'skolgården', 'utvecklingssamtal', 'föräldramöte', 'sjukanmälan', 'sjukanmäla', 'sportlov', 'läsårstider', 'läsår', 'skolstart', 'särskola', 'anpassad grundskola', 'gymnasieantagning', 'antagning', 'nationella prov', 'mentor', 'skolkort', 'elevdator', 'skolresa', 'utflykt', 'studiehandledning', 'nyanländ', 'nyanlända', 'introduktionsprogram', 'vegetariskt'],
      en: ['school', 'schools', 'pupil', 'pupils', 'student', 'grade', 'class', 'teacher', 'headteacher', 'principal', 'school change', 'change school', 'school transport', 'school bus', 'leave of absence', 'mother tongue', 'after-school', 'upper secondary', 'homework', 'grades', 'school lunch', 'school meals', 'school food', 'schoolyard', 'parent meeting', 'parent-teacher', 'report sick', 'school holidays', 'term dates', 'school year', 'admission', 'national tests', 'school card', 'school trip', 'newly arrived', 'lessons at school', 'classes at school'],
      ar: ['المدرسه', 'مدرسه', 'التسجيل في المدرسه', 'النقل المدرسي', 'تلميذ', 'تلاميذ', 'الطلاب', 'الصف', 'المعلم', 'المعلمه', 'مدير المدرسه', 'لغه الام', 'الثانويه', 'الواجبات', 'الوجبات المدرسيه', 'ساحه المدرسه', 'اجتماع اولياء الامور', 'العطله المدرسيه', 'العام الدراسي', 'القبول', 'الامتحانات', 'رحله مدرسيه', 'وصلنا حديثا'],
      fi: ['koulu*', 'peruskoulu*', 'koulupaik*', 'koulukuljetu*', 'koulukyydi*', 'oppila*', 'luokka', 'luokalla', 'opettaj*', 'rehtori*', 'lukio*', 'äidinkiel*', 'kotitehtäv*', 'kouluruoka*', 'kouluateri*', 'koulupiha*', 'vanhempainilta*', 'sairausilmoitu*', 'lukuvuo*', 'oppilaaksiotto*', 'luokkaretki*', 'koulukyyti*', 'kyyti'],
    },
    firstLine: false,
    slaFirstResponseHours: 8,
    slaResolutionHours: 80,
    priority: 3,
    faultReport: false,
  },
  {
    code: 'pupil_welfare_bullying',
    department: 'utbildning',
    group: 'Grundskola och gymnasium',
    name: { sv: 'Elevhälsa, särskilt stöd och kränkande behandling', en: 'Pupil welfare, special support and bullying', ar: 'صحة التلاميذ والدعم الخاص والتنمر', fi: 'Oppilashuolto, tuki ja kiusaaminen' },
    description: {
      sv: 'Mobbning och kränkande behandling, särskilt stöd, elevhälsa, skolsköterska, anmälan till huvudmannen.',
      en: 'Bullying and degrading treatment, special educational support, pupil health services, school nurse.',
    },
    keywords: {
      sv: ['mobbning', 'mobbad', 'mobbas', 'kränkning', 'kränkande behandling', 'slagen av andra elever', 'särskilt stöd', 'åtgärdsprogram', 'elevhälsa', 'elevhälsan', 'skolsköterska', 'kurator', 'specialpedagog', 'adhd', 'skolfrånvaro', 'hemmasittare', 'frånvaro', 'frånvarande', 'skolk', 'skolka', 'mår dåligt i skolan', 'skolpsykolog', 'likabehandling', 'trakasserier', 'anmälan till skolinspektionen', 'skolinspektionen'],
      en: ['bullying', 'bullied', 'harassment at school', 'special support', 'special needs', 'pupil health', 'school nurse', 'school counsellor', 'adhd', 'absence from school', 'absent', 'absence', 'truancy', 'school psychologist', 'discrimination at school', 'school inspectorate'],
      ar: ['التنمر', 'تنمر', 'يتعرض للتنمر', 'دعم خاص', 'ممرضه المدرسه', 'المرشد الطلابي', 'الغياب', 'غياب', 'الاخصائي النفسي'],
      fi: ['kiusa*', 'koulukiusa*', 'erityistu*', 'tehostettu tuki', 'oppilashuol*', 'kouluterveydenhoitaj*', 'kuraattori*', 'poissaol*', 'koulupsykolog*', 'koulukiusaami*', 'syrjintä*'],
    },
    firstLine: false,
    slaFirstResponseHours: 8,
    slaResolutionHours: 80,
    priority: 2,
    faultReport: false,
  },

  // ---------------------------------------------------------------- kultur_fritid
  {
    code: 'library',
    department: 'kultur_fritid',
    group: 'Kultur',
    name: { sv: 'Bibliotek', en: 'Libraries', ar: 'المكتبات', fi: 'Kirjastot' },
    description: {
      sv: 'Bibliotekens öppettider och utbud, böcker och tidningar på olika språk, språkcafé, lånekort.',
      en: 'Library opening hours and collections, books and newspapers in many languages, language café, library card.',
    },
    keywords: {
      sv: ['bibliotek', 'biblioteket', 'biblioteken', 'stadsbiblioteket', 'böcker', 'ljudböcker', 'lånekort', 'låna böcker', 'språkcafé', 'tidningar', 'e-böcker', 'låna', 'lån', 'reservera', 'fjärrlån', 'bibliotekskort', 'meröppet', 'läsecirkel', 'författarbesök'],
      en: ['library', 'libraries', 'books', 'audiobooks', 'library card', 'language café', 'language cafe', 'newspapers', 'e-books', 'borrow', 'loan', 'renew', 'reserve a book', 'reading'],
      ar: ['المكتبه', 'مكتبه', 'كتب', 'الكتب', 'بطاقه المكتبه', 'الصحف', 'مقهى اللغه', 'استعاره', 'كتب الكترونيه', 'قراءه'],
      fi: ['kirjasto*', 'kirjoja', 'kirjat', 'äänikirj*', 'kirjastokort*', 'lehti*', 'lehdet', 'lehtiä', 'kielikahvil*', 'lainata', 'laina*', 'e-kirj*', 'varata kirja'],
    },
    firstLine: true,
    slaFirstResponseHours: 8,
    slaResolutionHours: 40,
    priority: 5,
    faultReport: false,
  },
  {
    code: 'sports_swimming_facilities',
    department: 'kultur_fritid',
    group: 'Idrott och fritid',
    name: { sv: 'Idrottsanläggningar, simhallar och bokning', en: 'Sports facilities, swimming pools and bookings', ar: 'المنشآت الرياضية والمسابح والحجز', fi: 'Liikuntapaikat, uimahallit ja varaukset' },
    description: {
      sv: 'Simhallar och simskola, idrottshallar, fotbollsplaner, elljusspår, bokning av lokaler och tider.',
      en: 'Swimming pools and lessons, sports halls, football pitches, booking halls and times.',
    },
    keywords: {
      sv: ['simhall', 'simhallen', 'badhus', 'simskola', 'simskolan', 'bassäng', 'allmänhetens bad', 'idrottshall', 'sporthall', 'gympasal', 'gympasalen', 'fotbollsplan', 'fotbollsplanen', 'konstgräsplan', 'idrottsplats', 'ip', 'elljusspår', 'ishall', 'klätterväg', 'skatepark', 'tider i hallen', 'innebandy', 'boka lokal', 'boka hallen', 'boka salen', 'motionsspår', 'elljusspåret', 'skidspår', 'spår', 'isbana', 'skridskor', 'badplats', 'badplatsen', 'strandbad', 'friluftsbad', 'utomhusbad', 'bastu', 'gym', 'friluftsliv', 'vandringsled', 'vandringsleder', 'spontanidrott', 'idrottsförening'],
      en: ['swimming pool', 'swimming', 'swimming lessons', 'public swimming', 'sports hall', 'gym hall', 'football pitch', 'pitch', 'cricket', 'sports ground', 'ice rink', 'climbing wall', 'skate park', 'book the hall', 'running track', 'ski track', 'ski trails', 'skating', 'ice skating', 'beach', 'outdoor pool', 'sauna', 'gym', 'hiking trail', 'trail', 'sports club'],
      ar: ['مسبح', 'المسبح', 'سباحه', 'دروس سباحه', 'قاعه رياضيه', 'ملعب كره القدم', 'نادي رياضي', 'رياضه', 'حجز القاعه', 'التزلج', 'الشاطئ', 'ساونا', 'صاله رياضيه', 'مسار المشي', 'نادي'],
      fi: ['uimahalli*', 'uima*', 'uimakoulu*', 'liikuntahalli*', 'liikuntapaik*', 'urheilu*', 'jalkapallokent*', 'jäähalli*', 'salivuoro*', 'latu*', 'luistel*', 'uimaranta*', 'sauna*', 'kuntosali*', 'retkeilyrei*', 'kuntorata*', 'valaistu kuntorata'],
    },
    firstLine: true,
    slaFirstResponseHours: 8,
    slaResolutionHours: 40,
    priority: 4,
    faultReport: false,
  },
  {
    code: 'youth_leisure_activities',
    department: 'kultur_fritid',
    group: 'Idrott och fritid',
    name: { sv: 'Fritidsgårdar och aktiviteter för unga', en: 'Youth centres and leisure activities', ar: 'مراكز الشباب والأنشطة الترفيهية', fi: 'Nuorisotalot ja vapaa-ajan toiminta' },
    description: {
      sv: 'Fritidsgårdar, Ungdomens hus, lovaktiviteter, sommarläger, kulturskola och aktiviteter för barn och unga.',
      en: 'Youth centres, holiday activities, summer camps, arts school and activities for children and young people.',
    },
    keywords: {
      sv: ['fritidsgård', 'fritidsgården', 'ungdomens hus', 'ungdomar', 'lovaktiviteter', 'sommarlovsaktiviteter', 'sommarläger', 'kulturskola', 'kulturskolan', 'aktiviteter för unga', 'fritidsaktiviteter', 'disco', 'fritidsledare', 'sommarlov', 'sommarlovet', 'lovet', 'dans', 'dansskola', 'musikskola', 'teatergrupp', 'ungdomsgård', 'fritidsbank', 'fritidskort', 'aktiviteter för barn'],
      en: ['youth centre', 'youth center', 'teenagers', 'young people', 'summer camp', 'holiday activities', 'free activities', 'activities for kids', 'arts school', 'music school', 'dance', 'dance classes', 'music courses', 'youth club', 'summer holidays', 'after-school activities'],
      ar: ['مركز الشباب', 'الشباب', 'انشطه', 'نشاطات', 'مخيم صيفي', 'نادي للفتيات', 'رقص', 'موسيقى', 'دروس الموسيقى', 'العطله الصيفيه'],
      fi: ['nuorisotalo*', 'nuoriso*', 'nuorille', 'harrastu*', 'kesäleiri*', 'lomatoimin*', 'musiikkiopisto*', 'taidekoulu*', 'tanssi*', 'musiikkikoulu*', 'kesäloma*', 'kerho*'],
    },
    firstLine: true,
    slaFirstResponseHours: 8,
    slaResolutionHours: 40,
    priority: 4,
    faultReport: false,
  },
  {
    code: 'culture_events_grants',
    department: 'kultur_fritid',
    group: 'Kultur',
    name: { sv: 'Kultur, evenemang och föreningsbidrag', en: 'Culture, events and grants to associations', ar: 'الثقافة والفعاليات ومنح الجمعيات', fi: 'Kulttuuri, tapahtumat ja avustukset' },
    description: {
      sv: 'Konserter, festivaler och utställningar, föreningsbidrag, arrangemangsbidrag, kulturstöd, föreningsregister.',
      en: 'Concerts, festivals and exhibitions, grants for associations and events, support for culture.',
    },
    keywords: {
      sv: ['kultur', 'kulturfestival', 'festival', 'musikfestival', 'konsert', 'utställning', 'teater', 'föreningsbidrag', 'arrangemangsbidrag', 'startbidrag', 'kulturstöd', 'förening', 'föreningen', 'museum', 'museet', 'stadsmuseet', 'konsthall', 'konsthallen', 'kulturhus', 'bio', 'evenemang', 'evenemangskalender', 'kulturarv', 'hembygdsgård', 'konstnär', 'föreställning', 'entré'],
      en: ['culture', 'cultural', 'festival', 'concert', 'exhibition', 'theatre', 'grant for our association', 'association grant', 'event grant', 'club', 'association', 'museum', 'art gallery', 'cinema', 'events', 'event calendar', 'heritage', 'performance', 'entrance fee', 'admission fee'],
      ar: ['ثقافه', 'الثقافه', 'مهرجان', 'حفله موسيقيه', 'معرض', 'مسرح', 'جمعيه', 'منحه للجمعيه', 'متحف', 'المتحف', 'معرض فني', 'سينما', 'فعاليات', 'عرض مسرحي'],
      fi: ['kulttuuri*', 'festivaal*', 'konsert*', 'näyttely*', 'teatteri*', 'yhdistys*', 'kohdeavustu*', 'toiminta-avustu*', 'museo*', 'taidenäyttely*', 'elokuv*', 'tapahtum*', 'kulttuuriperin*', 'esity*', 'pääsymaksu*'],
    },
    firstLine: false,
    slaFirstResponseHours: 16,
    slaResolutionHours: 160,
    priority: 5,
    faultReport: false,
  },

  // ---------------------------------------------------------------- samhallsbyggnad
  {
    code: 'building_permit',
    department: 'samhallsbyggnad',
    group: 'Bygga och bo',
    name: { sv: 'Bygglov, rivningslov och anmälan', en: 'Building and demolition permits', ar: 'تراخيص البناء والهدم', fi: 'Rakennus- ja purkuluvat' },
    description: {
      sv: 'Bygglov och anmälan (attefall, tillbyggnad, fasadändring, staket, pool), rivningslov, handläggning och beslut.',
      en: 'Building permits and notifications (extensions, façade changes, fences, pools), demolition permits, case handling and decisions.',
    },
    keywords: {
      sv: ['bygglov', 'bygglovet', 'bygglovsansökan', 'rivningslov', 'marklov', 'attefall', 'attefallshus', 'tillbyggnad', 'fasadändring', 'fasad', 'carport', 'garage', 'plank', 'staket', 'mur', 'pool', 'altan', 'uthus', 'byggnadsnämnden', 'slutbesked', 'startbesked', 'bygganmälan', 'solpaneler', 'solceller', 'bygglovsbefriad', 'friggebod', 'komplementbyggnad', 'inglasning', 'inglasad balkong', 'balkong', 'takkupa', 'kontrollansvarig', 'ritningar', 'ritning', 'situationsplan', 'eldstad', 'bygglovshandläggare', 'tomtgränsen', 'kvadratmeter'],
      en: ['building permit', 'planning permission', 'demolition permit', 'extension', 'facade', 'façade', 'fence', 'garage', 'carport', 'swimming pool', 'deck', 'shed', 'solar panels', 'building committee', 'glaze', 'glazing', 'balcony', 'dormer', 'fireplace', 'drawings', 'site plan', 'permit required', 'construction'],
      ar: ['ترخيص بناء', 'رخصه بناء', 'تصريح بناء', 'ترخيص البناء', 'بناء', 'سور', 'جدار', 'مرآب', 'كراج', 'الواح شمسيه', 'شرفه', 'مدفأه', 'مخططات', 'رسومات', 'ملحق', 'ملحقا'],
      fi: ['rakennuslu*', 'rakennusluv*', 'toimenpidelu*', 'purkulu*', 'purkuluv*', 'laajennu*', 'julkisivu*', 'aita', 'autotalli*', 'katos', 'aurinkopaneel*', 'rakennusvalvon*', 'parveke*', 'parvekelasi*', 'tulisija*', 'piirustu*', 'asemapiirro*', 'vaja*', 'rakentaa'],
    },
    firstLine: false,
    slaFirstResponseHours: 16,
    slaResolutionHours: 400,
    priority: 4,
    faultReport: false,
  },
  {
    code: 'maps_surveying_addresses',
    department: 'samhallsbyggnad',
    group: 'Bygga och bo',
    name: { sv: 'Kartor, mätning och adresser', en: 'Maps, surveying and addresses', ar: 'الخرائط والمساحة والعناوين', fi: 'Kartat, mittaus ja osoitteet' },
    description: {
      sv: 'Nybyggnadskarta, baskarta, utstakning, lägeskontroll, fastighetsbildning, gatuadresser och belägenhetsadress.',
      en: 'Base maps for building, setting out, position checks, property formation, street addresses.',
    },
    keywords: {
      sv: ['nybyggnadskarta', 'karta', 'kartan', 'kartbeställning', 'baskarta', 'utstakning', 'lägeskontroll', 'fastighetsgräns', 'fastighetsbildning', 'lantmäteri', 'avstyckning', 'stycka av', 'gatuadress', 'belägenhetsadress', 'fastigheten', 'tomtgräns', 'lantmäteriförrättning', 'fastighetsreglering', 'servitut', 'koordinater', 'gränsmarkering'],
      en: ['base map', 'map of my property', 'map', 'setting out', 'surveying', 'survey', 'property boundary', 'property line', 'street address', 'subdivision', 'boundary', 'easement', 'land survey', 'cadastral'],
      ar: ['خريطه', 'الخريطه', 'خريطه لارضي', 'مسح الارض', 'حدود العقار', 'العقار', 'قطعه ارض', 'ارضي', 'حدود الارض', 'مسح عقاري'],
      fi: ['kartta*', 'kartan', 'karttaote*', 'pohjakart*', 'mittau*', 'rajamerk*', 'kiinteistö*', 'tontti*', 'tontin', 'rasitte*', 'tonttiraja*', 'lohkomi*'],
    },
    firstLine: true,
    slaFirstResponseHours: 16,
    slaResolutionHours: 80,
    priority: 4,
    faultReport: false,
  },
  {
    code: 'planning_zoning',
    department: 'samhallsbyggnad',
    group: 'Planering',
    name: { sv: 'Detaljplaner och stadsplanering', en: 'Zoning plans and urban planning', ar: 'المخططات التفصيلية والتخطيط العمراني', fi: 'Asemakaavat ja kaupunkisuunnittelu' },
    description: {
      sv: 'Detaljplaner, planbesked, översiktsplan, samråd, strandskydd, nybyggnation i området.',
      en: 'Zoning plans, planning enquiries, comprehensive plan, consultations, shoreline protection, new development in the area.',
    },
    keywords: {
      sv: ['detaljplan', 'detaljplanen', 'planbesked', 'översiktsplan', 'samråd', 'strandskydd', 'strandskyddet', 'stadsplanering', 'nybyggnation', 'höghus', 'flerbostadshus', 'bostadsområde', 'exploatering', 'byggas', 'bygga om kvarteren', 'tomt', 'tomter', 'villatomt', 'villatomter', 'tomtkö', 'kommunala tomter', 'köpa mark', 'markanvändning', 'arrende', 'arrendera', 'kommunens mark', 'bostadsbyggande', 'nytt bostadsområde', 'översiktsplanen'],
      en: ['zoning plan', 'zoning', 'detailed plan', 'local plan', 'urban planning', 'comprehensive plan', 'consultation', 'shoreline protection', 'new buildings', 'high-rise', 'development plans', 'new development', 'building plot', 'buy a plot', 'plots', 'buy land', 'land lease', 'housing development', 'new housing area'],
      ar: ['مخطط تفصيلي', 'المخطط التفصيلي', 'التخطيط العمراني', 'تخطيط المدينه', 'مباني جديده', 'ابراج', 'قطعه ارض للبناء', 'شراء ارض', 'اراضي البلديه'],
      fi: ['asemakaav*', 'yleiskaav*', 'kaupunkisuunnittel*', 'rantaraken*', 'rantasuoj*', 'uudisrakentami*', 'kerrostal*', 'kaavoitu*', 'rakennustont*', 'tonttijon*', 'maanvuokra*', 'uusi asuinalue'],
    },
    firstLine: false,
    slaFirstResponseHours: 16,
    slaResolutionHours: 160,
    priority: 4,
    faultReport: false,
  },
  {
    code: 'unauthorised_building',
    department: 'samhallsbyggnad',
    group: 'Bygga och bo',
    name: { sv: 'Olovligt byggande och tillsyn', en: 'Unauthorised building and enforcement', ar: 'البناء غير المرخص والرقابة', fi: 'Luvaton rakentaminen ja valvonta' },
    description: {
      sv: 'Anmälan om byggen utan lov, ovårdade tomter och byggnader, grannehörande, skymd sikt.',
      en: 'Reports of building without a permit, neglected plots and buildings, neighbour consultation, blocked views.',
    },
    keywords: {
      sv: ['utan bygglov', 'utan lov', 'olovligt byggande', 'olovligt', 'svartbygge', 'grannehörande', 'grannen har byggt', 'skymmer', 'ovårdad tomt', 'förfallen byggnad', 'byggnadsnämnden tillsyn', 'bygger utan', 'bygga utan lov', 'skymd utsikt', 'ovårdad', 'förfallet hus', 'rivningsfärdigt', 'bostadsanpassning', 'bostadsanpassningsbidrag'],
      en: ['without a permit', 'without permission', 'illegal building', 'unauthorised building', 'unauthorized building', 'blocks the view', 'block the view', 'neighbour consultation', 'who approved', 'building without', 'without permit', 'derelict', 'housing adaptation'],
      ar: ['بدون ترخيص', 'بناء غير مرخص', 'بناء مخالف', 'بدون رخصه', 'يبني', 'مبنى مهجور', 'تعديل السكن'],
      fi: ['ilman lupaa', 'luvaton rakentami*', 'luvattom*', 'rakennusvalvon*', 'rakentaa ilman', 'rappeutun*', 'asunnonmuutostyö*'],
    },
    firstLine: false,
    slaFirstResponseHours: 16,
    slaResolutionHours: 240,
    priority: 4,
    faultReport: false,
  },

  // ---------------------------------------------------------------- socialtjanst
  {
    code: 'financial_assistance',
    department: 'socialtjanst',
    group: 'Ekonomiskt stöd',
    name: { sv: 'Ekonomiskt bistånd', en: 'Financial assistance', ar: 'المساعدة المالية', fi: 'Toimeentulotuki' },
    description: {
      sv: 'Ansökan om ekonomiskt bistånd/försörjningsstöd, nybesök, handläggningstid, hyresskulder, budget- och skuldrådgivning.',
      en: 'Applying for financial assistance (social welfare), first appointment, processing, rent arrears, debt advice.',
    },
    keywords: {
      sv: ['ekonomiskt bistånd', 'försörjningsstöd', 'bistånd', 'socialbidrag', 'har inte råd', 'råd med hyran', 'hyran', 'hyresskuld', 'arbetslös', 'a-kassan', 'a-kassa', 'sjukskriven', 'ingen inkomst', 'skuldrådgivning', 'budgetrådgivning', 'nybesök', 'socialtjänsten', 'socialkontoret', 'socialsekreterare', 'ekonomisk hjälp', 'hjälp med pengar', 'matkasse', 'nödbistånd', 'akut ekonomiskt', 'vräkning', 'vräkt', 'avhysning', 'kronofogden', 'skulder', 'skuld', 'hyresskulder', 'bostadsbidrag'],
      en: ['financial assistance', 'financial support', 'social welfare', 'welfare benefit', 'försörjningsstöd', 'ekonomiskt bistånd', 'afford the rent', 'afford rent', 'no income', 'lost my job', 'unemployment insurance', 'debt advice', 'social services', 'social worker', 'social secretary', 'food bank', 'emergency money', 'eviction', 'evicted', 'debts', 'debt collection', 'bailiff'],
      ar: ['مساعده ماليه', 'المساعده الماليه', 'الخدمات الاجتماعيه', 'السوسيال', 'دفع الايجار', 'الايجار', 'فقدت عملي', 'بدون دخل', 'ديون', 'الشؤون الاجتماعيه', 'الطرد من السكن', 'الديون'],
      fi: ['toimeentulotu*', 'sosiaalitoimi*', 'sosiaalitoimisto*', 'sosiaalityöntekijä*', 'vuokra*', 'työtön', 'työttömyyskorvau*', 'velkaneuvon*', 'häätö*', 'velat', 'velkaa', 'ulosotto*', 'ruoka-apu*'],
    },
    firstLine: false,
    slaFirstResponseHours: 8,
    slaResolutionHours: 80,
    priority: 2,
    faultReport: false,
  },
  {
    code: 'child_welfare_report',
    department: 'socialtjanst',
    group: 'Barn och familj',
    name: { sv: 'Orosanmälan om barn', en: 'Child welfare concern', ar: 'بلاغ القلق بشأن طفل', fi: 'Lastensuojeluilmoitus' },
    description: {
      sv: 'Orosanmälan när ett barn kan fara illa; brådskande ärenden går direkt till socialjouren.',
      en: 'Reporting concern that a child is at risk; urgent matters go directly to the social emergency service.',
    },
    keywords: {
      sv: ['orosanmälan', 'far illa', 'barnet far illa', 'lämnas ensamma', 'ensam hemma', 'slår barnen', 'pappa slår', 'mamma slår', 'blåmärken', 'synliga skador', 'barnavård', 'socialjouren', 'barn i fara', 'familjehem', 'familjehemmet', 'bli familjehem', 'fosterhem', 'kontaktfamilj', 'stödfamilj', 'placering', 'placerad', 'lvu', 'barn och unga'],
      en: ['child at risk', 'worried about a child', 'worried about a little', 'child abuse', 'neglect', 'neglected', 'hitting', 'bruises', 'left alone', 'report concern', 'child protection', 'child welfare', 'foster family', 'foster home', 'foster parent', 'contact family', 'child protection services'],
      ar: ['بلاغ قلق', 'طفل في خطر', 'اساءه للطفل', 'اهمال', 'يضرب', 'كدمات', 'حمايه الطفل', 'اسره حاضنه', 'عائله بديله', 'عائله داعمه', 'الاطفال والشباب'],
      fi: ['lastensuojelu*', 'huoli lapsesta', 'laiminly*', 'lyö', 'mustelm*', 'sijaisperhe*', 'tukiperhe*', 'sijoitu*', 'huostaan*'],
    },
    firstLine: false,
    slaFirstResponseHours: 1,
    slaResolutionHours: 8,
    priority: 1,
    faultReport: false,
  },
  {
    code: 'family_counselling_support',
    department: 'socialtjanst',
    group: 'Barn och familj',
    name: { sv: 'Familjerådgivning och föräldrastöd', en: 'Family counselling and parenting support', ar: 'الإرشاد الأسري ودعم الوالدين', fi: 'Perheneuvonta ja vanhemmuuden tuki' },
    description: {
      sv: 'Familjerådgivning, samarbetssamtal, föräldraskapsstöd, stöd till tonåringar och deras familjer.',
      en: 'Family counselling, cooperation talks after separation, parenting support, help for teenagers and their families.',
    },
    keywords: {
      sv: ['familjerådgivning', 'familjerådgivningen', 'parterapi', 'samarbetssamtal', 'föräldrastöd', 'föräldraskapsstöd', 'tonåring', 'tonårsdotter', 'tonårsson', 'familjebehandling', 'konflikt i familjen'],
      en: ['family counselling', 'family counseling', 'couples therapy', 'counsellor', 'counselor', 'parenting support', 'teenager', 'family problems'],
      ar: ['مشاكل عائليه', 'مستشار', 'الارشاد الاسري', 'استشاره اسريه', 'المراهق', 'ابننا المراهق'],
      fi: ['perheneuvo*', 'pariterapi*', 'perheterapi*', 'vanhemmuu*', 'teini*', 'perheongelm*'],
    },
    firstLine: false,
    slaFirstResponseHours: 8,
    slaResolutionHours: 80,
    priority: 3,
    faultReport: false,
  },
  {
    code: 'addiction_violence_homelessness',
    department: 'socialtjanst',
    group: 'Vuxna',
    name: { sv: 'Missbruk, våld i nära relation och hemlöshet', en: 'Addiction, domestic violence and homelessness', ar: 'الإدمان والعنف الأسري والتشرد', fi: 'Päihteet, lähisuhdeväkivalta ja asunnottomuus' },
    description: {
      sv: 'Stöd vid missbruk och beroende, skyddat boende vid våld, akut hemlöshet, vuxenenheten.',
      en: 'Help with addiction, protected housing for victims of violence, acute homelessness.',
    },
    keywords: {
      sv: ['missbruk', 'missbruket', 'alkoholproblem', 'droger', 'narkotika', 'spelberoende', 'vuxenenheten', 'våld i nära relation', 'misshandlad', 'misshandel', 'skyddat boende', 'kvinnojour', 'hemlös', 'bostadslös', 'ingenstans att sova', 'utslängd', 'bor i bilen', 'akut boende', 'alkoholmissbruk', 'dricker för mycket', 'hedersrelaterat', 'hedersvåld', 'heder', 'tvångsäktenskap', 'tvingas gifta', 'gifta sig mot sin vilja', 'spelmissbruk', 'psykisk ohälsa', 'självmord', 'suicid', 'stödsamtal', 'rädd för min man', 'slår mig', 'hotad'],
      en: ['addiction', 'drinking problem', 'drugs', 'substance abuse', 'gambling', 'domestic violence', 'abused', 'beaten', 'shelter', 'protected housing', 'homeless', 'nowhere to sleep', 'kicked out', 'alcohol problem', 'struggling with alcohol', 'alcoholism', 'honour', 'honor violence', 'forced marriage', 'forced to marry', 'mental health', 'suicide', 'suicidal', 'hits me', 'afraid of my husband', 'threatened'],
      ar: ['ادمان', 'الادمان', 'مخدرات', 'عنف', 'العنف الاسري', 'مأوى', 'سكن طارئ', 'بلا مأوى', 'مشرد', 'ادمان الكحول', 'زواج قسري', 'الزواج بالاكراه', 'الشرف', 'الصحه النفسيه', 'انتحار', 'يضربني', 'مكان امن', 'خائفه'],
      fi: ['päihde*', 'päihtei*', 'huume*', 'riippuvuu*', 'lähisuhdeväkival*', 'väkivalta*', 'turvakoti*', 'asunnoton*', 'hätämajoitu*', 'alkoholiongelm*', 'kunniaväkival*', 'pakkoavioli*', 'pakotetaan naimisiin', 'mielenterveys*', 'itsemurh*', 'lyö minua', 'pelkään'],
    },
    firstLine: false,
    slaFirstResponseHours: 2,
    slaResolutionHours: 24,
    priority: 1,
    faultReport: false,
  },

  // ---------------------------------------------------------------- overformyndare
  {
    code: 'guardianship_request',
    department: 'overformyndare',
    group: 'Ställföreträdarskap',
    name: { sv: 'God man och förvaltare', en: 'Trustees and administrators (god man, förvaltare)', ar: 'الوصي والقيّم (god man)', fi: 'Edunvalvonta (god man, förvaltare)' },
    description: {
      sv: 'Ansökan eller anmälan om behov av god man eller förvaltare, byte och avslut av uppdrag, bli god man, klagomål på ställföreträdare.',
      en: 'Applying for a trustee or administrator, changing or ending an assignment, becoming a trustee, complaints about a trustee.',
    },
    keywords: {
      sv: ['god man', 'gode man', 'godman', 'förvaltare', 'förvaltarskap', 'ställföreträdare', 'huvudmannen', 'huvudman', 'ensamkommande', 'överförmyndare', 'överförmyndaren', 'överförmyndarnämnden', 'avsluta uppdraget', 'sköta sina räkningar', 'framtidsfullmakt', 'framtidsfullmakten', 'anhörigbehörighet', 'förmyndare', 'förmyndarskap', 'omyndig', 'underårig', 'byta god man', 'byte av god man', 'entlediga', 'entledigande', 'förordnande', 'ställföreträdarskap'],
      en: ['god man', 'trustee', 'guardian', 'guardianship', 'administrator', 'förvaltare', 'chief guardian', 'unaccompanied minor', 'manage his finances', 'manage her finances', 'pay bills', 'power of attorney', 'lasting power of attorney', 'legal guardian', 'minor', 'replace the trustee', 'change trustee', 'dismiss the trustee'],
      ar: ['god man', 'وصي', 'الوصي', 'الوصايه', 'قاصر', 'طفل قاصر', 'جاء وحده', 'توكيل', 'وكاله', 'الوصي القانوني', 'تغيير الوصي'],
      fi: ['god man', 'edunvalvo*', 'edunvalvoja*', 'holhou*', 'holhoustoimi*', 'edunvalvontavaltuu*', 'laskuja*', 'edunvalvontavaltuutu*', 'alaikäi*', 'holhooja*', 'vaihtaa edunvalvoja*'],
    },
    firstLine: false,
    slaFirstResponseHours: 16,
    slaResolutionHours: 160,
    priority: 3,
    faultReport: false,
  },
  {
    code: 'annual_accounts_consent',
    department: 'overformyndare',
    group: 'Ställföreträdarskap',
    name: { sv: 'Årsräkning, redogörelse och samtycke', en: 'Annual accounts, reports and consent', ar: 'الحساب السنوي والتقارير والموافقة', fi: 'Vuositili, selvitykset ja suostumus' },
    description: {
      sv: 'Årsräkning och sluträkning, verifikationer, uttag från spärrat konto, samtycke till försäljning av bostad eller egendom.',
      en: 'Annual and final accounts, receipts, withdrawals from a locked account, consent to sell a home or property.',
    },
    keywords: {
      sv: ['årsräkning', 'årsräkningen', 'sluträkning', 'redogörelse', 'förteckning', 'verifikationer', 'spärrat konto', 'spärrade kontot', 'uttag', 'samtycke', 'överförmyndarens samtycke', 'försäljning av bostad', 'arvode', 'arv', 'arvet', 'ärvt', 'ärvde', 'arvskifte', 'dödsbo', 'dödsboet', 'barnets pengar', 'omyndiga barns pengar', 'förmögenhet', 'placera pengar', 'redovisning'],
      en: ['annual report', 'annual accounts', 'årsräkning', 'final accounts', 'receipts', 'locked account', 'blocked account', 'withdrawal', 'consent to sell', 'report the sale', 'fee for the trustee', 'inheritance', 'inherited', 'estate', 'child\'s money', 'permission to use', 'accounts'],
      ar: ['الحساب السنوي', 'الايصالات', 'حساب مجمد', 'سحب', 'موافقه على البيع', 'ميراث', 'ورث', 'ورثت', 'التركه', 'اموال الطفل'],
      fi: ['vuositi*', 'vuositilin', 'päätöstili*', 'tositte*', 'lupa myydä', 'suostumu*', 'perintö*', 'peri', 'kuolinpesä*', 'lapsen rahat'],
    },
    firstLine: true,
    slaFirstResponseHours: 16,
    slaResolutionHours: 160,
    priority: 4,
    faultReport: false,
  },

  // ---------------------------------------------------------------- arbete_naringsliv
  {
    code: 'adult_education_sfi',
    department: 'arbete_naringsliv',
    group: 'Vuxenutbildning',
    name: { sv: 'Komvux och SFI', en: 'Adult education and Swedish for immigrants', ar: 'تعليم الكبار واللغة السويدية للمهاجرين', fi: 'Aikuiskoulutus ja SFI' },
    description: {
      sv: 'Ansökan till Komvux och SFI, kurser, distansstudier, yrkesutbildning, studievägledning.',
      en: 'Applying to adult education (Komvux) and SFI, courses, distance learning, vocational training, study guidance.',
    },
    keywords: {
      sv: ['komvux', 'sfi', 'vuxenutbildning', 'vuxenutbildningen', 'yrkesvux', 'studievägledning', 'studievägledare', 'läsa in', 'sommarkurs', 'sommarkursen', 'kurs', 'distans', 'yrkesutbildning', 'lärlingsutbildning', 'validering', 'svenska för invandrare', 'studiestartsstöd', 'csn', 'kvällskurs', 'utbildning till'],
      en: ['komvux', 'sfi', 'adult education', 'swedish for immigrants', 'swedish course', 'evening classes', 'vocational training', 'study online', 'course', 'vocational', 'apprenticeship', 'validation', 'evening course', 'learn swedish', 'study swedish'],
      ar: ['sfi', 'komvux', 'تعليم الكبار', 'دوره', 'دراسه', 'لدراسه', 'اللغه السويديه', 'ادرس', 'تعلم السويديه', 'تدريب مهني'],
      fi: ['sfi', 'komvux', 'aikuiskoulutu*', 'aikuisopisk*', 'ruotsin kurssi*', 'kurssi*', 'ammattikoulutu*', 'opiskel*', 'oppisopimu*', 'ammatillinen koulutus', 'iltakurssi*', 'ruotsin kieli*', 'opiskella ruotsia'],
    },
    firstLine: true,
    slaFirstResponseHours: 8,
    slaResolutionHours: 80,
    priority: 4,
    faultReport: false,
  },
  {
    code: 'jobs_labour_market',
    department: 'arbete_naringsliv',
    group: 'Arbete',
    name: { sv: 'Lediga jobb och arbetsmarknadsinsatser', en: 'Vacancies and employment support', ar: 'الوظائف الشاغرة ودعم التوظيف', fi: 'Avoimet työpaikat ja työllisyyspalvelut' },
    description: {
      sv: 'Lediga jobb i kommunen, feriejobb, Jobbcentrum, arbetsmarknadsinsatser, praktik.',
      en: 'Municipal job vacancies, summer jobs for youth, employment support programmes, internships.',
    },
    keywords: {
      sv: ['lediga jobb', 'lediga tjänster', 'jobb inom kommunen', 'jobba i kommunen', 'jobba hos er', 'arbete inom kommunen', 'anställning', 'rekrytering', 'feriejobb', 'sommarjobb', 'jobbcentrum', 'arbetsmarknadsinsats', 'arbetsmarknadsenheten', 'praktik', 'undersköterska', 'personlig assistent', 'arbetsmarknad', 'arbetsträning', 'lönebidrag', 'extratjänst', 'nystartsjobb', 'arbetsförmedlingen', 'cv', 'arbetssökande', 'hitta jobb', 'hitta arbete', 'söka jobb', 'feriepraktik'],
      en: ['vacancies', 'vacancy', 'job', 'jobs', 'hire', 'hiring', 'recruitment', 'work for the municipality', 'summer job', 'employment support', 'internship', 'personal assistants', 'job seeker', 'jobseeker', 'unemployed', 'work experience', 'job training', 'cv', 'resume', 'employment office', 'find a job', 'find work'],
      ar: ['وظائف', 'وظيفه', 'وظائف شاغره', 'فرص عمل', 'التوظيف', 'تدريب عملي', 'مساعد شخصي', 'البحث عن عمل', 'مكتب العمل', 'سيره ذاتيه', 'عاطل عن العمل', 'ابحث عن عمل', 'البحث عن وظيفه'],
      fi: ['työpaik*', 'avoimet työpaikat', 'työnhak*', 'rekrytoin*', 'kesätyö*', 'työllisyy*', 'harjoittelu*', 'työharjoittel*', 'työnhaki*', 'työtön', 'työttömä*', 'työkokeilu*', 'palkkatu*', 'ansioluettelo*', 'cv'],
    },
    firstLine: true,
    slaFirstResponseHours: 8,
    slaResolutionHours: 80,
    priority: 4,
    faultReport: false,
  },
  {
    code: 'business_support_procurement',
    department: 'arbete_naringsliv',
    group: 'Näringsliv',
    name: { sv: 'Företagsservice och upphandling', en: 'Business services and procurement', ar: 'خدمات الشركات والمشتريات العامة', fi: 'Yrityspalvelut ja hankinnat' },
    description: {
      sv: 'Starta företag, företagslots, etablering och lokaler, offentlig upphandling.',
      en: 'Starting a business, business advice, premises, public procurement.',
    },
    keywords: {
      sv: ['starta företag', 'företag', 'företaget', 'företagare', 'näringsliv', 'näringslivet', 'företagslots', 'nyföretagare', 'etablering', 'lokaler', 'butikslokal', 'upphandling', 'upphandlingar', 'näringslivskontor', 'nyetablering', 'leverantör', 'leverantörer', 'anbud', 'inköp', 'f-skatt', 'torghandel', 'torgplats', 'foodtruck', 'matvagn', 'starta eget', 'eget företag'],
      en: ['start a business', 'start a company', 'business', 'company', 'entrepreneur', 'business advice', 'consulting company', 'premises', 'procurement', 'procurements', 'tender', 'supplier', 'suppliers', 'bid', 'market stall', 'food truck', 'start my own', 'small business', 'my own business'],
      ar: ['شركه', 'مشروع تجاري', 'تاسيس شركه', 'الاعمال', 'محل تجاري', 'مناقصه', 'مورد', 'مطعم صغير', 'عربه طعام', 'مشروع صغير'],
      fi: ['yrity*', 'yrittä*', 'perustaa yrity*', 'yritysneuvon*', 'liiketil*', 'toimitil*', 'hankin*', 'kilpailutu*', 'toimittaja*', 'tarjou*', 'torikauppa*', 'ruokarek*', 'oma yritys', 'kahvila*'],
    },
    firstLine: true,
    slaFirstResponseHours: 16,
    slaResolutionHours: 80,
    priority: 4,
    faultReport: false,
  },
  {
    code: 'alcohol_tobacco_licences',
    department: 'arbete_naringsliv',
    group: 'Näringsliv',
    name: { sv: 'Serveringstillstånd och tobakstillstånd', en: 'Alcohol and tobacco licences', ar: 'تراخيص تقديم الكحول وبيع التبغ', fi: 'Anniskelu- ja tupakkaluvat' },
    description: {
      sv: 'Serveringstillstånd, utökade serveringstider, kunskapsprov, tillstånd att sälja tobak och e-cigaretter.',
      en: 'Serving (alcohol) licences, extended hours, knowledge test, licences to sell tobacco and e-cigarettes.',
    },
    keywords: {
      sv: ['serveringstillstånd', 'serveringstider', 'servering', 'alkohollagen', 'kunskapsprov', 'tobak', 'tobakstillstånd', 'e-cigaretter', 'folköl', 'pizzeria', 'kiosk'],
      en: ['serving licence', 'serving license', 'alcohol licence', 'liquor licence', 'licensing', 'tobacco', 'e-cigarettes', 'cocktail bar'],
      ar: ['ترخيص تقديم الكحول', 'رخصه الكحول', 'تبغ', 'التبغ', 'السجائر الالكترونيه'],
      fi: ['anniskelu*', 'anniskelulu*', 'tupakkalu*', 'tupak*', 'sähkösavuk*', 'baari*'],
    },
    firstLine: false,
    slaFirstResponseHours: 16,
    slaResolutionHours: 400,
    priority: 4,
    faultReport: false,
  },
];
