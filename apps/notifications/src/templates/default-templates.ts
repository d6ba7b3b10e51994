// The default wording of every notification, per trigger and language. Each language's copy is
// written once as blocks; the text, HTML and SMS parts are generated from the same blocks at load
// time, so the parts never drift apart. The generated parts are ordinary Handlebars sources, the
// same shape a tenant override has.

export const TRIGGERS = ['receipt', 'status_update', 'answer', 'staff_message', 'survey_invitation', 'sla_apology'] as const;
export type NotificationTrigger = (typeof TRIGGERS)[number];

/** Messages a person wrote (the staff's words); every other one is machine-made. */
export const PERSON_WRITTEN: ReadonlySet<NotificationTrigger> = new Set(['answer', 'staff_message']);

export const LANGUAGES = ['sv', 'en', 'ar', 'fi'] as const;
export type NotificationLanguage = (typeof LANGUAGES)[number];

/** One template: `sms` is optional in overrides (the default SMS of the language is used then). */
export interface TemplateParts {
  subject: string;
  text: string;
  html: string;
  sms?: string;
}

/** A paragraph, a paragraph shown only when a value is present, a link, or the staff answer. */
type Block = string | { if: string; text: string } | { link: 'trackingUrl' | 'surveyUrl'; label: string } | { answer: true };

interface Copy {
  subject: string;
  sms: string;
  body: Block[];
}

interface LanguageFrame {
  dir: 'ltr' | 'rtl';
  greeting: string;
  closing: string;
  automatic: string;
  optOut: string;
  optOutLink: string;
}

const FRAMES: Record<NotificationLanguage, LanguageFrame> = {
  sv: {
    dir: 'ltr',
    greeting: 'Hej{{#if citizenName}} {{citizenName}}{{/if}}!',
    closing: 'Med vänliga hälsningar',
    automatic: 'Det här meddelandet har skickats automatiskt.',
    optOut: 'Om du inte vill få fler meddelanden från oss kan du avsluta dem här:',
    optOutLink: 'Avsluta utskicken',
  },
  en: {
    dir: 'ltr',
    greeting: 'Hello{{#if citizenName}} {{citizenName}}{{/if}},',
    closing: 'Kind regards',
    automatic: 'This message was sent automatically.',
    optOut: 'If you no longer wish to receive messages from us, you can unsubscribe here:',
    optOutLink: 'Unsubscribe',
  },
  ar: {
    dir: 'rtl',
    greeting: 'مرحباً{{#if citizenName}} {{citizenName}}{{/if}}،',
    closing: 'مع أطيب التحيات،',
    automatic: 'أُرسلت هذه الرسالة تلقائياً.',
    optOut: 'إذا كنت لا ترغب في تلقي المزيد من الرسائل منا، يمكنك إلغاء الاشتراك من هنا:',
    optOutLink: 'إلغاء الاشتراك',
  },
  fi: {
    dir: 'ltr',
    greeting: 'Hei{{#if citizenName}} {{citizenName}}{{/if}}!',
    closing: 'Ystävällisin terveisin',
    automatic: 'Tämä viesti on lähetetty automaattisesti.',
    optOut: 'Jos et halua enää saada viestejä meiltä, voit perua ne täältä:',
    optOutLink: 'Peru viestit',
  },
};

