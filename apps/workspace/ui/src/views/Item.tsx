import { useState } from 'react';
import { call } from '../api';
import { useDraft, useLoad, useWorkspace } from '../context';
import { Alert, Clock, Status, Unavailable, useAction } from '../ui';
import { SearchHit, StaffInquiry, WorkView } from './types';

interface Decision {
  decision: { department: string; queue: string; category: string | null; confidence?: number; reasons?: string[] | Record<string, unknown>[] };
}

const RESOLUTION_CODES = ['answered', 'information_given', 'referred', 'case_created', 'no_action'];

function reasonText(r: unknown): string {
  return typeof r === 'string' ? r : JSON.stringify(r);
}

/** One inquiry: the thread, where routing sent it and why, the SLA, suggestions, and everything an agent does with it. */
export function Item({ id, go }: { id: string; go(hash: string): void }) {
  const { t, lang } = useWorkspace();
  const work = useLoad(() => call<WorkView>('routing', `v1/work/${id}`), [id]);
  const routing = useLoad(() => call<Decision>('routing', `v1/inquiries/${id}/routing`), [id]);
  const thread = useLoad(() => call<StaffInquiry>('intake', `v1/inquiries/${id}`), [id]);
  const earlier = useLoad(() => call<{ items: SearchHit[] }>('intake', `v1/inquiries/${id}/earlier`), [id]);
  const departments = useLoad(() => call<{ code: string; name: Record<string, string> }[]>('routing', 'v1/departments'), []);
  const [answer, setAnswer, clearAnswer] = useDraft(`answer.${id}`);
  // One Idempotency-Key per draft: a double click or a retry after an error reaches the citizen once.
  const [answerKey, setAnswerKey, clearAnswerKey] = useDraft(`answer-key.${id}`);
  const editAnswer = (text: string) => { setAnswer(text); clearAnswerKey(); };
  const [note, setNote, clearNote] = useDraft(`note.${id}`);
  const [reason, setReason] = useState('');
  const [toDepartment, setToDepartment] = useState('');
  const [code, setCode] = useState(RESOLUTION_CODES[0]);
  const [firstContact, setFirstContact] = useState(true);
  const [caseNumber, setCaseNumber] = useState('');
  const act = useAction();
  const item = work.value;
  const after = (done: string, leave = false) => () => { if (leave) go('#/'); else { work.reload(); thread.reload(); } return done; };

  const send = () => act.run(async () => {
    const key = answerKey || crypto.randomUUID();
    setAnswerKey(key);
    await call('routing', `v1/work/${id}/answer`, { method: 'POST', body: { text: answer }, idempotencyKey: key });
    clearAnswer();
    clearAnswerKey();
    after('')();
  }, t('sent'));
  const ask = () => act.run(async () => {
    await call('routing', `v1/work/${id}/ask`, { method: 'POST', body: { question: answer } });
    clearAnswer();
    after('')();
  }, t('sent'));
  const addNote = () => act.run(async () => {
    await call('routing', `v1/work/${id}/notes`, { method: 'POST', body: { text: note } });
    clearNote();
    after('')();
  }, t('done'));
  const handOn = (what: 'transfer' | 'return' | 'escalate') => act.run(async () => {
    const body = what === 'transfer' ? { toDepartment, reason } : { reason };
    await call('routing', `v1/work/${id}/${what}`, { method: 'POST', body });
    setReason('');
    after('', what !== 'escalate')();
  }, t('done'));
  const resolve = () => act.run(async () => {
    await call('routing', `v1/work/${id}/resolve`, { method: 'POST', body: { resolutionCode: code, resolvedAtFirstContact: firstContact } });
    after('')();
  }, t('done'));

  const recordCaseNumber = () => act.run(async () => {
    await call('routing', `v1/work/${id}/case-number`, { method: 'PUT', body: { caseNumber: caseNumber.trim() } });
    setCaseNumber('');
    after('')();
  }, t('caseNumberRecorded'));

  const resolved = item?.status === 'resolved';
  // A department's item: its caseworker records the case number of the department's own system.
  const ofDepartment = Boolean(item && !item.redacted && item.department !== 'kontaktcenter' && item.department !== 'triage');
  const awaiting = item?.status === 'awaiting_citizen';
  return (
    <article aria-labelledby="item-title" className="item">
      <p><a href="#/">{t('back')}</a></p>
      <h1 id="item-title">{item ? `${item.reference}${item.inquiry?.subject ? ` — ${item.inquiry.subject}` : ''}` : t('loading')}</h1>
      <Unavailable what="routing" error={work.error} />
      <div className="columns">
        <div className="main-column">
          <section aria-labelledby="thread-title" className="panel">
            <h2 id="thread-title">{t('thread')}</h2>
            <Unavailable what="intake" error={thread.error} />
            {item?.inquiry ? (
              <div className="message citizen"><p className="meta">{t('citizen')} · {item.inquiry.channel} · {new Date(item.inquiry.receivedAt).toLocaleString(lang)}</p><p className="body">{item.inquiry.body}</p></div>
            ) : null}
            <ol className="thread">
              {(thread.value?.thread ?? []).map((m) => (
                <li key={m.id} className={`message ${m.author} ${m.visibility}`}>
                  <p className="meta">{m.author === 'citizen' ? t('citizen') : t('staff')}{m.channel ? ` · ${m.channel}` : ''}{m.visibility === 'internal' ? ` · ${t('internal')}` : ''} · {new Date(m.createdAt).toLocaleString(lang)}</p>
                  <p className="body">{m.body}</p>
                </li>
              ))}
            </ol>
            {thread.value?.files?.length ? (
              <>
                <h3>{t('attachments')}</h3>
                <ul>
                  {thread.value.files.map((f) => (
                    <li key={f.id}><a href={`/api/intake${f.url}`} download={f.filename}>{f.filename}</a> ({f.contentType}, {Math.max(1, Math.round(f.size / 1024))} kB)</li>
                  ))}
                </ul>
              </>
            ) : null}
            {thread.value?.duplicateOf ? <p>{t('duplicateOf')} <a href={`#/item/${thread.value.duplicateOf}`}>{t('openOriginal')}</a></p> : null}
            {thread.value?.mayBelongTo ? <p>{t('mayBelongTo')} <a href={`#/item/${thread.value.mayBelongTo.id}`}>{thread.value.mayBelongTo.reference}</a></p> : null}
            {thread.value?.mayBelongHere?.length ? (
              <p>{t('mayBelongHere')} {thread.value.mayBelongHere.map((m, i) => <span key={m.id}>{i ? ', ' : ''}<a href={`#/item/${m.id}`}>{m.reference}</a></span>)}</p>
            ) : null}
          </section>

          <section aria-labelledby="answer-title" className="panel">
            <h2 id="answer-title">{t('answer')}</h2>
            <label htmlFor="answer-text" className="visually-hidden">{t('answer')}</label>
            <textarea id="answer-text" rows={6} value={answer} onChange={(e) => editAnswer(e.target.value)} disabled={resolved} />
            <div className="actions">
              <button type="button" className="primary" onClick={() => void send()} disabled={act.busy || resolved || !answer.trim()}>{t('sendAnswer')}</button>
              <button type="button" onClick={() => void ask()} disabled={act.busy || resolved || !answer.trim()}>{t('askCitizen')}</button>
            </div>
            <Alert>{act.error}</Alert>
            <Status>{act.message}</Status>
          </section>

          <section aria-labelledby="note-title" className="panel">
            <h2 id="note-title">{t('note')}</h2>
            <label htmlFor="note-text" className="visually-hidden">{t('note')}</label>
            <textarea id="note-text" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
            <div className="actions"><button type="button" onClick={() => void addNote()} disabled={act.busy || !note.trim()}>{t('addNote')}</button></div>
          </section>
        </div>

        <div className="side-column">
          <section aria-labelledby="sla-title" className="panel">
            <h2 id="sla-title">{t('sla')}</h2>
            {awaiting ? <p className="awaiting-citizen">{t('awaitingCitizen')}</p> : null}
            <dl>
              <dt>{t('firstResponse')}</dt><dd>{item?.answeredAt ? '✓' : awaiting ? t('paused') : <Clock due={item?.firstResponseDueAt} />}</dd>
              <dt>{t('resolutionDue')}</dt><dd>{resolved ? '✓' : awaiting ? t('paused') : <Clock due={item?.resolutionDueAt} />}</dd>
            </dl>
          </section>

          <section aria-labelledby="routing-title" className="panel">
            <h2 id="routing-title">{t('routing')}</h2>
            <Unavailable what="routing" error={routing.error} />
            {routing.value ? (
              <dl>
                <dt>{t('department')}</dt><dd>{routing.value.decision.department}</dd>
                <dt>{t('queue')}</dt><dd>{routing.value.decision.queue}</dd>
                <dt>{t('category')}</dt><dd>{routing.value.decision.category ?? '—'}</dd>
                {routing.value.decision.confidence !== undefined ? <><dt>{t('confidence')}</dt><dd>{Math.round(routing.value.decision.confidence * 100)} %</dd></> : null}
                {routing.value.decision.reasons?.length ? <><dt>{t('reasons')}</dt><dd><ul>{routing.value.decision.reasons.map((r, i) => <li key={i}>{reasonText(r)}</li>)}</ul></dd></> : null}
              </dl>
            ) : null}
          </section>

          <section aria-labelledby="suggestions-title" className="panel">
            <h2 id="suggestions-title">{t('suggestions')}</h2>
            {item && !item.suggestions?.length ? <p>{t('noSuggestions')}</p> : null}
            <ul className="suggestions">
              {(item?.suggestions ?? []).map((s) => (
                <li key={s.id}>
                  <p className="question">{s.question}</p>
                  <p>{s.answer}</p>
                  <button type="button" onClick={() => editAnswer(answer ? `${answer}\n\n${s.answer}` : s.answer)} disabled={resolved} aria-describedby={undefined}>{t('insert')}</button>
                </li>
              ))}
            </ul>
          </section>

          {item && !item.redacted ? (
          <section aria-labelledby="earlier-title" className="panel">
            <h2 id="earlier-title">{t('earlierInquiries')}</h2>
            <Unavailable what="intake" error={earlier.error} />
            {earlier.value && !earlier.value.items.length ? <p>{t('noEarlierInquiries')}</p> : null}
            <ul>
              {(earlier.value?.items ?? []).map((h) => (
                <li key={h.id}>
                  <a href={`#/item/${h.id}`}>{h.reference}</a> · {h.status} · {new Date(h.receivedAt).toLocaleDateString(lang)}{h.subject ? ` · ${h.subject}` : ''}
                </li>
              ))}
            </ul>
          </section>
          ) : null}

          {ofDepartment || item?.caseNumber ? (
            <section aria-labelledby="case-number-title" className="panel">
              <h2 id="case-number-title">{t('caseNumber')}</h2>
              <p id="current-case-number">{item?.caseNumber ? <bdi>{item.caseNumber}</bdi> : t('noCaseNumber')}</p>
              {ofDepartment ? (
                <form onSubmit={(e) => { e.preventDefault(); void recordCaseNumber(); }}>
                  <label htmlFor="case-number">{t('caseNumberLabel')}</label>
                  <input id="case-number" value={caseNumber} onChange={(e) => setCaseNumber(e.target.value)} maxLength={40} autoComplete="off" spellCheck={false} disabled={resolved} />
                  <div className="actions"><button type="submit" disabled={act.busy || resolved || !caseNumber.trim()}>{t('recordCaseNumber')}</button></div>
                </form>
              ) : null}
            </section>
          ) : null}

          <section aria-labelledby="handon-title" className="panel">
            <h2 id="handon-title">{t('handOn')}</h2>
            <label htmlFor="reason">{t('reason')}</label>
            <input id="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            <label htmlFor="to-department">{t('toDepartment')}</label>
            <select id="to-department" value={toDepartment} onChange={(e) => setToDepartment(e.target.value)}>
              <option value="">—</option>
              {(departments.value ?? []).map((d) => <option key={d.code} value={d.code}>{d.name[lang] ?? d.name.sv ?? d.code}</option>)}
            </select>
            <div className="actions">
              <button type="button" onClick={() => void handOn('transfer')} disabled={act.busy || resolved || !reason.trim() || !toDepartment}>{t('transfer')}</button>
              <button type="button" onClick={() => void handOn('return')} disabled={act.busy || resolved || !reason.trim()}>{t('return')}</button>
              <button type="button" onClick={() => void handOn('escalate')} disabled={act.busy || resolved || !reason.trim()}>{t('escalate')}</button>
            </div>
          </section>

          <section aria-labelledby="resolve-title" className="panel">
            <h2 id="resolve-title">{t('resolution')}</h2>
            <label htmlFor="resolution-code">{t('resolutionCode')}</label>
            <select id="resolution-code" value={code} onChange={(e) => setCode(e.target.value)}>
              {RESOLUTION_CODES.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
            <p className="check"><input id="first-contact" type="checkbox" checked={firstContact} onChange={(e) => setFirstContact(e.target.checked)} /> <label htmlFor="first-contact">{t('firstContact')}</label></p>
            <div className="actions"><button type="button" className="primary" onClick={() => void resolve()} disabled={act.busy || resolved}>{t('resolve')}</button></div>
            {resolved ? <p>{t('resolved')} ✓</p> : null}
          </section>
        </div>
      </div>
    </article>
  );
}
