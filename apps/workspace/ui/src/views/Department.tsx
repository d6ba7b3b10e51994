import { call } from '../api';
import { useLoad, useWorkspace } from '../context';
import { Alert, Clock, Status, Unavailable, useAction } from '../ui';

interface DepartmentItem {
  id: string;
  reference: string;
  category: string | null;
  status: string;
  subject?: string | null;
  resolutionDueAt?: string | null;
}

/** A caseworker's department queue: acknowledge what arrived, open it to answer, return or resolve. */
export function Department({ code }: { code: string }) {
  const { t } = useWorkspace();
  // Queued for the department, and those it has acknowledged and works on.
  const work = useLoad(async () => {
    const [queued, taken] = await Promise.all(['queued', 'assigned'].map((s) => call<DepartmentItem[]>('routing', `v1/departments/${code}/work?status=${s}`)));
    return [...queued, ...taken];
  }, [code]);
  const act = useAction();
  const acknowledge = (id: string) => act.run(async () => {
    await call('routing', `v1/departments/${code}/work/${id}/acknowledge`, { method: 'POST', body: {} });
    work.reload();
  }, t('done'));
  const items = work.value ?? [];
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
                <tr key={i.id}>
                  <td><a href={`#/item/${i.id}`}>{i.reference}</a>{i.subject ? ` — ${i.subject}` : ''}</td>
                  <td>{i.category ?? '—'}</td>
                  <td><Clock due={i.resolutionDueAt} /></td>
                  <td>{i.status !== 'queued' ? '✓' : <button type="button" onClick={() => void acknowledge(i.id)} disabled={act.busy} aria-label={`${t('acknowledge')} ${i.reference}`}>{t('acknowledge')}</button>}</td>
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