const COPY: Record<NotificationTrigger, Record<NotificationLanguage, Copy>> = {
  receipt: {
    sv: {
      subject: 'Vi har tagit emot ditt ärende – {{reference}}',
      sms: '{{tenantName}}: Tack för ditt meddelande! Vi har tagit emot ditt ärende med referensnummer {{reference}}.{{#if trackingUrl}} Följ ärendet: {{trackingUrl}}{{/if}}',
      body: [
        'Tack för att du har kontaktat oss. Vi har tagit emot ditt ärende och registrerat det med referensnummer {{reference}}.',
        { if: 'departmentName', text: 'Ditt ärende handläggs av {{departmentName}}.' },
        'Vi återkommer till dig så snart vi kan. Ange gärna referensnumret om du kontaktar oss igen om samma ärende.',
        { link: 'trackingUrl', label: 'Följ ditt ärende' },
      ],
    },
    en: {
      subject: 'We have received your inquiry – {{reference}}',
      sms: '{{tenantName}}: Thank you for your message. We have received your inquiry, reference {{reference}}.{{#if trackingUrl}} Follow it here: {{trackingUrl}}{{/if}}',
      body: [
        'Thank you for contacting us. We have received your inquiry and registered it under reference number {{reference}}.',
        { if: 'departmentName', text: 'Your inquiry is handled by {{departmentName}}.' },
        'We will get back to you as soon as we can. Please quote the reference number if you contact us again about the same matter.',
        { link: 'trackingUrl', label: 'Follow your case' },
      ],
    },
    ar: {
      subject: 'لقد استلمنا طلبك – {{reference}}',
      sms: '{{tenantName}}: شكراً لرسالتك. لقد استلمنا طلبك برقم مرجعي {{reference}}.{{#if trackingUrl}} تابع طلبك هنا: {{trackingUrl}}{{/if}}',
      body: [
        'شكراً لتواصلك معنا. لقد استلمنا طلبك وسجّلناه تحت الرقم المرجعي {{reference}}.',
        { if: 'departmentName', text: 'الجهة المسؤولة عن طلبك: {{departmentName}}' },
        'سنعود إليك في أقرب وقت ممكن. يُرجى ذكر الرقم المرجعي إذا تواصلت معنا مرة أخرى بخصوص الموضوع نفسه.',
        { link: 'trackingUrl', label: 'تابع طلبك' },
      ],
    },
    fi: {
      subject: 'Olemme vastaanottaneet asiasi – {{reference}}',
      sms: '{{tenantName}}: Kiitos viestistäsi! Asiasi on vastaanotettu, viitenumero {{reference}}.{{#if trackingUrl}} Seuraa käsittelyä: {{trackingUrl}}{{/if}}',
      body: [
        'Kiitos yhteydenotostasi. Olemme vastaanottaneet asiasi ja kirjanneet sen viitenumerolla {{reference}}.',
        { if: 'departmentName', text: 'Asiasi käsittelystä vastaa {{departmentName}}.' },
        'Palaamme asiaan mahdollisimman pian. Mainitsethan viitenumeron, jos otat meihin uudelleen yhteyttä samassa asiassa.',
        { link: 'trackingUrl', label: 'Seuraa asiasi käsittelyä' },
      ],
    },
  },
  status_update: {
    sv: {
      subject: 'Nytt om ditt ärende {{reference}}',
      sms: '{{tenantName}}: Nytt om ditt ärende {{reference}}{{#if status}}: {{status}}{{/if}}.{{#if departmentName}} Ärendet handläggs nu av {{departmentName}}.{{/if}}{{#if trackingUrl}} {{trackingUrl}}{{/if}}',
      body: [
        'Vi vill berätta att det har hänt något i ditt ärende {{reference}}.',
        { if: 'status', text: 'Ny status: {{status}}' },
        { if: 'departmentName', text: 'Ditt ärende handläggs nu av {{departmentName}}.' },
        'Du behöver inte göra något just nu. Vi hör av oss när vi har ett svar till dig.',
        { link: 'trackingUrl', label: 'Följ ditt ärende' },
      ],
    },
    en: {
      subject: 'Update on your inquiry {{reference}}',
      sms: '{{tenantName}}: Update on your inquiry {{reference}}{{#if status}}: {{status}}{{/if}}.{{#if departmentName}} It is now handled by {{departmentName}}.{{/if}}{{#if trackingUrl}} {{trackingUrl}}{{/if}}',
      body: [
        'We would like to let you know that there is an update on your inquiry {{reference}}.',
        { if: 'status', text: 'New status: {{status}}' },
        { if: 'departmentName', text: 'Your inquiry is now being handled by {{departmentName}}.' },
        'You do not need to do anything at the moment. We will be in touch when we have an answer for you.',
        { link: 'trackingUrl', label: 'Follow your case' },
      ],
    },
    ar: {
      subject: 'مستجدات بشأن طلبك {{reference}}',
      sms: '{{tenantName}}: مستجدات بشأن طلبك {{reference}}{{#if status}}: {{status}}{{/if}}.{{#if departmentName}} الجهة المسؤولة عن طلبك الآن: {{departmentName}}.{{/if}}{{#if trackingUrl}} {{trackingUrl}}{{/if}}',
      body: [
        'نود إعلامك بوجود مستجدات بشأن طلبك {{reference}}.',
        { if: 'status', text: 'الحالة الجديدة: {{status}}' },
        { if: 'departmentName', text: 'الجهة المسؤولة عن طلبك الآن: {{departmentName}}' },
        'لا يلزمك القيام بأي شيء في الوقت الحالي. سنتواصل معك عندما يكون لدينا رد.',
        { link: 'trackingUrl', label: 'تابع طلبك' },
      ],
    },
    fi: {
      subject: 'Tilannetieto asiastasi {{reference}}',
      sms: '{{tenantName}}: Tilannetieto asiastasi {{reference}}{{#if status}}: {{status}}{{/if}}.{{#if departmentName}} Käsittelystä vastaa nyt {{departmentName}}.{{/if}}{{#if trackingUrl}} {{trackingUrl}}{{/if}}',
      body: [
        'Haluamme kertoa, että asiasi {{reference}} käsittelyssä on tapahtunut muutos.',
        { if: 'status', text: 'Uusi tila: {{status}}' },
        { if: 'departmentName', text: 'Asiasi käsittelystä vastaa nyt {{departmentName}}.' },
        'Sinun ei tarvitse tehdä mitään juuri nyt. Otamme yhteyttä, kun meillä on sinulle vastaus.',
        { link: 'trackingUrl', label: 'Seuraa asiasi käsittelyä' },
      ],
    },
  },
  answer: {
    sv: {
      subject: 'Svar på ditt ärende {{reference}}',
      sms: '{{tenantName}}: Svar på ditt ärende {{reference}}:\n{{answer}}',
      body: [
        'Här kommer vårt svar på ditt ärende {{reference}}.',
        { answer: true },
        'Har du frågor om svaret är du välkommen att kontakta oss. Ange då referensnummer {{reference}}.',
        { link: 'trackingUrl', label: 'Se ditt ärende' },
      ],
    },
    en: {
      subject: 'Answer to your inquiry {{reference}}',
      sms: '{{tenantName}}: Answer to your inquiry {{reference}}:\n{{answer}}',
      body: [
        'Here is our answer to your inquiry {{reference}}.',
        { answer: true },
        'If you have any questions about the answer, you are welcome to contact us. Please quote reference number {{reference}}.',
        { link: 'trackingUrl', label: 'View your case' },
      ],
    },
    ar: {
      subject: 'الرد على طلبك {{reference}}',
      sms: '{{tenantName}}: الرد على طلبك {{reference}}:\n{{answer}}',
      body: [
        'إليك ردّنا على طلبك {{reference}}.',
        { answer: true },
        'إذا كانت لديك أي أسئلة حول هذا الرد، فنرحب بتواصلك معنا. يُرجى ذكر الرقم المرجعي {{reference}}.',
        { link: 'trackingUrl', label: 'عرض طلبك' },
      ],
    },
    fi: {
      subject: 'Vastaus asiaasi {{reference}}',
      sms: '{{tenantName}}: Vastaus asiaasi {{reference}}:\n{{answer}}',
      body: [
        'Tässä on vastauksemme asiaasi {{reference}}.',
        { answer: true },
        'Jos sinulla on kysyttävää vastauksesta, otathan meihin yhteyttä. Mainitse silloin viitenumero {{reference}}.',
        { link: 'trackingUrl', label: 'Katso asiasi tiedot' },
      ],
    },
  },
  staff_message: {
    sv: {
      subject: 'Nytt meddelande i ditt ärende {{reference}}',
      sms: '{{tenantName}}: Nytt meddelande i ditt ärende {{reference}}:\n{{answer}}',
      body: [
        'Du har fått ett nytt meddelande från oss i ditt ärende {{reference}}.',
        { answer: true },
        'Du kan svara på det här meddelandet. Ange gärna referensnummer {{reference}} om du kontaktar oss på annat sätt.',
        { link: 'trackingUrl', label: 'Se ditt ärende' },
      ],
    },
    en: {
      subject: 'New message about your inquiry {{reference}}',
      sms: '{{tenantName}}: New message about your inquiry {{reference}}:\n{{answer}}',
      body: [
        'You have a new message from us about your inquiry {{reference}}.',
        { answer: true },
        'You can reply to this message. Please quote reference number {{reference}} if you contact us another way.',
        { link: 'trackingUrl', label: 'View your case' },
      ],
    },
    ar: {
      subject: 'رسالة جديدة بشأن طلبك {{reference}}',
      sms: '{{tenantName}}: رسالة جديدة بشأن طلبك {{reference}}:\n{{answer}}',
      body: [
        'لديك رسالة جديدة منا بشأن طلبك {{reference}}.',
        { answer: true },
        'يمكنك الرد على هذه الرسالة. يُرجى ذكر الرقم المرجعي {{reference}} إذا تواصلت معنا بطريقة أخرى.',
        { link: 'trackingUrl', label: 'عرض طلبك' },
      ],
    },
    fi: {
      subject: 'Uusi viesti asiassasi {{reference}}',
      sms: '{{tenantName}}: Uusi viesti asiassasi {{reference}}:\n{{answer}}',
      body: [
        'Sinulle on uusi viesti meiltä asiassasi {{reference}}.',
        { answer: true },
        'Voit vastata tähän viestiin. Mainitse viitenumero {{reference}}, jos otat meihin yhteyttä muuta kautta.',
        { link: 'trackingUrl', label: 'Katso asiasi tiedot' },
      ],
    },
  },
  survey_invitation: {
    sv: {
      subject: 'Hur nöjd är du med hanteringen av ditt ärende {{reference}}?',
      sms: '{{tenantName}}: Ditt ärende {{reference}} är avslutat. Hur nöjd är du med vår hjälp? Svara med ett betyg 1–5: {{surveyUrl}}',
      body: [
        'Ditt ärende {{reference}} är nu avslutat. Vi vill gärna veta vad du tyckte om hur vi hanterade det.',
        'Det tar mindre än en minut att svara: du sätter ett betyg från 1 till 5 och kan, om du vill, lämna en kommentar. Dina synpunkter hjälper oss att bli bättre.',
        { link: 'surveyUrl', label: 'Svara på enkäten' },
        'Är du inte nöjd med svaret, eller har du nya frågor, är du alltid välkommen att kontakta oss igen.',
      ],
    },
    en: {
      subject: 'How satisfied are you with how we handled your inquiry {{reference}}?',
      sms: '{{tenantName}}: Your inquiry {{reference}} has been closed. How satisfied are you with our help? Give us a score from 1 to 5: {{surveyUrl}}',
      body: [
        'Your inquiry {{reference}} has now been closed. We would like to know what you thought of how we handled it.',
        'It takes less than a minute: give us a score from 1 to 5 and, if you like, leave a comment. Your feedback helps us improve.',
        { link: 'surveyUrl', label: 'Answer the survey' },
        'If you are not satisfied with the answer, or have new questions, you are always welcome to contact us again.',
      ],
    },
    ar: {
      subject: 'ما مدى رضاك عن طريقة معالجتنا لطلبك {{reference}}؟',
      sms: '{{tenantName}}: تم إغلاق طلبك {{reference}}. ما مدى رضاك عن مساعدتنا؟ قيّمنا من 1 إلى 5: {{surveyUrl}}',
      body: [
        'تم إغلاق طلبك {{reference}}. نود أن نعرف رأيك في طريقة تعاملنا معه.',
        'لن يستغرق الرد أكثر من دقيقة: قيّم خدمتنا من 1 إلى 5، ويمكنك إضافة تعليق إن رغبت. تساعدنا ملاحظاتك على تحسين خدماتنا.',
        { link: 'surveyUrl', label: 'أجب على الاستبيان' },
        'إذا لم تكن راضياً عن الرد أو كانت لديك أسئلة جديدة، فنرحب دائماً بتواصلك معنا مرة أخرى.',
      ],
    },
    fi: {
      subject: 'Kuinka tyytyväinen olit asiasi {{reference}} käsittelyyn?',
      sms: '{{tenantName}}: Asiasi {{reference}} käsittely on päättynyt. Kuinka tyytyväinen olit palveluumme? Anna arvosana 1–5: {{surveyUrl}}',
      body: [
        'Asiasi {{reference}} käsittely on nyt päättynyt. Haluaisimme tietää, mitä mieltä olit palvelustamme.',
        'Vastaaminen vie alle minuutin: anna arvosana asteikolla 1–5 ja halutessasi kommentti. Palautteesi auttaa meitä kehittämään palveluamme.',
        { link: 'surveyUrl', label: 'Vastaa kyselyyn' },
        'Jos et ole tyytyväinen vastaukseen tai sinulla on uusia kysymyksiä, voit aina ottaa meihin uudelleen yhteyttä.',
      ],
    },
  },
  sla_apology: {
    sv: {
      subject: 'Ditt ärende {{reference}} tar längre tid än planerat',
      sms: '{{tenantName}}: Vi ber om ursäkt för att ditt ärende {{reference}} dröjer. Du kan räkna med ett svar senast den {{expectedBy}}.',
      body: [
        'Vi ber om ursäkt för att det dröjer. Ditt ärende {{reference}} tar längre tid än vi hade räknat med, och du har ännu inte fått något svar.',
        'Vi arbetar med ditt ärende och räknar med att du får ett svar senast den {{expectedBy}}.',
        'Du behöver inte höra av dig igen – ditt ärende ligger kvar hos oss och är inte bortglömt.',
        { link: 'trackingUrl', label: 'Följ ditt ärende' },
      ],
    },
    en: {
      subject: 'Your inquiry {{reference}} is taking longer than planned',
      sms: '{{tenantName}}: We apologise that your inquiry {{reference}} is delayed. You can expect an answer by {{expectedBy}}.',
      body: [
        'We apologise for the delay. Your inquiry {{reference}} is taking longer than we expected, and you have not yet received an answer.',
        'We are working on your inquiry and expect to give you an answer by {{expectedBy}}.',
        'You do not need to contact us again – your inquiry remains with us and has not been forgotten.',
        { link: 'trackingUrl', label: 'Follow your case' },
      ],
    },
    ar: {
      subject: 'يستغرق طلبك {{reference}} وقتاً أطول من المتوقع',
      sms: '{{tenantName}}: نعتذر عن التأخير في طلبك {{reference}}. نتوقع أن نرسل إليك رداً في موعد أقصاه {{expectedBy}}.',
      body: [
        'نعتذر عن التأخير. يستغرق طلبك {{reference}} وقتاً أطول مما توقعنا، ولم تتلقَّ رداً حتى الآن.',
        'نحن نعمل على طلبك ونتوقع أن نرسل إليك رداً في موعد أقصاه {{expectedBy}}.',
        'لا حاجة إلى التواصل معنا مرة أخرى، فطلبك لا يزال قيد المتابعة لدينا ولم يُنسَ.',
        { link: 'trackingUrl', label: 'تابع طلبك' },
      ],
    },
    fi: {
      subject: 'Asiasi {{reference}} käsittely kestää suunniteltua kauemmin',
      sms: '{{tenantName}}: Pahoittelemme, että asiasi {{reference}} käsittely viivästyy. Saat vastauksen viimeistään {{expectedBy}}.',
      body: [
        'Pahoittelemme viivästystä. Asiasi {{reference}} käsittely kestää kauemmin kuin arvioimme, emmekä ole vielä pystyneet vastaamaan sinulle.',
        'Käsittelemme asiaasi ja arvioimme, että saat vastauksen viimeistään {{expectedBy}}.',
        'Sinun ei tarvitse ottaa meihin uudelleen yhteyttä – asiasi on edelleen käsittelyssämme, eikä sitä ole unohdettu.',
        { link: 'trackingUrl', label: 'Seuraa asiasi käsittelyä' },
      ],
    },
  },
};

