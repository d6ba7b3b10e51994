import { call } from '../api';
import { useLoad, useWorkspace } from '../context';
import { Alert, Clock, Unavailable, useAction } from '../ui';
import { WorkItem, WorkView } from './types';

/** An agent's own work, ordered by the SLA clock, and Take next for the best item routing has for them. */
export function Queue({ go }: { go(hash: string): void }) {
  const { t } = useWorkspace();
  const mine = useLoad(() => call<WorkItem[]>('routing', 'v1/work/mine?open=true'), []);
  const take = useAction();
  const open = (mine.value ?? []).filter((i) => i.status !== 'resolved')
    .sort((a, b) => (a.firstResponseDueAt ?? a.resolutionDueAt ?? '9').localeCompare(b.firstResponseDueAt ?? b.resolutionDueAt ?? '9'));
  const takeNext = () => take.run(async () => {
    const item = await call<WorkView | undefined>('routing', 'v1/work/next', { method: 'POST', body: {} });
    if (item) go(`#/item/${item.inquiryId}`);
    else throw new Error(t('nothingWaiting'));
  });
  return (
    <section aria-labelledby="queue-title">
      <div className="toolbar">
        <h1 id="queue-title">{t('myQueue')}</h1>
        <button type="button" className="primary" onClick={() => void takeNext()} disabled={take.busy}>{t('takeNext')}</button>
      </div>
      <Alert>{take.error}</Alert>
      <Unavailable what="routing" error={mine.error} />
      {mine.value && !open.length ? <p>{t('nothingWaiting')}</p> : null}
      {open.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('myQueue')}</caption>
            <thead><tr><th scope="col">{t('reference')}</th><th scope="col">{t('category')}</th><th scope="col">{t('language')}</th><th scope="col">{t('firstResponse')}</th><th scope="col">{t('resolutionDue')}</th></tr></thead>
            <tbody>
              {open.map((i) => (
                <tr key={i.inquiryId}>
                  <td><a href={`#/item/${i.inquiryId}`}>{i.reference}</a></td>
                  <td>{i.category ?? '—'}</td>
                  <td>{i.language}</td>
                  <td>{i.answeredAt ? '✓' : <Clock due={i.firstResponseDueAt} />}</td>
                  <td><Clock due={i.resolutionDueAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
