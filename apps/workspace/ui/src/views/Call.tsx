import { FormEvent, KeyboardEvent, useState } from 'react';
import { call } from '../api';
import { useDraft, useWorkspace } from '../context';
import { LANGUAGES, LANGUAGE_NAMES } from '../i18n';
import { Alert, Status, useAction } from '../ui';

/**
 * A phone call (or visit, or letter) registered while the citizen is on the line, keyboard only:
 * the first field has focus, Tab moves on, Enter in a field or Ctrl+Enter in the text registers.
 */
export function Call() {
  const { t, lang } = useWorkspace();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [subject, setSubject] = useState('');
  const [question, setQuestion, clearQuestion] = useDraft('call');
  const [language, setLanguage] = useState<string>(lang);
  const [resolved, setResolved] = useState(false);
  const act = useAction();
  const [reference, setReference] = useState<string>();

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!question.trim()) return;
    void act.run(async () => {
      const citizen = name || phone ? { ...(name ? { name } : {}), ...(phone ? { phone } : {}) } : undefined;
      const r = await call<{ reference: string }>('intake', 'v1/inquiries', {
        method: 'POST',
        body: { channel: 'phone', ...(subject ? { subject } : {}), body: question, language, ...(citizen ? { citizen } : {}), resolvedAtFirstContact: resolved },
      });
      setReference(r.reference);
      setName(''); setPhone(''); setSubject(''); clearQuestion(); setResolved(false);
      document.getElementById('caller-name')?.focus();
    });
  };
  const ctrlEnter = (e: KeyboardEvent) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(); };

  return (
    <section aria-labelledby="call-title">
      <h1 id="call-title">{t('registerCall')}</h1>
      <form onSubmit={submit} className="form">
        <label htmlFor="caller-name">{t('callerName')}</label>
        <input id="caller-name" autoFocus autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="caller-phone">{t('callerPhone')}</label>
        <input id="caller-phone" type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} />
        <label htmlFor="call-subject">{t('subject')}</label>
        <input id="call-subject" value={subject} onChange={(e) => setSubject(e.target.value)} />
        <label htmlFor="call-question">{t('question')}</label>
        <textarea id="call-question" rows={5} required value={question} onChange={(e) => setQuestion(e.target.value)} onKeyDown={ctrlEnter} />
        <label htmlFor="call-language">{t('callLanguage')}</label>
        <select id="call-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
          {LANGUAGES.map((l) => <option key={l} value={l} lang={l}>{LANGUAGE_NAMES[l]}</option>)}
        </select>
        <p className="check"><input id="call-resolved" type="checkbox" checked={resolved} onChange={(e) => setResolved(e.target.checked)} /> <label htmlFor="call-resolved">{t('resolvedInCall')}</label></p>
        <div className="actions"><button type="submit" className="primary" disabled={act.busy}>{t('registerCall')}</button></div>
      </form>
      <Alert>{act.error}</Alert>
      <Status>{reference ? t('registered', { ref: reference }) : ''}</Status>
    </section>
  );
}