/** Labels for the status codes the events carry; an unknown code is shown as given. */
export const STATUS_LABELS: Record<string, Record<NotificationLanguage, string>> = {
  received: { sv: 'Mottaget', en: 'Received', ar: 'تم الاستلام', fi: 'Vastaanotettu' },
  routed: { sv: 'Skickat till ansvarig verksamhet', en: 'Forwarded to the responsible department', ar: 'أُحيل إلى الجهة المسؤولة', fi: 'Välitetty vastuulliselle toimialalle' },
  assigned: { sv: 'Tilldelat en handläggare', en: 'Assigned to a case officer', ar: 'أُسند إلى موظف مختص', fi: 'Annettu käsittelijälle' },
  transferred: { sv: 'Överlämnat till en annan verksamhet', en: 'Transferred to another department', ar: 'نُقل إلى جهة أخرى', fi: 'Siirretty toiselle toimialalle' },
  returned: { sv: 'Tillbaka hos kontaktcenter', en: 'Back with the contact centre', ar: 'أُعيد إلى مركز الاتصال', fi: 'Palautettu asiakaspalveluun' },
  in_progress: { sv: 'Under handläggning', en: 'In progress', ar: 'قيد المعالجة', fi: 'Käsittelyssä' },
  answered: { sv: 'Besvarat', en: 'Answered', ar: 'تم الرد', fi: 'Vastattu' },
  resolved: { sv: 'Avslutat', en: 'Closed', ar: 'مغلق', fi: 'Käsitelty' },
  reopened: { sv: 'Öppnat igen', en: 'Reopened', ar: 'أُعيد فتحه', fi: 'Avattu uudelleen' },
};

