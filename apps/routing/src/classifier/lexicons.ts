/**
 * Small built-in cue lexicons (sv/en/ar/fi) that turn general language knowledge into a
 * handful of shared features: "this reads like thanks", "like a proposal", "like something
 * broken", "like it must happen today". They help most where the training data is thin
 * (Arabic, Finnish): the model learns one weight per cue, valid for every language.
 *
 * Written from general knowledge of how citizens write to a municipality, not from any
 * particular message. Same matching rules as catalogue keywords (see keywords.ts).
 */
export const CUE_LEXICONS: Record<string, string[]> = {
  praise: [
    'tack', 'tacka', 'tackar', 'beröm', 'berömma', 'fantastisk', 'jättebra', 'nöjd', 'toppen', 'bra jobbat', 'underbar', 'omtänksam', 'trevligt bemötande', 'vänligt bemötande',
    'thank', 'thanks', 'grateful', 'great job', 'well done', 'appreciate', 'loved', 'amazing', 'excellent', 'kudos', 'wonderful',
    'شكرا', 'شكر', 'اشكر', 'ممتن', 'رائع', 'احسنتم',
    'kiitos', 'kiittää', 'kiitän', 'loistava', 'upea', 'hienoa',
  ],
  proposal: [
    'förslag', 'föreslå', 'föreslår', 'medborgarförslag', 'inför', 'bygg', 'sätt upp', 'kan ni bygga', 'borde', 'önskar', 'skulle vara bra om', 'varför inte',
    'suggest', 'suggestion', 'propose', 'proposal', 'would it be possible', 'please build', 'should', 'could you install', 'idea', 'it would be great',
    'اقترح', 'نقترح', 'اقتراح', 'اقتراحي', 'يجب', 'فكره',
    'ehdotan', 'ehdotus', 'ehdottaa', 'voisiko', 'pitäisi', 'toivoisin',
  ],
  complaint: [
    'klagomål', 'klaga', 'klagar', 'missnöjd', 'oacceptabelt', 'skandal', 'dåligt', 'varför', 'alltid', 'hela tiden', 'igen', 'fortfarande', 'ingen svarar', 'arg', 'irriterad', 'upprörd', 'trots', 'orimligt', 'äckligt',
    'complaint', 'complain', 'unacceptable', 'annoying', 'disappointed', 'always', 'every time', 'again', 'still', 'nobody answers', 'nobody', 'why', 'ridiculous', 'terrible',
    'شكوى', 'اشتكي', 'غير مقبول', 'دائما', 'مزعج', 'لماذا', 'مره اخرى',
    'valitus', 'valitan', 'tyytymätön', 'aina', 'taas', 'edelleen', 'miksi', 'kamala',
  ],
  fault: [
    'trasig', 'trasigt', 'trasiga', 'sönder', 'gått sönder', 'fungerar inte', 'funkar inte', 'ur funktion', 'skadad', 'släckt', 'läcker', 'nedfallen', 'lös', 'lossnat', 'har inte tömts', 'inte hämtats', 'nere',
    'broken', 'not working', "doesn't work", 'does not work', 'out of order', 'damaged', 'leaking', 'fallen', 'stuck', 'loose', 'not emptied',
    'مكسور', 'مكسوره', 'معطل', 'لا يعمل', 'تالف', 'خراب', 'لم يتم تفريغ',
    'rikki', 'ei toimi', 'rikkinäinen', 'vaurio*', 'vuotaa', 'kaatunut', 'tyhjentämät*',
  ],
  request: [
    'ansöka', 'ansöker', 'ansökan', 'vill söka', 'anmäla', 'anmälan', 'beställa', 'vill boka', 'begär', 'härmed', 'bifogar', 'bifogas', 'vill byta', 'vill ha hjälp', 'behöver hjälp', 'vill ansöka',
    'apply', 'applying', 'application', 'hereby', 'attached', 'request', 'order', 'we want to', 'we would like', 'please send', 'i need help',
    'التقديم', 'اقدم', 'طلب', 'اريد', 'نريد', 'مرفق', 'نحتاج',
    'hakea', 'hakemus', 'haen', 'tilata', 'liitteenä', 'haluamme', 'haluan', 'tarvitsee',
  ],
  question: [
    'hur', 'var', 'när', 'vilka', 'vilken', 'vad', 'finns det', 'kan man', 'får man', 'undrar', 'fråga', 'frågar', 'informerat', 'svarat', 'hänvisat', 'måste jag', 'behöver jag', 'gäller',
    'how', 'where', 'when', 'what', 'which', 'is there', 'are there', 'can i', 'do i need', 'question', 'asked', 'explained',
    'هل', 'كيف', 'اين', 'متى', 'ما هي', 'سؤال', 'ماذا',
    'onko', 'miten', 'missä', 'milloin', 'mitä', 'voiko', 'kysymys', 'tarvitsenko', 'saanko',
  ],
  urgent: [
    'akut', 'brådskande', 'genast', 'omedelbart', 'idag', 'i dag', 'ikväll', 'i kväll', 'i natt', 'inatt', 'just nu', 'farligt', 'livsfarligt', 'fara', 'översvämning', 'svämmar över', 'vattenläcka', 'forsar', 'sprutar', 'brand', 'brinner',
    'ingen kom', 'har inte kommit', 'inte fått', 'insulin', 'orosanmälan', 'slår', 'misshandlad', 'skyddat boende', 'ingenstans att sova', 'blankis', 'halkat', 'ligger på marken', 'helt svart',
    'urgent', 'emergency', 'immediately', 'asap', 'today', 'tonight', 'right now', 'dangerous', 'flooding', 'gushing', 'nobody came', "didn't come", 'medication', 'hitting', 'abuse', 'nowhere to sleep', 'stuck on red', 'fire',
    'عاجل', 'بسرعه', 'فورا', 'اليوم', 'الليله', 'خطير', 'خطر', 'فيضان', 'لم يات', 'دواء', 'دواءها', 'يضرب',
    'kiireellinen', 'kiire', 'heti', 'tänään', 'tänä iltana', 'vaarallinen', 'vaara', 'tulva*', 'ei tullut', 'lääke*',
  ],
};
