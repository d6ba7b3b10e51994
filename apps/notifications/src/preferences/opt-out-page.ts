import { escapeHtml, htmlPage } from '../pages/html-page';

const COPY: Record<string, { title: string; question: string; button: string; done: string; doneBody: string; invalid: string }> = {
  sv: {
    title: 'Avsluta meddelanden',
    question: 'Vill du sluta få automatiska meddelanden från oss till den här adressen? Du får då inga kvitton, statusbesked eller enkäter via den. Svar på frågor du har ställt till oss får du fortfarande.',
    button: 'Ja, avsluta meddelandena',
    done: 'Klart – vi skickar inga fler automatiska meddelanden till den här adressen. Svar på dina frågor får du fortfarande.',
    doneBody: 'Vill du veta hur det går med ett ärende kan du fortfarande kontakta oss.',
    invalid: 'Länken är ogiltig eller har ändrats.',
  },
  en: {
    title: 'Stop messages',
    question: 'Do you want to stop receiving automatic messages from us at this address? You will then get no receipts, status updates or surveys there. Answers to questions you asked us still reach you.',
    button: 'Yes, stop the messages',
    done: 'Done – we will not send any more automatic messages to this address. Answers to your questions still reach you.',
    doneBody: 'You can still contact us to ask about an inquiry.',
    invalid: 'This link is invalid or has been changed.',
  },
  ar: {
    title: 'إيقاف الرسائل',
    question: 'هل تريد التوقف عن تلقي الرسائل التلقائية منا على هذا العنوان؟ لن تصلك بعد ذلك إيصالات أو تحديثات أو استبيانات عليه. ستظل تصلك الردود على الأسئلة التي طرحتها علينا.',
    button: 'نعم، أوقف الرسائل',
    done: 'تم – لن نرسل المزيد من الرسائل التلقائية إلى هذا العنوان. ستظل تصلك الردود على أسئلتك.',
    doneBody: 'لا يزال بإمكانك التواصل معنا للاستفسار عن طلبك.',
    invalid: 'هذا الرابط غير صالح أو تم تغييره.',
  },
  fi: {
    title: 'Lopeta viestit',
    question: 'Haluatko lopettaa automaattisten viestien vastaanottamisen meiltä tähän osoitteeseen? Et silloin saa siihen kuittauksia, tilannetietoja etkä kyselyjä. Vastaukset kysymyksiisi saat edelleen.',
    button: 'Kyllä, lopeta viestit',
    done: 'Valmis – emme lähetä enää automaattisia viestejä tähän osoitteeseen. Vastaukset kysymyksiisi saat edelleen.',
    doneBody: 'Voit edelleen ottaa meihin yhteyttä asiasi tiimoilta.',
    invalid: 'Linkki on virheellinen tai sitä on muutettu.',
  },
};

const copyFor = (language: string) => (COPY[language] ? { language, c: COPY[language] } : { language: 'sv', c: COPY.sv });

/** A GET only shows the question (mail scanners follow links); the button posts the opt-out. */
export function optOutConfirmPage(language: string, token: string): string {
  const { language: lang, c } = copyFor(language);
  return htmlPage({
    language: lang,
    title: c.title,
    body: `<h1>${escapeHtml(c.title)}</h1>
<p>${escapeHtml(c.question)}</p>
<form method="post" action="/v1/opt-out/${encodeURIComponent(token)}">
<p><button type="submit">${escapeHtml(c.button)}</button></p>
</form>`,
  });
}

export function optOutDonePage(language: string): string {
  const { language: lang, c } = copyFor(language);
  return htmlPage({ language: lang, title: c.title, body: `<h1>${escapeHtml(c.done)}</h1>\n<p>${escapeHtml(c.doneBody)}</p>` });
}

export function optOutInvalidPage(): string {
  return htmlPage({ language: 'sv', title: COPY.sv.title, body: `<h1>${escapeHtml(COPY.sv.invalid)}</h1>\n<p lang="en" dir="ltr">${escapeHtml(COPY.en.invalid)}</p>` });
}
