import { call } from '../api';
import { useLoad, useWorkspace } from '../context';
import { Alert, Clock, Status, Unavailable, useAction } from '../ui';
import { WorkItem } from './types';

/** A caseworker's department queue: acknowledge what arrived, open it to answer, return or resolve. */
export function Department({ code }: { code: string }) {
  const { t } = useWorkspace();
  const work = useLoad(() => call<WorkItem[]>('routing', `v1/departments/${code}/work`), [code]);
  const act = useAction();
  const acknowledge = (id: string) => act.run(async () => {
    await call('routing', `v1/departments/${code}/work/${id}/acknowledge`, { method: 'POST', body: {} });
    work.reload();
  }, t('done'));
  const items = (work.value ?? []).filter((i) => i.status !== 'resolved');
  return (
    <section aria-labelledby="dep-title">
      <h1 id="dep-title">{t('departmentQueue')}: {code}</h1>
      <Unavailable what="routing" error={work.error} />
      {work.value && !items.length ? <p>{t('nothingWaiting')}</p> : null}
      {items.length ? (
        <div className="table-wrap">
          <table aria-labelledby="dep-title">
            <thead><tr><th scope="col">{t('reference')}</th><th scope="col">{t('category')}</th><th scope="col">{t('resolutionDue')}</th><th scope="col"><span className="visually-hidden">{t('acknowledge')}</span></th></tr></thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.inquiryId}>
                  <td><a href={`#/item/${i.inquiryId}`}>{i.reference}</a></td>
                  <td>{i.category ?? '—'}</td>
                  <td><Clock due={i.resolutionDueAt} /></td>
                  <td>{i.status === 'acknowledged' ? '✓' : <button type="button" onClick={() => void acknowledge(i.inquiryId)} disabled={act.busy} aria-label={`${t('acknowledge')} ${i.reference}`}>{t('acknowledge')}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Alert>{act.error}</Alert>
      <Status>{act.message}</Status>
    </section>
  );
}
