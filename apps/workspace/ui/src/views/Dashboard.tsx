import { call } from '../api';
import { useLoad, useWorkspace } from '../context';
import { Unavailable } from '../ui';

interface Kpis {
  totals?: Record<string, number | null>;
}

/** Reporting's key figures for today, with the same sign-in. */
export function Dashboard() {
  const { t } = useWorkspace();
  const today = new Date().toISOString().slice(0, 10);
  const kpis = useLoad(() => call<Kpis>('reporting', `v1/kpis?from=${today}`), [today]);
  const totals = kpis.value?.totals ?? {};
  const rows: [string, unknown][] = [
    [t('received'), totals.received],
    [t('answered'), totals.answeredByCenter],
    [t('resolved'), totals.resolved],
    [t('fcr'), totals.firstContactResolved],
    [t('sla'), totals.slaCompliancePct === null || totals.slaCompliancePct === undefined ? undefined : `${totals.slaCompliancePct} %`],
  ];
  return (
    <section aria-labelledby="dash-title">
      <h1 id="dash-title">{t('dashboard')}</h1>
      <Unavailable what="reporting" error={kpis.error} />
      <dl className="figures">
        {rows.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{value === undefined || value === null ? '—' : String(value)}</dd></div>)}
      </dl>
    </section>
  );
}
