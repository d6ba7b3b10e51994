import { useState } from 'react';
import { call } from '../api';
import { useLoad, useNow, useWorkspace } from '../context';
import { duration } from '../i18n';
import { Alert, Status, Unavailable, useAction } from '../ui';
import { Agent, WorkItem } from './types';

const AT_RISK_MS = 60 * 60_000;

/** The contact center at a glance, live: each queue's waiting count, oldest wait and SLA at risk; agents' presence and load; reassigning. */
export function Supervisor() {
  const { t } = useWorkspace();
  const now = useNow();
  const work = useLoad(() => call<WorkItem[]>('routing', 'v1/work'), []);
  const agents = useLoad(() => call<Agent[]>('routing', 'v1/agents'), []);
  const [itemId, setItemId] = useState('');
  const [agentId, setAgentId] = useState('');
  const act = useAction();
  const open = (work.value ?? []).filter((i) => i.status !== 'resolved');
  const waiting = open.filter((i) => i.status === 'queued');
  const queues = new Map<string, WorkItem[]>();
  for (const i of waiting) queues.set(`${i.department} / ${i.queue}`, [...(queues.get(`${i.department} / ${i.queue}`) ?? []), i]);
  const risk = (i: WorkItem) => { const due = i.firstResponseDueAt && !i.answeredAt ? i.firstResponseDueAt : i.resolutionDueAt; return due ? new Date(due).getTime() - now < AT_RISK_MS : false; };
  const loadOf = (a: Agent) => a.load ?? open.filter((i) => i.assignedTo === a.id).length;

  const reassign = () => act.run(async () => {
    await call('routing', `v1/work/${itemId}/transfer`, { method: 'POST', body: { toAgentId: agentId, reason: 'reassigned by supervisor' } });
    work.reload();
    agents.reload();
  }, t('done'));

  return (
    <section aria-labelledby="sup-title">
      <h1 id="sup-title">{t('supervisor')}</h1>
      <Unavailable what="routing" error={work.error ?? agents.error} />
      <h2 id="queues-title">{t('queues')}</h2>
      <div className="table-wrap">
        <table aria-labelledby="queues-title">
          <thead><tr><th scope="col">{t('queue')}</th><th scope="col">{t('waitingCount')}</th><th scope="col">{t('oldestWait')}</th><th scope="col">{t('atRisk')}</th></tr></thead>
          <tbody>
            {[...queues].sort().map(([q, items]) => {
              const oldest = Math.min(...items.map((i) => new Date(i.enqueuedAt).getTime()));
              const atRisk = items.filter(risk).length;
              return <tr key={q}><th scope="row">{q}</th><td>{items.length}</td><td>{duration(t, now - oldest)}</td><td className={atRisk ? 'late' : ''}>{atRisk}</td></tr>;
            })}
          </tbody>
        </table>
      </div>
      <h2 id="agents-title">{t('agents')}</h2>
      <div className="table-wrap">
        <table aria-labelledby="agents-title">
          <thead><tr><th scope="col">{t('name')}</th><th scope="col">{t('presence')}</th><th scope="col">{t('load')}</th></tr></thead>
          <tbody>
            {(agents.value ?? []).map((a) => <tr key={a.id}><th scope="row">{a.name}</th><td>{t((['available', 'away', 'offline'].includes(a.presence) ? a.presence : 'offline') as 'available')}</td><td>{loadOf(a)} / {a.capacity}</td></tr>)}
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
