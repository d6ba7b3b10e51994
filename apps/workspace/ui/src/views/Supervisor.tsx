import { useEffect, useState } from 'react';
import { call } from '../api';
import { useLoad, useNow, useWorkspace } from '../context';
import { duration } from '../i18n';
import { Alert, Status, Unavailable, useAction } from '../ui';
import { Agent, WorkItem } from './types';

const AT_RISK_MS = 60 * 60_000;

interface QueueFigures { queue: string; waiting: number; oldestMs: number; atRisk: number }

/** Triage (routing was not sure) and the supervisor queue (overflow found nobody): a supervisor decides these. */
const needsSupervisor = (i: WorkItem) => i.status === 'queued' && (i.department === 'triage' || i.queue === 'supervisor');

/**
 * The contact center at a glance, live: each queue's waiting count, oldest wait and SLA at risk;
 * triage and overflow; agents' presence, load and current items; reassigning; a wall-board mode
 * with the queue figures large enough for a screen on the wall.
 */
export function Supervisor() {
  const { t } = useWorkspace();
  const now = useNow();
  const work = useLoad(() => call<WorkItem[]>('routing', 'v1/work'), []);
  const agents = useLoad(() => call<Agent[]>('routing', 'v1/agents'), []);
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
  const open = (work.value ?? []).filter((i) => i.status !== 'resolved');
  const waiting = open.filter((i) => i.status === 'queued');
  const queues = new Map<string, WorkItem[]>();
  for (const i of waiting) queues.set(`${i.department} / ${i.queue}`, [...(queues.get(`${i.department} / ${i.queue}`) ?? []), i]);
  const risk = (i: WorkItem) => { const due = i.firstResponseDueAt && !i.answeredAt ? i.firstResponseDueAt : i.resolutionDueAt; return due ? new Date(due).getTime() - now < AT_RISK_MS : false; };
  const itemsOf = (a: Agent) => open.filter((i) => i.assignedTo === a.id);
  const loadOf = (a: Agent) => a.load ?? itemsOf(a).length;
  const figures: QueueFigures[] = [...queues].sort().map(([queue, items]) => ({
    queue, waiting: items.length, oldestMs: now - Math.min(...items.map((i) => new Date(i.enqueuedAt).getTime())), atRisk: items.filter(risk).length,
  }));
  const triage = open.filter(needsSupervisor).sort((a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt));
  const availableAgents = (agents.value ?? []).filter((a) => a.presence === 'available').length;

  if (wall) {
    return (
      <section aria-labelledby="wall-title" className="wall">
        <div className="toolbar">
          <h1 id="wall-title">{t('wallBoard')}</h1>
          <button type="button" onClick={() => setWall(false)}>{t('leaveWallBoard')}</button>
        </div>
        <Unavailable what="routing" error={work.error ?? agents.error} />
        <ul className="wall-tiles">
          {figures.map((f) => (
            <li key={f.queue}>
              <h2>{f.queue}</h2>
              <dl>
                <dt>{t('waitingCount')}</dt><dd>{f.waiting}</dd>
                <dt>{t('oldestWait')}</dt><dd>{duration(t, f.oldestMs)}</dd>
                <dt>{t('atRisk')}</dt><dd className={f.atRisk ? 'late' : ''}>{f.atRisk}</dd>
              </dl>
            </li>
          ))}
          <li>
            <h2>{t('triageOverflow')}</h2>
            <dl><dt>{t('waitingCount')}</dt><dd className={triage.length ? 'late' : ''}>{triage.length}</dd></dl>
          </li>
          <li>
            <h2>{t('agents')}</h2>
            <dl><dt>{t('agentsAvailable')}</dt><dd>{availableAgents}</dd></dl>
          </li>
        </ul>
      </section>
    );
  }

  const reassign = () => act.run(async () => {
    await call('routing', `v1/work/${itemId}/transfer`, { method: 'POST', body: { toAgentId: agentId, reason: 'reassigned by supervisor' } });
    work.reload();
    agents.reload();
  }, t('done'));

  return (
    <section aria-labelledby="sup-title">
      <div className="toolbar">
        <h1 id="sup-title">{t('supervisor')}</h1>
        <button type="button" onClick={() => setWall(true)}>{t('wallBoard')}</button>
      </div>
      <Unavailable what="routing" error={work.error ?? agents.error} />
      <h2 id="queues-title">{t('queues')}</h2>
      <div className="table-wrap">
        <table aria-labelledby="queues-title">
          <thead><tr><th scope="col">{t('queue')}</th><th scope="col">{t('waitingCount')}</th><th scope="col">{t('oldestWait')}</th><th scope="col">{t('atRisk')}</th></tr></thead>
          <tbody>
            {figures.map((f) => <tr key={f.queue}><th scope="row">{f.queue}</th><td>{f.waiting}</td><td>{duration(t, f.oldestMs)}</td><td className={f.atRisk ? 'late' : ''}>{f.atRisk}</td></tr>)}
          </tbody>
        </table>
      </div>
      <h2 id="triage-title">{t('triageOverflow')}</h2>
      {triage.length ? (
        <ul aria-labelledby="triage-title" className="triage">
          {triage.map((i) => <li key={i.inquiryId}><a href={`#/item/${i.inquiryId}`}>{i.reference}</a> · {i.department} / {i.queue} · {duration(t, now - new Date(i.enqueuedAt).getTime())}</li>)}
        </ul>
      ) : <p>{t('nothingToTriage')}</p>}
      <h2 id="agents-title">{t('agents')}</h2>
      <div className="table-wrap">
        <table aria-labelledby="agents-title">
          <thead><tr><th scope="col">{t('name')}</th><th scope="col">{t('presence')}</th><th scope="col">{t('load')}</th><th scope="col">{t('currentItems')}</th></tr></thead>
          <tbody>
            {(agents.value ?? []).map((a) => <tr key={a.id}><th scope="row">{a.name}</th><td>{t((['available', 'away', 'offline'].includes(a.presence) ? a.presence : 'offline') as 'available')}</td><td>{loadOf(a)} / {a.capacity}</td><td>{itemsOf(a).map((i) => i.reference).join(', ')}</td></tr>)}
          </tbody>
        </table>
      </div>
      <h2 id="reassign-title">{t('reassign')}</h2>
      <div className="inline-form" role="group" aria-labelledby="reassign-title">
        <label htmlFor="reassign-item">{t('item')}</label>
        <select id="reassign-item" value={itemId} onChange={(e) => setItemId(e.target.value)}>
          <option value="">—</option>
          {open.map((i) => <option key={i.inquiryId} value={i.inquiryId}>{i.reference} ({i.status})</option>)}
        </select>
        <label htmlFor="reassign-agent">{t('agent')}</label>
        <select id="reassign-agent" value={agentId} onChange={(e) => setAgentId(e.target.value)}>
          <option value="">—</option>
          {(agents.value ?? []).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
        <button type="button" onClick={() => void reassign()} disabled={act.busy || !itemId || !agentId}>{t('reassign')}</button>
      </div>
      <Alert>{act.error}</Alert>
      <Status>{act.message}</Status>
    </section>
  );
}
