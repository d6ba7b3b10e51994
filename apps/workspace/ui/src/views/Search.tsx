import { FormEvent, useState } from 'react';
import { ApiError, call } from '../api';
import { useWorkspace } from '../context';
import { Alert, Unavailable, useAction } from '../ui';
import { SearchHit, Suggestion } from './types';

/**
 * Search: intake's audited staff search (a reference, a citizen's e-mail address or phone number,
 * words) within what the person may see, and the knowledge base's answers for the same words.
 */
export function Search() {
  const { t, lang, onSessionEnded } = useWorkspace();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>();
  const [hitsError, setHitsError] = useState<string>();
  const [answers, setAnswers] = useState<Suggestion[]>();
  const act = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const query = q.trim();
    if (!query) return;
    void act.run(async () => {
      setHitsError(undefined);
      // Each part answers on its own: the knowledge base still shows when intake is away, and the other way round.
      const [found, known] = await Promise.allSettled([
        query.length >= 2 ? call<{ kind: string; items: SearchHit[] }>('intake', `v1/inquiries/search?q=${encodeURIComponent(query)}`) : Promise.resolve({ kind: 'text', items: [] }),
        call<Suggestion[]>('routing', `v1/knowledge/search?q=${encodeURIComponent(query)}`),
      ]);
      if (found.status === 'fulfilled') setHits(found.value.items);
      else {
        setHits(undefined);
        if (found.reason instanceof ApiError && found.reason.status === 401) onSessionEnded();
        setHitsError(found.reason instanceof Error ? found.reason.message : String(found.reason));
      }
      if (known.status === 'rejected') throw known.reason;
      setAnswers(known.value);
    });
  };

  const none = hits && answers && !hits.length && !answers.length;
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{t('search')}</h1>
      <form role="search" onSubmit={submit} className="inline-form">
        <label htmlFor="search-q">{t('searchLabel')}</label>
        <input id="search-q" type="search" value={q} maxLength={200} aria-describedby="search-hint" onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className="primary" disabled={act.busy}>{t('search')}</button>
      </form>
      <p id="search-hint" className="meta">{t('searchHint')}</p>
      <Alert>{act.error}</Alert>
      <Unavailable what={t('inquiries')} error={hitsError} />
      {none ? <p role="status">{t('noResults')}</p> : null}
      {hits?.length ? (
        <>
          <h2 id="search-hits">{t('results')}</h2>
          <ul aria-labelledby="search-hits" className="search-hits">
            {hits.map((h) => (
              <li key={h.id}>
                {h.redacted
                  ? <><span>{h.reference}</span> · {h.status} · {h.department ?? '—'} · {new Date(h.receivedAt).toLocaleDateString(lang)} · <em>{t('outsideYourWork')}</em></>
                  : <>
                      <a href={`#/item/${h.id}`}>{h.reference}</a> · {h.category ?? '—'} · {h.status} · {h.department ?? '—'} · {h.channel} · {new Date(h.receivedAt).toLocaleDateString(lang)}
                      {h.sensitive ? <p className="meta">{t('sensitiveOpenToRead')}</p> : h.subject || h.summary ? <p className="meta">{[h.subject, h.summary].filter(Boolean).join(' — ')}</p> : null}
                    </>}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {answers?.length ? (
        <>
          <h2>{t('suggestions')}</h2>
          <ul className="suggestions">{answers.map((a) => <li key={a.id}><p className="question">{a.question}</p><p>{a.answer}</p></li>)}</ul>
        </>
      ) : null}
    </section>
  );
}
