import { escapeHtml, htmlPage } from '../pages/html-page';

interface SurveyCopy {
  title: string;
  intro: string;
  question: string;
  scores: [string, string, string, string, string];
  comment: string;
  commentHint: string;
  submit: string;
  thanks: string;
  thanksBody: string;
  answered: string;
  expired: string;
  notFound: string;
  chooseScore: string;
  tooLong: string;
}

const COPY: Record<string, SurveyCopy> = {
  sv: {
    title: 'Hur nöjd är du?',
    intro: 'Ditt ärende {reference} är avslutat. Berätta gärna hur du tycker att vi skötte det – det tar en halv minut.',
    question: 'Hur nöjd är du med hur vi hanterade ditt ärende?',
    scores: ['1 – Mycket missnöjd', '2 – Missnöjd', '3 – Varken eller', '4 – Nöjd', '5 – Mycket nöjd'],
    comment: 'Vill du berätta mer? (frivilligt)',
    commentHint: 'Skriv inga personuppgifter, till exempel personnummer.',
    submit: 'Skicka svar',
    thanks: 'Tack för ditt svar!',
    thanksBody: 'Vi använder svaren för att bli bättre.',
    answered: 'Den här enkäten är redan besvarad. Tack!',
    expired: 'Den här enkäten har stängt.',
    notFound: 'Vi hittar ingen enkät med den här länken.',
    chooseScore: 'Välj ett av alternativen 1–5.',
    tooLong: 'Kommentaren får vara högst 4000 tecken.',
  },
  en: {
    title: 'How satisfied are you?',
    intro: 'Your inquiry {reference} is closed. Please tell us how we handled it – it takes half a minute.',
    question: 'How satisfied are you with how we handled your inquiry?',
    scores: ['1 – Very dissatisfied', '2 – Dissatisfied', '3 – Neither', '4 – Satisfied', '5 – Very satisfied'],
    comment: 'Anything you would like to add? (optional)',
    commentHint: 'Please do not include personal data such as your personal identity number.',
    submit: 'Send answer',
    thanks: 'Thank you for your answer!',
    thanksBody: 'We use the answers to improve.',
    answered: 'This survey has already been answered. Thank you!',
    expired: 'This survey has closed.',
    notFound: 'We cannot find a survey with this link.',
    chooseScore: 'Choose one of the options 1–5.',
    tooLong: 'The comment can be at most 4000 characters.',
  },
  ar: {
    title: 'ما مدى رضاك؟',
    intro: 'تم إغلاق طلبك {reference}. أخبرنا كيف تعاملنا معه – لن يستغرق ذلك سوى نصف دقيقة.',
    question: 'ما مدى رضاك عن طريقة معالجتنا لطلبك؟',
    scores: ['1 – غير راضٍ إطلاقاً', '2 – غير راضٍ', '3 – محايد', '4 – راضٍ', '5 – راضٍ جداً'],
    comment: 'هل تود إضافة شيء؟ (اختياري)',
    commentHint: 'يرجى عدم كتابة بيانات شخصية مثل الرقم الشخصي.',
    submit: 'إرسال الإجابة',
    thanks: 'شكراً على إجابتك!',
    thanksBody: 'نستخدم الإجابات لتحسين خدماتنا.',
    answered: 'تمت الإجابة على هذا الاستبيان بالفعل. شكراً لك!',
    expired: 'تم إغلاق هذا الاستبيان.',
    notFound: 'لم نجد استبياناً بهذا الرابط.',
    chooseScore: 'اختر أحد الخيارات من 1 إلى 5.',
    tooLong: 'يجب ألا يتجاوز التعليق 4000 حرف.',
  },
  fi: {
    title: 'Kuinka tyytyväinen olet?',
    intro: 'Asiasi {reference} on käsitelty. Kerro meille, miten hoidimme sen – se vie puoli minuuttia.',
    question: 'Kuinka tyytyväinen olet asiasi käsittelyyn?',
    scores: ['1 – Erittäin tyytymätön', '2 – Tyytymätön', '3 – Ei tyytyväinen eikä tyytymätön', '4 – Tyytyväinen', '5 – Erittäin tyytyväinen'],
    comment: 'Haluatko kertoa lisää? (vapaaehtoinen)',
    commentHint: 'Älä kirjoita henkilötietoja, kuten henkilötunnusta.',
    submit: 'Lähetä vastaus',
    thanks: 'Kiitos vastauksestasi!',
    thanksBody: 'Käytämme vastauksia toimintamme parantamiseen.',
    answered: 'Tähän kyselyyn on jo vastattu. Kiitos!',
    expired: 'Tämä kysely on suljettu.',
    notFound: 'Emme löydä kyselyä tällä linkillä.',
    chooseScore: 'Valitse yksi vaihtoehdoista 1–5.',
    tooLong: 'Kommentti voi olla enintään 4000 merkkiä.',
  },
};

export function surveyCopy(language: string): { language: string; copy: SurveyCopy } {
  return COPY[language] ? { language, copy: COPY[language] } : { language: 'sv', copy: COPY.sv };
}

/** The form: a labelled radio group (fieldset/legend), a labelled comment, a submit button. */
export function surveyFormPage(opts: { language: string; token: string; reference?: string; error?: string; score?: number; comment?: string }): string {
  const { language, copy } = surveyCopy(opts.language);
  const intro = copy.intro.replace('{reference}', opts.reference ? `<bdi>${escapeHtml(opts.reference)}</bdi>` : '');
  const radios = copy.scores
    .map((label, i) => {
      const v = i + 1;
      return `<div class="option"><input type="radio" id="score-${v}" name="score" value="${v}" required${opts.score === v ? ' checked' : ''}${opts.error ? ' aria-describedby="form-error"' : ''}>` +
        `<label for="score-${v}">${escapeHtml(label)}</label></div>`;
    })
    .join('\n');
  const error = opts.error ? `<p class="error" id="form-error" role="alert">${escapeHtml(opts.error)}</p>\n` : '';
  const body = `<h1>${escapeHtml(copy.title)}</h1>
<p>${intro}</p>
${error}<form method="post" action="/surveys/${encodeURIComponent(opts.token)}">
<fieldset>
<legend>${escapeHtml(copy.question)}</legend>
${radios}
</fieldset>
<p><label for="comment">${escapeHtml(copy.comment)}</label><br>
<span class="hint" id="comment-hint">${escapeHtml(copy.commentHint)}</span></p>
<textarea id="comment" name="comment" maxlength="4000" aria-describedby="comment-hint">${escapeHtml(opts.comment ?? '')}</textarea>
<p><button type="submit">${escapeHtml(copy.submit)}</button></p>
</form>`;
  return htmlPage({ language, title: copy.title, body });
}

export function surveyMessagePage(language: string, kind: 'thanks' | 'answered' | 'expired' | 'notFound'): string {
  const { language: lang, copy } = surveyCopy(language);
  const heading = kind === 'thanks' ? copy.thanks : kind === 'answered' ? copy.answered : kind === 'expired' ? copy.expired : copy.notFound;
  const body = `<h1>${escapeHtml(heading)}</h1>${kind === 'thanks' ? `\n<p>${escapeHtml(copy.thanksBody)}</p>` : ''}`;
  return htmlPage({ language: lang, title: heading, body });
}
