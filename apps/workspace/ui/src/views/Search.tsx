import { FormEvent, useState } from 'react';
import { call } from '../api';
import { useWorkspace } from '../context';
import { Alert, useAction } from '../ui';
import { Suggestion, WorkItem } from './types';

/** Search: a reference among the work the person may see, and the knowledge base's answers for words. */
export function Search() {
  const { t, me } = useWorkspace();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<WorkItem[]>();
  const [answers, setAnswers] = useState<Suggestion[]>();
  const act = useAction();
  const lead = me.roles.includes('supervisor') || me.roles.includes('admin');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const query = q.trim();
    if (!query) return;
    void act.run(async () => {
      const work = await call<WorkItem[]>('routing', lead ? 'v1/work' : 'v1/work/mine');
      const needle = query.toLowerCase();
      setItems(work.filter((i) => i.reference.toLowerCase().includes(needle)));
      setAnswers(await call<Suggestion[]>('routing', `v1/knowledge/search?q=${encodeURIComponent(query)}`));
    });
  };

  const none = items && answers && !items.length && !answers.length;
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{t('search')}</h1>
      <form role="search" onSubmit={submit} className="inline-form">
        <label htmlFor="search-q">{t('searchLabel')}</label>
        <input id="search-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className="primary" disabled={act.busy}>{t('search')}</button>
      </form>
      <Alert>{act.error}</Alert>
      {none ? <p role="status">{t('noResults')}</p> : null}
      {items?.length ? (
        <>
          <h2>{t('results')}</h2>
          <ul>{items.map((i) => <li key={i.inquiryId}><a href={`#/item/${i.inquiryId}`}>{i.reference}</a> · {i.category ?? '—'} · {i.status}</li>)}</ul>
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
