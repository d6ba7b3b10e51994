import { escapeHtml, htmlPage } from '../pages/html-page';

const COPY: Record<string, { title: string; question: string; button: string; done: string; doneBody: string; invalid: string }> = {
  sv: {
    title: 'Avsluta meddelanden',
    question: 'Vill du sluta få meddelanden från oss till den här adressen? Du får då inga kvitton, statusbesked, svar eller enkäter via den.',
    button: 'Ja, avsluta meddelandena',
    done: 'Klart – vi skickar inga fler meddelanden till den här adressen.',
    doneBody: 'Vill du veta hur det går med ett ärende kan du fortfarande kontakta oss.',
    invalid: 'Länken är ogiltig eller har ändrats.',
  },
  en: {
    title: 'Stop messages',
    question: 'Do you want to stop receiving messages from us at this address? You will then get no receipts, status updates, answers or surveys there.',
    button: 'Yes, stop the messages',
    done: 'Done – we will not send any more messages to this address.',
    doneBody: 'You can still contact us to ask about an inquiry.',
    invalid: 'This link is invalid or has been changed.',
  },
  ar: {
    title: 'إيقاف الرسائل',
    question: 'هل تريد التوقف عن تلقي الرسائل منا على هذا العنوان؟ لن تصلك بعد ذلك إيصالات أو تحديثات أو ردود أو استبيانات عليه.',
    button: 'نعم، أوقف الرسائل',
    done: 'تم – لن نرسل المزيد من الرسائل إلى هذا العنوان.',
    doneBody: 'لا يزال بإمكانك التواصل معنا للاستفسار عن طلبك.',
    invalid: 'هذا الرابط غير صالح أو تم تغييره.',
  },
  fi: {
    title: 'Lopeta viestit',
    question: 'Haluatko lopettaa viestien vastaanottamisen meiltä tähän osoitteeseen? Et silloin saa siihen kuittauksia, tilannetietoja, vastauksia etkä kyselyjä.',
    button: 'Kyllä, lopeta viestit',
    done: 'Valmis – emme lähetä enää viestejä tähän osoitteeseen.',
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