const LINK_STYLE =
  'display:inline-block;padding:10px 18px;background:#005a9c;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;';

// Names shown inside sentences: <bdi> keeps a Latin reference or a Swedish department name from
// scrambling the word order of right-to-left text (harmless in left-to-right text).
const isolate = (s: string) => s.replace(/\{\{(reference|departmentName|tenantName|citizenName|expectedBy|status)\}\}/g, '<bdi>{{$1}}</bdi>');

function textPart(copy: Copy, f: LanguageFrame, automatic: boolean): string {
  const blocks = copy.body.map((b) => {
    if (typeof b === 'string') return `${b}\n\n`;
    if ('if' in b) return `{{#if ${b.if}}}\n${b.text}\n\n{{/if}}\n`;
    if ('link' in b) return `{{#if ${b.link}}}\n${b.label}:\n{{${b.link}}}\n\n{{/if}}\n`;
    return '{{answer}}\n\n';
  });
  return (
    `${f.greeting}\n\n${blocks.join('')}${f.closing}\n{{tenantName}}\n` +
    (automatic ? `\n-- \n${f.automatic}\n` : '') +
    `{{#if optOutUrl}}\n${automatic ? '' : '\n-- \n'}${f.optOut}\n{{optOutUrl}}\n{{/if}}\n`
  );
}

