import stopwordsIso from 'stopwords-iso/stopwords-iso.json';

/** The languages citizens write to the demo municipality in (DESIGN.md: staff speak sv, en, ar; fi is an official minority language). */
const LANGUAGES = ['sv', 'en', 'ar', 'fi'] as const;

/**
 * Words every inquiry to a municipality has whatever it is about, which the maintained lists do
 * not know: greetings, asking and needing, the addressee, the act of getting in touch, the
 * language asked in, and who the citizen is asking for (family words point at a person, not at a
 * topic).
 */
const CONTACT_CENTER_FILLER = `
och att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan man när år säger
hon under också efter eller nu sedan vid mot alla där skulle kommer ut får finns vara blir hade bara sina hur mycket andra
detta dessa denna vilket vilken vilka varför vad vem vart ska skall måste kunde kunna kan inga ingen inget något någon några
mig mitt min mina din dina ditt dig oss vår våra vårt er era ert ni dem deras hans hennes dess sitt sin sina här där då
också igen redan ännu även bara mer mest mindre lite ganska väldigt mycket helt alltid aldrig ofta ibland idag igår imorgon
hej hejsan tack tackar vänliga hälsningar mvh undrar fråga frågor fråga gäller hjälp hjälpa behöver vill ville skulle går
gick gjort göra gör fick få ha haft hade blev blivit varit vara är var sen innan över utan genom mellan hos åt upp ner
in ut fram bort kvar än inom runt samt dock eftersom därför medan tills dag dagar vecka veckor gång gånger sätt
the a an and or but if then else of to in on at by for with from about into over after before under between
through during without within up down out off again further once here there when where why how all any both each few more
most other some such no nor not only own same so than too very can will just should now is are was were be been being have
has had having do does did doing i me my mine myself we our ours you your yours he him his she her hers it its they them
their theirs what which who whom this that these those am would could might must shall may also get got getting please
hello hi dear thanks thank regards kind best question questions ask asking wonder wondering help need needs want wanted
know like yes one two still even really much many since because while until day days week weeks time times way
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
