/** Words that say nothing about a topic (Swedish and English), plus contact-center filler. */
const SV = `och att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan man när år säger
hon under också efter eller nu sedan vid mot alla där skulle kommer ut får finns vara blir hade bara sina hur mycket andra
detta dessa denna vilket vilken vilka varför vad vem vart ska skall måste kunde kunna kan inga ingen inget något någon några
mig mitt min mina din dina ditt dig oss vår våra vårt er era ert ni dem deras hans hennes dess sitt sin sina här där då
också igen redan ännu även bara mer mest mindre lite ganska väldigt mycket helt alltid aldrig ofta ibland idag igår imorgon
hej hejsan tack tackar vänliga hälsningar mvh undrar fråga frågor fråga gäller hjälp hjälpa behöver vill ville skulle går
gick gjort göra gör fick få ha haft hade blev blivit varit vara är var sen innan över utan genom mellan hos åt upp ner
in ut fram bort kvar än inom runt samt dock eftersom därför medan tills dag dagar vecka veckor gång gånger sätt`;
const EN = `the a an and or but if then else of to in on at by for with from about into over after before under between
through during without within up down out off again further once here there when where why how all any both each few more
most other some such no nor not only own same so than too very can will just should now is are was were be been being have
has had having do does did doing i me my mine myself we our ours you your yours he him his she her hers it its they them
their theirs what which who whom this that these those am would could might must shall may also get got getting please
hello hi dear thanks thank regards kind best question questions ask asking wonder wondering help need needs want wanted
know like yes one two still even really much many since because while until day days week weeks time times way`;

export const STOP_WORDS = new Set([...SV.split(/\s+/), ...EN.split(/\s+/)].filter(Boolean));
