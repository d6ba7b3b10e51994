import { useEffect, useState } from 'react';
import { call } from '../api';
import { useLoad, useNow, useWorkspace } from '../context';
import { duration } from '../i18n';
import { Alert, Status, Unavailable, useAction } from '../ui';
import { SupervisorOverview } from './types';

/**
 * The contact center at a glance, live: each queue's waiting count, oldest wait and SLA at risk;
 * triage and overflow; agents' presence, load and current items; reassigning; a wall-board mode
 * with the queue figures large enough for a screen on the wall. Routing computes the figures and
 * bounds the lists (the oldest first, with their totals), so the page stays small however much waits.
 */
export function Supervisor() {
  const { t, lang } = useWorkspace();
  const now = useNow();
  const overview = useLoad(() => call<SupervisorOverview>('routing', 'v1/supervisor/overview'), []);
  const [itemId, setItemId] = useState('');
  const [agentId, setAgentId] = useState('');
  const [wall, setWall] = useState(false);
  const act = useAction();
  useEffect(() => {
    if (!wall) return undefined;
    const leave = (e: KeyboardEvent) => { if (e.key === 'Escape') setWall(false); };
    window.addEventListener('keydown', leave);
    return () => window.removeEventListener('keydown', leave);
  }, [wall]);
  const o = overview.value;
  const n = (x: number) => x.toLocaleString(lang);
  const figures = (o?.queues ?? []).map((q) => ({ ...q, name: `${q.department} / ${q.queue}`, oldestMs: now - new Date(q.oldestEnqueuedAt).getTime() }));
  const agents = o?.agents.agents ?? [];
  const triage = o?.triage ?? { total: 0, items: [] };
  const open = o?.open ?? { total: 0, items: [] };
  const shown = (list: { total: number; items: unknown[] }) => (list.total > list.items.length ? t('oldestShown', { shown: n(list.items.length), total: n(list.total) }) : undefined);

  if (wall) {
    return (
      <section aria-labelledby="wall-title" className="wall">
        <div className="toolbar">
          <h1 id="wall-title">{t('wallBoard')}</h1>
          <button type="button" onClick={() => setWall(false)}>{t('leaveWallBoard')}</button>
        </div>
        <Unavailable what="routing" error={overview.error} />
        <ul className="wall-tiles">
          {figures.map((f) => (
            <li key={f.name}>
              <h2>{f.name}</h2>
              <dl>
                <dt>{t('waitingCount')}</dt><dd>{n(f.waiting)}</dd>
                <dt>{t('oldestWait')}</dt><dd>{duration(t, f.oldestMs)}</dd>
                <dt>{t('atRisk')}</dt><dd className={f.atRisk ? 'late' : ''}>{n(f.atRisk)}</dd>
              </dl>
            </li>
          ))}
          <li>
            <h2>{t('triageOverflow')}</h2>
            <dl><dt>{t('waitingCount')}</dt><dd className={triage.total ? 'late' : ''}>{n(triage.total)}</dd></dl>
          </li>
          <li>
            <h2>{t('agents')}</h2>
            <dl><dt>{t('agentsAvailable')}</dt><dd>{n(o?.agents.available ?? 0)}</dd></dl>
          </li>
        </ul>
      </section>
    );
  }

  const reassign = () => act.run(async () => {
    await call('routing', `v1/work/${itemId}/transfer`, { method: 'POST', body: { toAgentId: agentId, reason: 'reassigned by supervisor' } });
    overview.reload();
  }, t('done'));

  return (
    <section aria-labelledby="sup-title">
      <div className="toolbar">
        <h1 id="sup-title">{t('supervisor')}</h1>
        <button type="button" onClick={() => setWall(true)}>{t('wallBoard')}</button>
      </div>
      <Unavailable what="routing" error={overview.error} />
      <h2 id="queues-title">{t('queues')}</h2>
      <div className="table-wrap">
        <table aria-labelledby="queues-title">
          <thead><tr><th scope="col">{t('queue')}</th><th scope="col">{t('waitingCount')}</th><th scope="col">{t('oldestWait')}</th><th scope="col">{t('atRisk')}</th></tr></thead>
          <tbody>
            {figures.map((f) => <tr key={f.name}><th scope="row">{f.name}</th><td>{n(f.waiting)}</td><td>{duration(t, f.oldestMs)}</td><td className={f.atRisk ? 'late' : ''}>{n(f.atRisk)}</td></tr>)}
          </tbody>
        </table>
      </div>
      <h2 id="triage-title">{t('triageOverflow')}</h2>
      {shown(triage) ? <p id="triage-shown">{shown(triage)}</p> : null}
      {triage.items.length ? (
        <ul aria-labelledby="triage-title" aria-describedby={shown(triage) ? 'triage-shown' : undefined} className="triage">
          {triage.items.map((i) => <li key={i.inquiryId}><a href={`#/item/${i.inquiryId}`}>{i.reference}</a> · {i.department} / {i.queue} · {duration(t, now - new Date(i.enqueuedAt).getTime())}</li>)}
        </ul>
      ) : <p>{t('nothingToTriage')}</p>}
      <h2 id="agents-title">{t('agents')}</h2>
      <div className="table-wrap">
        <table aria-labelledby="agents-title">
          <thead><tr><th scope="col">{t('name')}</th><th scope="col">{t('presence')}</th><th scope="col">{t('load')}</th><th scope="col">{t('currentItems')}</th></tr></thead>
          <tbody>
            {agents.map((a) => <tr key={a.id}><th scope="row">{a.name}</th><td>{t((['available', 'away', 'offline'].includes(a.presence) ? a.presence : 'offline') as 'available')}</td><td>{n(a.load)} / {n(a.capacity)}</td><td>{a.current.join(', ')}</td></tr>)}
          </tbody>
        </table>
      </div>
      <h2 id="reassign-title">{t('reassign')}</h2>
      {shown(open) ? <p id="reassign-shown">{shown(open)}</p> : null}
      <div className="inline-form" role="group" aria-labelledby="reassign-title" aria-describedby={shown(open) ? 'reassign-shown' : undefined}>
        <label htmlFor="reassign-item">{t('item')}</label>
        <select id="reassign-item" value={itemId} onChange={(e) => setItemId(e.target.value)}>
          <option value="">—</option>
          {open.items.map((i) => <option key={i.inquiryId} value={i.inquiryId}>{i.reference} ({i.status})</option>)}
        </select>
        <label htmlFor="reassign-agent">{t('agent')}</label>
        <select id="reassign-agent" value={agentId} onChange={(e) => setAgentId(e.target.value)}>
          <option value="">—</option>
          {agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
        <button type="button" onClick={() => void reassign()} disabled={act.busy || !itemId || !agentId}>{t('reassign')}</button>
      </div>
      <Alert>{act.error}</Alert>
      <Status>{act.message}</Status>
    </section>
  );
}
