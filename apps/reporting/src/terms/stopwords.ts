import stopwordsIso from 'stopwords-iso/stopwords-iso.json';

/** The languages citizens write to the demo municipality in (DESIGN.md: staff speak sv, en, ar; fi is an official minority language). */
const LANGUAGES = ['sv', 'en', 'ar', 'fi'] as const;

/**
 * Words every inquiry to a municipality has whatever it is about, which the maintained lists do
 * not know: the addressee, the act of getting in touch, the language asked in, and who the
 * citizen is asking for (family words point at a person, not at a topic).
 */
const CONTACT_CENTER_FILLER = `
kommun kommunen kommunens kommuner kommunerna stad staden kontaktcenter kontaktcentret ringer ringde ringa ringt ring mejl mejlar
mejlade mail mailar skriver skrev hela helt hel svar svara svarar besked ärendet
english engelska svenska arabiska finska språket
son sonen söner dotter dottern döttrar barnet mamma pappa make maka fru man mannen
municipality council city call calling called phone phoned email emailed mail writing wrote answer reply
kids kid son daughter mother father husband wife
البلدية بلدية اتصلت اتصال الإنجليزية العربية ابني ابنتي
kunta kunnan kaupunki soitin soittaa sähköposti englanti ruotsi suomi poika tytär
`;

export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...LANGUAGES.flatMap((l) => (stopwordsIso as Record<string, string[]>)[l]),
  ...CONTACT_CENTER_FILLER.split(/\s+/),
].map((w) => w.normalize('NFC').toLocaleLowerCase('sv')).filter(Boolean));

/** Greetings and sign-offs: the word after one is a name ("Hej Anna", "Mvh Erik", "Regards, John"). */
export const NAME_CUES: ReadonlySet<string> = new Set(`hej hejsan hallå mvh hälsningar vänligen hälsar hi hello dear regards thanks cheers sincerely
hei terveisin kiitos مرحبا`.split(/\s+/).filter(Boolean));