function htmlPart(copy: Copy, f: LanguageFrame, lang: string, automatic: boolean): string {
  const blocks = copy.body.map((b) => {
    if (typeof b === 'string') return `<p>${isolate(b)}</p>\n`;
    if ('if' in b) return `{{#if ${b.if}}}\n<p>${isolate(b.text)}</p>\n{{/if}}\n`;
    if ('link' in b) return `{{#if ${b.link}}}\n<p><a href="{{${b.link}}}" style="${LINK_STYLE}">${b.label}</a></p>\n{{/if}}\n`;
    // The answer may be in another language than the frame, so its direction is its own.
    return '<div dir="auto" style="margin:16px 0;padding:12px 16px;border-inline-start:4px solid #005a9c;background:#f2f6fa;">{{answer}}</div>\n';
  });
  const footer =
    (automatic ? `<p>${f.automatic}</p>\n` : '') +
    `{{#if optOutUrl}}\n<p>${f.optOut} <a href="{{optOutUrl}}">${f.optOutLink}</a></p>\n{{/if}}\n`;
  return `<!DOCTYPE html>
<html lang="${lang}" dir="${f.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${copy.subject}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f4;">
<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;">
<p>${isolate(f.greeting)}</p>
${blocks.join('')}<p>${f.closing}<br>
<bdi>{{tenantName}}</bdi></p>
<div style="margin-top:24px;padding-top:12px;border-top:1px solid #dddddd;font-size:13px;color:#555555;">
${footer}</div>
</div>
</body>
</html>
`;
}

function build(): Record<NotificationTrigger, Record<NotificationLanguage, Required<TemplateParts>>> {
  const out = {} as Record<NotificationTrigger, Record<NotificationLanguage, Required<TemplateParts>>>;
  for (const trigger of TRIGGERS) {
    out[trigger] = {} as Record<NotificationLanguage, Required<TemplateParts>>;
    const automatic = !PERSON_WRITTEN.has(trigger);
    for (const lang of LANGUAGES) {
      const copy = COPY[trigger][lang];
      const f = FRAMES[lang];
      out[trigger][lang] = {
        subject: copy.subject,
        text: textPart(copy, f, automatic),
        html: htmlPart(copy, f, lang, automatic),
        sms: copy.sms,
      };
    }
  }
  return out;
}

/** Every default template, by trigger and language (for the preview/listing endpoint). */
export const defaultTemplates: Readonly<Record<NotificationTrigger, Readonly<Record<NotificationLanguage, Readonly<Required<TemplateParts>>>>>> =
  build();

/** Text direction of a language, for pages (e.g. the survey page) that frame our copy. */
export const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur', 'ku', 'ckb', 'ps']);
