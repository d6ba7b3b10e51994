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
}

export const demoTenant = {
  id: 'demo',
  name: 'Demo kommun',
  referencePrefix: 'KC',
  jurisdictionId: 'demo.lotsen.se',
  timezone: 'Europe/Stockholm',
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
      sv: ['öppettider', 'öppet', 'öppnar', 'stänger', 'stängt', 'helgdag', 'kvällstid', 'telefonnummer', 'telefontid', 'e-postadress', 'mejladress', 'postadress', 'besöksadress', 'stadshuset', 'kommunhuset', 'medborgarkontor', 'receptionen', 'växeln', 'kontaktcenter', 'vart vänder jag mig', 'vem ska jag kontakta'],
      en: ['opening hours', 'open on', 'closed on', 'phone number', 'email address', 'postal address', 'city hall', 'town hall', 'reception', 'switchboard', 'contact centre', 'contact center', 'who do i contact'],
      ar: ['ساعات العمل', 'مواعيد العمل', 'مفتوح', 'مغلق', 'العطله', 'رقم الهاتف', 'البريد الالكتروني', 'مبنى البلديه', 'مكتب خدمه المواطنين', 'الاستقبال'],
      fi: ['aukioloaj*', 'auki', 'aukeaa', 'suljettu', 'puhelinnumero*', 'sähköpostiosoit*', 'kaupungintalo*', 'kunnantalo*', 'asiakaspalvelu*', 'yhteystied*'],
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
      sv: ['blankett', 'blanketten', 'e-tjänst', 'formulär', 'avgift', 'avgiften', 'taxa', 'taxan', 'maxtaxa', 'vad kostar', 'kostar det', 'hur mycket kostar', 'priset', 'faktura', 'fakturan', 'fakturanummer', 'swish', 'autogiro', 'handläggningstid', 'lätt svenska'],
      en: ['form', 'application form', 'e-service', 'fee', 'fees', 'how much does', 'cost', 'price', 'invoice', 'bill from the municipality', 'pay', 'payment', 'processing time'],
      ar: ['استماره', 'نموذج', 'الخدمه الالكترونيه', 'رسوم', 'تكلفه', 'كم يكلف', 'السعر', 'فاتوره', 'الدفع'],
      fi: ['lomake*', 'e-palvelu*', 'maksu*', 'hinta', 'hinnat', 'paljonko maksaa', 'mitä maksaa', 'lasku*', 'taksa*', 'käsittelyai*'],
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
      sv: ['kommunfullmäktige', 'fullmäktige', 'politiker', 'kommunalråd', 'allmän handling', 'allmänna handlingar', 'diariet', 'diarienummer', 'offentlighetsprincipen', 'sammanträde', 'protokoll', 'kommunens nyheter', 'synpunkt på kommunen'],
      en: ['city council', 'municipal council', 'council meeting', 'committee', 'politician', 'politicians', 'public documents', 'public records', 'freedom of information'],
      ar: ['المجلس البلدي', 'سياسي', 'السياسيين', 'الوثائق العامه', 'محضر الاجتماع'],
      fi: ['kunnanvaltuusto*', 'valtuusto*', 'lautakun*', 'poliitik*', 'julkinen asiakirja', 'julkiset asiakirjat', 'pöytäkir*'],
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
      sv: ['potthål', 'gropar', 'hål i vägen', 'hål i gatan', 'vägskada', 'asfalt', 'asfalten', 'trottoar', 'trottoaren', 'gångväg', 'gångvägen', 'cykelväg', 'cykelbana', 'gångbana', 'kantsten', 'trafikverket'],
      en: ['pothole', 'potholes', 'road damage', 'hole in the road', 'asphalt', 'pavement', 'sidewalk', 'footpath', 'cycle path', 'bike lane', 'kerb', 'curb', 'road surface'],
      ar: ['حفره', 'حفر', 'حفره في الطريق', 'الطريق', 'الشارع', 'الاسفلت', 'الرصيف', 'مسار الدراجات'],
      fi: ['kuoppa', 'kuopp*', 'tievauri*', 'asfaltt*', 'jalkakäytävä*', 'pyörätie*', 'katu', 'kadulla'],
    },
    firstLine: false,
    slaFirstResponseHours: 8,
    slaResolutionHours: 80,
    priority: 3,
    faultReport: true,
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
      sv: ['lekplats', 'lekplatsen', 'gunga', 'gungan', 'rutschkana', 'klätterställning', 'sandlåda', 'park', 'parken', 'parkbänk', 'parkbänken', 'papperskorg', 'papperskorgen', 'nedskräpning', 'skräp', 'krossat glas', 'trädet', 'nedfallet träd', 'grenar', 'gräsklippning', 'klotter', 'klottret', 'graffiti', 'hundrastgård', 'utegym', 'dammen', 'grind', 'träden', 'omkullfallet träd'],
      en: ['playground', 'swing', 'slide', 'climbing frame', 'sandpit', 'park', 'park bench', 'bench', 'litter bin', 'litter', 'rubbish in the park', 'broken glass', 'tree', 'fallen tree', 'branches', 'graffiti', 'vandalism', 'dog park', 'outdoor gym'],
      ar: ['ملعب الاطفال', 'الارجوحه', 'ارجوحه', 'حديقه', 'الحديقه', 'مقعد', 'سله المهملات', 'شجره', 'اشجار', 'كتابات على الجدران', 'غرافيتي', 'زجاج مكسور'],
      fi: ['leikkipuisto*', 'leikkipaik*', 'keinu*', 'liukumä*', 'puisto*', 'penkki*', 'roska-asti*', 'roskakori*', 'puu kaatunut', 'kaatunut puu', 'graffiti*', 'töhry*', 'lasinsiru*'],
    },
    firstLine: false,
    slaFirstResponseHours: 8,
    slaResolutionHours: 80,
    priority: 3,
    faultReport: true,
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
      sv: ['trafikljus', 'trafikljuset', 'trafiksignal', 'rödljus', 'skylt', 'skylten', 'vägmärke', 'stoppskylt', 'farthinder', 'hastighet', 'kör för fort', 'korsning', 'korsningen', 'övergångsställe', 'parkering', 'parkeringsplats', 'parkeringsplatser', 'parkeringstillstånd', 'felparkerad', 'rörelsehindrade', 'busshållplats'],
      en: ['traffic light', 'traffic lights', 'traffic signal', 'road sign', 'stop sign', 'speed bump', 'speeding', 'crossing', 'intersection', 'junction', 'parking space', 'parking spaces', 'parking permit', 'disabled parking', 'illegally parked'],
      ar: ['اشاره المرور', 'اشارات المرور', 'لافته', 'مطب', 'السرعه', 'تقاطع', 'موقف السيارات', 'مواقف', 'تصريح وقوف'],
      fi: ['liikennevalo*', 'liikennemerk*', 'hidaste*', 'ylinopeu*', 'risteyks*', 'suojatie*', 'pysäköin*', 'parkkipaik*', 'pysäköintilu*'],
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
      sv: ['sophämtning', 'sophämtningen', 'soptunna', 'soptunnan', 'soptunnorna', 'sopkärl', 'kärlet', 'sopbil', 'sopbilen', 'sopor', 'soporna', 'matavfall', 'matavfallet', 'inte tömts', 'ej tömt', 'inte hämtats', 'tömning', 'hämtningsdag', 'renhållning'],
      en: ['bin not emptied', 'not emptied', 'missed collection', 'garbage', 'rubbish', 'waste collection', 'bin', 'bins', 'garbage truck', 'bin lorry', 'food waste', 'collection day', 'household waste'],
      ar: ['القمامه', 'النفايات', 'حاويه', 'الحاويه', 'حاويه القمامه', 'لم يتم تفريغ', 'تفريغ', 'شاحنه القمامه', 'بقايا الطعام'],
      fi: ['jäteastia*', 'roska-astia*', 'tyhjennys*', 'tyhjentämät*', 'ei tyhjennetty', 'jäteauto*', 'jätehuol*', 'biojäte*', 'sekajäte*'],
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
      sv: ['kärlstorlek', 'större kärl', 'mindre kärl', 'mindre sopkärl', 'nytt kärl', 'trasigt kärl', 'abonnemang', 'uppehåll i sophämtning', 'uppehåll i hämtning', 'kompostera', 'kompost', 'kundnummer', 'grovavfall', 'hämtning av grovavfall', 'slamtömning'],
      en: ['bigger bin', 'smaller bin', 'new bin', 'broken bin', 'bin size', 'subscription', 'customer number', 'pause collection', 'compost', 'composting', 'bulky waste'],
      ar: ['حاويه جديده', 'حاويه اكبر', 'حاويه اصغر', 'رقم العميل', 'الاشتراك', 'سماد'],
      fi: ['isompi astia', 'pienempi astia', 'uusi astia', 'asiakasnumero*', 'kompost*', 'jätesopimu*', 'tyhjennysväli*'],
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
      sv: ['återvinning', 'återvinningsstation', 'återvinningsstationen', 'återvinningscentral', 'återvinningscentralen', 'sortera', 'sortering', 'farligt avfall', 'elavfall', 'batterier', 'glödlampor', 'lågenergilampor', 'lysrör', 'kartonger', 'förpackningar', 'slänga', 'slänger', 'grovsopor'],
      en: ['recycling', 'recycling station', 'recycling centre', 'recycling center', 'sorting', 'hazardous waste', 'batteries', 'electronics', 'light bulbs', 'packaging', 'get rid of', 'throw away', 'dump'],
      ar: ['اعاده التدوير', 'محطه اعاده التدوير', 'فرز', 'النفايات الخطره', 'البطاريات', 'الكرتون'],
      fi: ['kierrätys*', 'kierrätysase*', 'kierrätyskeskus*', 'lajittel*', 'vaarallinen jäte', 'vaarallis*', 'paristo*', 'sähköromu*', 'pakkau*'],
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
      sv: ['vattenläcka', 'läcker vatten', 'läcka', 'sprutar vatten', 'forsar', 'översvämning', 'översvämmad', 'svämmar över', 'avlopp', 'avloppet', 'avloppsstopp', 'stopp i avloppet', 'slagit tillbaka', 'källaren', 'brunn', 'brunnslock', 'dagvatten', 'vattenavstängning', 'vattenledning'],
      en: ['water leak', 'leak', 'leaking', 'burst pipe', 'water main', 'flooding', 'flooded', 'gushing', 'sewer', 'sewage', 'drain', 'blocked drain', 'manhole', 'basement'],
      ar: ['تسرب المياه', 'تسرب', 'فيضان', 'المجاري', 'الصرف الصحي', 'انسداد', 'غرفه التفتيش', 'القبو'],
      fi: ['vesivuo*', 'vuotaa', 'vuoto*', 'tulva*', 'viemäri*', 'tukos*', 'kaivo*', 'kaivonkan*', 'kellari*', 'hulevesi*'],
    },
    firstLine: false,
    slaFirstResponseHours: 1,
    slaResolutionHours: 8,
    priority: 1,
    faultReport: true,
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
      sv: ['dricksvatten', 'dricksvattnet', 'kranvatten', 'vattnet', 'brunt vatten', 'missfärgat', 'vattentryck', 'lågt tryck', 'kokningsrekommendation', 'koka vattnet', 'kommunalt vatten', 'kommunalt va', 'va-anslutning', 'vattenmätare', 'mätaren', 'mätarnummer', 'vattenräkning', 'vattenräkningen', 'va-taxa'],
      en: ['drinking water', 'tap water', 'brown water', 'discoloured water', 'water pressure', 'low pressure', 'boil water', 'boil-water', 'water meter', 'water bill', 'water connection', 'municipal water'],
      ar: ['مياه الشرب', 'ماء الحنفيه', 'ضغط الماء', 'ضغط المياه', 'غلي الماء', 'عداد المياه', 'فاتوره المياه'],
      fi: ['juomave*', 'vesijohtove*', 'vedenpain*', 'keittosuositu*', 'keittäkää', 'vesimittari*', 'vesilasku*', 'vesihuol*', 'kunnallinen vesi'],
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
      sv: ['buller', 'bullret', 'bullrar', 'oväsen', 'störande ljud', 'hög musik', 'fläkt', 'fläkten', 'byggbuller', 'byggarbetsplats', 'byggarbetsplatsen', 'tomgång', 'tomgångskörning', 'lövblåsare', 'gräsklippare', 'avgaser'],
      en: ['noise', 'noisy', 'loud music', 'construction noise', 'building site', 'fan noise', 'idling', 'exhaust fumes', 'leaf blower', 'lawn mower'],
      ar: ['ضوضاء', 'ازعاج', 'صوت عالي', 'موسيقى عاليه', 'اعمال البناء'],
      fi: ['melu*', 'meteli*', 'kovaa musiikkia', 'tyhjäkäyn*', 'pakokaasu*'],
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
      sv: ['livsmedel', 'livsmedelsanläggning', 'livsmedelskontroll', 'registrering av livsmedelsanläggning', 'hygien', 'matförgiftning', 'restaurangkontroll', 'restaurangkontroller', 'inspektion', 'kontrollresultat', 'tvättar inte händerna', 'bageri'],
      en: ['food safety', 'food business', 'food hygiene', 'hygiene', 'food poisoning', 'restaurant inspection', 'inspection results', 'washing their hands', 'bakery', 'food registration'],
      ar: ['سلامه الاغذيه', 'النظافه', 'تسمم غذائي', 'تفتيش المطاعم', 'تسجيل المطعم'],
      fi: ['elintarvik*', 'ruokamyrkytys*', 'hygieni*', 'ravintolatarkast*', 'tarkastustulo*', 'oiva'],
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
      sv: ['mögel', 'möglet', 'fukt', 'fuktskada', 'ventilation', 'inomhusmiljö', 'råttor', 'råtta', 'möss', 'kackerlackor', 'vägglöss', 'ohyra', 'skadedjur', 'duvor', 'duvskit', 'stank'],
      en: ['mould', 'mold', 'damp', 'moisture', 'ventilation', 'indoor air', 'rats', 'mice', 'cockroaches', 'bedbugs', 'pests', 'vermin', 'pigeons', 'stench'],
      ar: ['عفن', 'العفن', 'رطوبه', 'التهويه', 'فئران', 'الفئران', 'جرذان', 'صراصير', 'حشرات', 'بق الفراش'],
      fi: ['hometta', 'homeongelm*', 'kosteu*', 'kosteusvauri*', 'ilmanvaih*', 'sisäilma*', 'rotta', 'rotat', 'rottia', 'hiiri*', 'hiiriä', 'torakk*', 'lutik*', 'tuholai*', 'kyyhky*'],
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
      sv: ['elda', 'eldar', 'eldning', 'eldningsförbud', 'rök', 'röken', 'vedeldning', 'vedspis', 'skorsten', 'utsläpp', 'kemikalier', 'kemikalielukt', 'förorening', 'förorenad', 'döda fiskar', 'oljespill', 'badvatten', 'badvattnet', 'badplats', 'höns', 'djurhållning', 'miljöfarlig'],
      en: ['burning', 'bonfire', 'smoke', 'wood stove', 'chimney', 'fire ban', 'pollution', 'polluted', 'chemical', 'chemicals', 'oil spill', 'dead fish', 'bathing water', 'beach water', 'water tests', 'chickens', 'hens'],
      ar: ['حرق', 'دخان', 'الدخان', 'مدخنه', 'تلوث', 'مواد كيميائيه', 'اسماك ميته', 'مياه السباحه'],
      fi: ['polttami*', 'polttaa', 'savu*', 'tulisija*', 'savupiipp*', 'tulentekokiel*', 'saaste*', 'päästö*', 'kemikaali*', 'kuolleita kaloja', 'uimave*', 'kanoja'],
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
      sv: ['enskilt avlopp', 'avloppsanläggning', 'trekammarbrunn', 'infiltration', 'bergvärme', 'värmepump', 'borrning', 'energibrunn', 'anmälningsplikt', 'miljötillstånd', 'miljöfarlig verksamhet', 'cistern'],
      en: ['private sewage', 'septic tank', 'septic system', 'ground source heat', 'geothermal', 'heat pump', 'drilling', 'environmental permit'],
      ar: ['صرف صحي خاص', 'خزان الصرف', 'مضخه حراريه', 'حفر بئر', 'تصريح بيئي'],
      fi: ['jätevesijärjestelm*', 'saostuskaivo*', 'maalämpö*', 'lämpöpumpp*', 'porakaivo*', 'ympäristölu*'],
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
      sv: ['hemtjänst', 'hemtjänsten', 'hemtjänstgruppen', 'hemtjänstpersonal', 'omsorgspersonal', 'kvällsbesök', 'insulin', 'medicinering', 'mediciner', 'dusch', 'trygghetslarm', 'matlåda', 'matlådor', 'matdistribution', 'biståndshandläggare', 'omvårdnad', 'demens', 'alzheimer', 'alzheimers'],
      en: ['home care', 'home help', 'home carer', 'carers', 'care staff', 'evening visit', 'care visit', 'nobody came', 'medication', 'insulin', 'personal alarm', 'safety alarm', 'meals on wheels', 'meal delivery', 'dementia', 'alzheimer'],
      ar: ['الخدمه المنزليه', 'المساعده المنزليه', 'موظفو الخدمه', 'الدواء', 'دواءها', 'الادويه', 'انسولين', 'انذار الامان', 'الخرف', 'الزهايمر'],
      fi: ['kotihoi*', 'kotipalvelu*', 'kotikäyn*', 'lääkke*', 'lääkitys*', 'insuliini*', 'turvaranneke*', 'turvahälyt*', 'ateriapalvelu*', 'muistisairau*', 'dementi*'],
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
      sv: ['äldreboende', 'äldreboendet', 'särskilt boende', 'vårdboende', 'demensboende', 'demensavdelning', 'korttidsboende', 'korttidsvistelse', 'korttids', 'avlastning', 'avlösning', 'anhörigstöd', 'dagverksamhet', 'seniorboende', 'äldre', 'pensionär'],
      en: ['nursing home', 'care home', 'elderly care', 'old people', 'elderly', 'short-term care', 'short stay', 'respite', 'respite care', 'day centre', 'day care for', 'carer support', 'senior'],
      ar: ['دار المسنين', 'دار رعايه', 'رعايه المسنين', 'كبار السن', 'المسنين', 'رعايه نهاريه', 'اقامه قصيره'],
      fi: ['vanhainkoti*', 'vanhainkodi*', 'hoivakoti*', 'hoivakodi*', 'palvelutalo*', 'ympärivuorokautinen', 'lyhytaikaishoi*', 'intervallihoi*', 'omaishoi*', 'päivätoiminta*', 'vanhu*', 'ikäihmi*', 'ikääntyne*'],
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
      sv: ['lss', 'funktionsnedsättning', 'intellektuell funktionsnedsättning', 'funktionshinder', 'gruppbostad', 'servicebostad', 'daglig verksamhet', 'ledsagarservice', 'ledsagare', 'kontaktperson', 'personlig assistans', 'korttidstillsyn', 'autism', 'downs syndrom', 'rullstol'],
      en: ['lss', 'disability', 'disabilities', 'disabled', 'group home', 'supported living', 'daily activity', 'daily activities', 'companion service', 'contact person', 'personal assistance', 'autism', 'down syndrome', 'wheelchair'],
      ar: ['lss', 'اعاقه', 'الاعاقه', 'ذوي الاعاقه', 'سكن جماعي', 'مساعد شخصي', 'التوحد', 'متلازمه داون', 'كرسي متحرك'],
      fi: ['lss', 'vamma*', 'vammai*', 'kehitysvamm*', 'ryhmäkoti*', 'päivätoimin*', 'henkilökohtainen apu', 'henkilökohtai* avustaj*', 'autismi*', 'pyörätuoli*'],
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
      sv: ['förskola', 'förskolan', 'förskoleplats', 'förskolekö', 'förskoleklass', 'dagis', 'pedagoger', 'barnomsorg', 'pedagogisk omsorg', 'inskolning', 'lämningen', 'hämtning på förskolan'],
      en: ['preschool', 'pre-school', 'kindergarten', 'nursery', 'daycare', 'childcare', 'preschool place', 'preschool queue', 'drop-off'],
      ar: ['الروضه', 'روضه', 'روضه الاطفال', 'الحضانه', 'حضانه', 'رعايه الاطفال'],
      fi: ['päiväkoti*', 'päiväkodi*', 'varhaiskasvatu*', 'esiopetu*', 'esikoulu*', 'hoitopaik*'],
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
      sv: ['skola', 'skolan', 'grundskola', 'grundskolan', 'skolplacering', 'skolval', 'byta skola', 'skolbyte', 'skolskjuts', 'ledighet', 'ledighetsansökan', 'modersmål', 'modersmålsundervisning', 'fritidshem', 'elev', 'eleven', 'elever', 'åk', 'årskurs', 'klass', 'lärare', 'rektor', 'gymnasiet', 'gymnasieskola', 'språkintroduktion', 'läxor', 'betyg', 'specialkost', 'terminen', 'skolmat'],
      en: ['school', 'schools', 'pupil', 'pupils', 'student', 'grade', 'class', 'teacher', 'headteacher', 'principal', 'school change', 'change school', 'school transport', 'school bus', 'leave of absence', 'mother tongue', 'after-school', 'upper secondary', 'homework', 'grades', 'school lunch'],
      ar: ['المدرسه', 'مدرسه', 'التسجيل في المدرسه', 'النقل المدرسي', 'تلميذ', 'تلاميذ', 'الطلاب', 'الصف', 'المعلم', 'المعلمه', 'مدير المدرسه', 'لغه الام', 'الثانويه', 'الواجبات'],
      fi: ['koulu*', 'peruskoulu*', 'koulupaik*', 'koulukuljetu*', 'koulukyydi*', 'oppila*', 'luokka', 'luokalla', 'opettaj*', 'rehtori*', 'lukio*', 'äidinkiel*', 'kotitehtäv*'],
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
      sv: ['mobbning', 'mobbad', 'mobbas', 'kränkning', 'kränkande behandling', 'slagen av andra elever', 'särskilt stöd', 'åtgärdsprogram', 'elevhälsa', 'elevhälsan', 'skolsköterska', 'kurator', 'specialpedagog', 'adhd', 'skolfrånvaro', 'hemmasittare'],
      en: ['bullying', 'bullied', 'harassment at school', 'special support', 'special needs', 'pupil health', 'school nurse', 'school counsellor', 'adhd', 'absence from school'],
      ar: ['التنمر', 'تنمر', 'يتعرض للتنمر', 'دعم خاص', 'ممرضه المدرسه', 'المرشد الطلابي'],
      fi: ['kiusa*', 'koulukiusa*', 'erityistu*', 'tehostettu tuki', 'oppilashuol*', 'kouluterveydenhoitaj*', 'kuraattori*'],
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
      sv: ['bibliotek', 'biblioteket', 'biblioteken', 'stadsbiblioteket', 'böcker', 'ljudböcker', 'lånekort', 'låna böcker', 'språkcafé', 'tidningar', 'e-böcker'],
      en: ['library', 'libraries', 'books', 'audiobooks', 'library card', 'language café', 'language cafe', 'newspapers', 'e-books'],
      ar: ['المكتبه', 'مكتبه', 'كتب', 'الكتب', 'بطاقه المكتبه', 'الصحف', 'مقهى اللغه'],
      fi: ['kirjasto*', 'kirjoja', 'kirjat', 'äänikirj*', 'kirjastokort*', 'lehti*', 'lehdet', 'lehtiä', 'kielikahvil*'],
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
      sv: ['simhall', 'simhallen', 'badhus', 'simskola', 'simskolan', 'bassäng', 'allmänhetens bad', 'idrottshall', 'sporthall', 'gympasal', 'gympasalen', 'fotbollsplan', 'fotbollsplanen', 'konstgräsplan', 'idrottsplats', 'ip', 'elljusspår', 'ishall', 'klätterväg', 'skatepark', 'tider i hallen', 'innebandy', 'boka lokal', 'boka hallen', 'boka salen'],
      en: ['swimming pool', 'swimming', 'swimming lessons', 'public swimming', 'sports hall', 'gym hall', 'football pitch', 'pitch', 'cricket', 'sports ground', 'ice rink', 'climbing wall', 'skate park', 'book the hall'],
      ar: ['مسبح', 'المسبح', 'سباحه', 'دروس سباحه', 'قاعه رياضيه', 'ملعب كره القدم', 'نادي رياضي', 'رياضه', 'حجز القاعه'],
      fi: ['uimahalli*', 'uima*', 'uimakoulu*', 'liikuntahalli*', 'liikuntapaik*', 'urheilu*', 'jalkapallokent*', 'jäähalli*', 'salivuoro*'],
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
      sv: ['fritidsgård', 'fritidsgården', 'ungdomens hus', 'ungdomar', 'lovaktiviteter', 'sommarlovsaktiviteter', 'sommarläger', 'kulturskola', 'kulturskolan', 'aktiviteter för unga', 'fritidsaktiviteter', 'disco'],
      en: ['youth centre', 'youth center', 'teenagers', 'young people', 'summer camp', 'holiday activities', 'free activities', 'activities for kids', 'arts school', 'music school'],
      ar: ['مركز الشباب', 'الشباب', 'انشطه', 'نشاطات', 'مخيم صيفي', 'نادي للفتيات'],
      fi: ['nuorisotalo*', 'nuoriso*', 'nuorille', 'harrastu*', 'kesäleiri*', 'lomatoimin*', 'musiikkiopisto*', 'taidekoulu*'],
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
      sv: ['kultur', 'kulturfestival', 'festival', 'musikfestival', 'konsert', 'utställning', 'teater', 'föreningsbidrag', 'arrangemangsbidrag', 'startbidrag', 'kulturstöd', 'förening', 'föreningen'],
      en: ['culture', 'cultural', 'festival', 'concert', 'exhibition', 'theatre', 'grant for our association', 'association grant', 'event grant', 'club', 'association'],
      ar: ['ثقافه', 'الثقافه', 'مهرجان', 'حفله موسيقيه', 'معرض', 'مسرح', 'جمعيه', 'منحه للجمعيه'],
      fi: ['kulttuuri*', 'festivaal*', 'konsert*', 'näyttely*', 'teatteri*', 'yhdistys*', 'kohdeavustu*', 'toiminta-avustu*'],
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
      sv: ['bygglov', 'bygglovet', 'bygglovsansökan', 'rivningslov', 'marklov', 'attefall', 'attefallshus', 'tillbyggnad', 'fasadändring', 'fasad', 'carport', 'garage', 'plank', 'staket', 'mur', 'pool', 'altan', 'uthus', 'byggnadsnämnden', 'slutbesked', 'startbesked', 'bygganmälan', 'solpaneler', 'solceller'],
      en: ['building permit', 'planning permission', 'demolition permit', 'extension', 'facade', 'façade', 'fence', 'garage', 'carport', 'swimming pool', 'deck', 'shed', 'solar panels', 'building committee'],
      ar: ['ترخيص بناء', 'رخصه بناء', 'تصريح بناء', 'ترخيص البناء', 'بناء', 'سور', 'جدار', 'مرآب', 'كراج', 'الواح شمسيه'],
      fi: ['rakennuslu*', 'rakennusluv*', 'toimenpidelu*', 'purkulu*', 'purkuluv*', 'laajennu*', 'julkisivu*', 'aita', 'autotalli*', 'katos', 'aurinkopaneel*', 'rakennusvalvon*'],
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
      sv: ['nybyggnadskarta', 'karta', 'kartan', 'kartbeställning', 'baskarta', 'utstakning', 'lägeskontroll', 'fastighetsgräns', 'fastighetsbildning', 'lantmäteri', 'avstyckning', 'stycka av', 'gatuadress', 'belägenhetsadress', 'fastigheten'],
      en: ['base map', 'map of my property', 'map', 'setting out', 'surveying', 'survey', 'property boundary', 'property line', 'street address', 'subdivision'],
      ar: ['خريطه', 'الخريطه', 'خريطه لارضي', 'مسح الارض', 'حدود العقار', 'العقار', 'قطعه ارض', 'ارضي'],
      fi: ['kartta*', 'kartan', 'karttaote*', 'pohjakart*', 'mittau*', 'rajamerk*', 'kiinteistö*', 'tontti*', 'tontin'],
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
      sv: ['detaljplan', 'detaljplanen', 'planbesked', 'översiktsplan', 'samråd', 'strandskydd', 'strandskyddet', 'stadsplanering', 'nybyggnation', 'höghus', 'flerbostadshus', 'bostadsområde', 'exploatering', 'byggas', 'bygga om kvarteren'],
      en: ['zoning plan', 'zoning', 'detailed plan', 'local plan', 'urban planning', 'comprehensive plan', 'consultation', 'shoreline protection', 'new buildings', 'high-rise', 'development plans', 'new development'],
      ar: ['مخطط تفصيلي', 'المخطط التفصيلي', 'التخطيط العمراني', 'تخطيط المدينه', 'مباني جديده', 'ابراج'],
      fi: ['asemakaav*', 'yleiskaav*', 'kaupunkisuunnittel*', 'rantaraken*', 'rantasuoj*', 'uudisrakentami*', 'kerrostal*', 'kaavoitu*'],
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
      sv: ['utan bygglov', 'utan lov', 'olovligt byggande', 'olovligt', 'svartbygge', 'grannehörande', 'grannen har byggt', 'skymmer', 'ovårdad tomt', 'förfallen byggnad', 'byggnadsnämnden tillsyn'],
      en: ['without a permit', 'without permission', 'illegal building', 'unauthorised building', 'unauthorized building', 'blocks the view', 'block the view', 'neighbour consultation', 'who approved'],
      ar: ['بدون ترخيص', 'بناء غير مرخص', 'بناء مخالف'],
      fi: ['ilman lupaa', 'luvaton rakentami*', 'luvattom*', 'rakennusvalvon*'],
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
      sv: ['ekonomiskt bistånd', 'försörjningsstöd', 'bistånd', 'socialbidrag', 'har inte råd', 'råd med hyran', 'hyran', 'hyresskuld', 'arbetslös', 'a-kassan', 'a-kassa', 'sjukskriven', 'ingen inkomst', 'skuldrådgivning', 'budgetrådgivning', 'nybesök', 'socialtjänsten', 'socialkontoret'],
      en: ['financial assistance', 'financial support', 'social welfare', 'welfare benefit', 'försörjningsstöd', 'ekonomiskt bistånd', 'afford the rent', 'afford rent', 'no income', 'lost my job', 'unemployment insurance', 'debt advice', 'social services', 'social worker'],
      ar: ['مساعده ماليه', 'المساعده الماليه', 'الخدمات الاجتماعيه', 'السوسيال', 'دفع الايجار', 'الايجار', 'فقدت عملي', 'بدون دخل', 'ديون'],
      fi: ['toimeentulotu*', 'sosiaalitoimi*', 'sosiaalitoimisto*', 'sosiaalityöntekijä*', 'vuokra*', 'työtön', 'työttömyyskorvau*', 'velkaneuvon*'],
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
      sv: ['orosanmälan', 'far illa', 'barnet far illa', 'lämnas ensamma', 'ensam hemma', 'slår barnen', 'pappa slår', 'mamma slår', 'blåmärken', 'synliga skador', 'barnavård', 'socialjouren', 'barn i fara'],
      en: ['child at risk', 'worried about a child', 'worried about a little', 'child abuse', 'neglect', 'neglected', 'hitting', 'bruises', 'left alone', 'report concern', 'child protection', 'child welfare'],
      ar: ['بلاغ قلق', 'طفل في خطر', 'اساءه للطفل', 'اهمال', 'يضرب', 'كدمات', 'حمايه الطفل'],
      fi: ['lastensuojelu*', 'huoli lapsesta', 'laiminly*', 'lyö', 'mustelm*'],
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
      sv: ['missbruk', 'missbruket', 'alkoholproblem', 'droger', 'narkotika', 'spelberoende', 'vuxenenheten', 'våld i nära relation', 'misshandlad', 'misshandel', 'skyddat boende', 'kvinnojour', 'hemlös', 'bostadslös', 'ingenstans att sova', 'utslängd', 'bor i bilen', 'akut boende', 'alkoholmissbruk', 'dricker för mycket'],
      en: ['addiction', 'drinking problem', 'drugs', 'substance abuse', 'gambling', 'domestic violence', 'abused', 'beaten', 'shelter', 'protected housing', 'homeless', 'nowhere to sleep', 'kicked out', 'alcohol problem', 'struggling with alcohol', 'alcoholism'],
      ar: ['ادمان', 'الادمان', 'مخدرات', 'عنف', 'العنف الاسري', 'مأوى', 'سكن طارئ', 'بلا مأوى', 'مشرد', 'ادمان الكحول'],
      fi: ['päihde*', 'päihtei*', 'huume*', 'riippuvuu*', 'lähisuhdeväkival*', 'väkivalta*', 'turvakoti*', 'asunnoton*', 'hätämajoitu*', 'alkoholiongelm*'],
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
      sv: ['god man', 'gode man', 'godman', 'förvaltare', 'förvaltarskap', 'ställföreträdare', 'huvudmannen', 'huvudman', 'ensamkommande', 'överförmyndare', 'överförmyndaren', 'överförmyndarnämnden', 'avsluta uppdraget', 'sköta sina räkningar'],
      en: ['god man', 'trustee', 'guardian', 'guardianship', 'administrator', 'förvaltare', 'chief guardian', 'unaccompanied minor', 'manage his finances', 'manage her finances', 'pay bills'],
      ar: ['god man', 'وصي', 'الوصي', 'الوصايه', 'قاصر', 'طفل قاصر', 'جاء وحده'],
      fi: ['god man', 'edunvalvo*', 'edunvalvoja*', 'holhou*', 'holhoustoimi*', 'edunvalvontavaltuu*', 'laskuja*'],
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
      sv: ['årsräkning', 'årsräkningen', 'sluträkning', 'redogörelse', 'förteckning', 'verifikationer', 'spärrat konto', 'spärrade kontot', 'uttag', 'samtycke', 'överförmyndarens samtycke', 'försäljning av bostad', 'arvode'],
      en: ['annual report', 'annual accounts', 'årsräkning', 'final accounts', 'receipts', 'locked account', 'blocked account', 'withdrawal', 'consent to sell', 'report the sale', 'fee for the trustee'],
      ar: ['الحساب السنوي', 'الايصالات', 'حساب مجمد', 'سحب', 'موافقه على البيع'],
      fi: ['vuositi*', 'vuositilin', 'päätöstili*', 'tositte*', 'lupa myydä', 'suostumu*'],
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
      sv: ['komvux', 'sfi', 'vuxenutbildning', 'vuxenutbildningen', 'yrkesvux', 'studievägledning', 'studievägledare', 'läsa in', 'sommarkurs', 'sommarkursen', 'kurs', 'distans'],
      en: ['komvux', 'sfi', 'adult education', 'swedish for immigrants', 'swedish course', 'evening classes', 'vocational training', 'study online', 'course'],
      ar: ['sfi', 'komvux', 'تعليم الكبار', 'دوره', 'دراسه', 'لدراسه', 'اللغه السويديه'],
      fi: ['sfi', 'komvux', 'aikuiskoulutu*', 'aikuisopisk*', 'ruotsin kurssi*', 'kurssi*', 'ammattikoulutu*', 'opiskel*'],
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
      sv: ['lediga jobb', 'lediga tjänster', 'jobb', 'jobba', 'arbete inom kommunen', 'anställning', 'rekrytering', 'feriejobb', 'sommarjobb', 'jobbcentrum', 'arbetsmarknadsinsats', 'arbetsmarknadsenheten', 'praktik', 'undersköterska', 'personlig assistent'],
      en: ['vacancies', 'vacancy', 'job', 'jobs', 'hire', 'hiring', 'recruitment', 'work for the municipality', 'summer job', 'employment support', 'internship', 'personal assistants'],
      ar: ['وظائف', 'وظيفه', 'وظائف شاغره', 'فرص عمل', 'التوظيف', 'تدريب عملي', 'مساعد شخصي', 'البحث عن عمل'],
      fi: ['työpaik*', 'avoimet työpaikat', 'työnhak*', 'rekrytoin*', 'kesätyö*', 'työllisyy*', 'harjoittelu*', 'työharjoittel*'],
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
      sv: ['starta företag', 'företag', 'företaget', 'företagare', 'näringsliv', 'näringslivet', 'företagslots', 'nyföretagare', 'etablering', 'lokaler', 'butikslokal', 'upphandling', 'upphandlingar'],
      en: ['start a business', 'start a company', 'business', 'company', 'entrepreneur', 'business advice', 'consulting company', 'premises', 'procurement', 'procurements', 'tender'],
      ar: ['شركه', 'مشروع تجاري', 'تاسيس شركه', 'الاعمال', 'محل تجاري', 'مناقصه'],
      fi: ['yrity*', 'yrittä*', 'perustaa yrity*', 'yritysneuvon*', 'liiketil*', 'toimitil*', 'hankin*', 'kilpailutu*'],
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
