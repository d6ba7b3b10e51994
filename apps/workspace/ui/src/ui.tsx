import { ReactNode, useState } from 'react';
import { ApiError } from './api';
import { useNow, useWorkspace } from './context';
import { clock } from './i18n';

export function Alert({ children }: { children?: ReactNode }) {
  return children ? <p role="alert" className="alert">{children}</p> : null;
}

export function Status({ children }: { children?: ReactNode }) {
  return <p role="status" className="status">{children}</p>;
}

export function Unavailable({ what, error }: { what: string; error?: string }) {
  const { t } = useWorkspace();
  return error ? <p role="alert" className="alert">{t('unavailable', { what })} — {error}</p> : null;
}

export function Clock({ due }: { due?: string | null }) {
  const { t } = useWorkspace();
  const now = useNow();
  const c = clock(t, due, now);
  if (!c) return <span>—</span>;
  return <span className={c.late ? 'late' : 'ok'}>{c.text}</span>;
}

/** An action: disabled while it runs (a double click sends once), its outcome announced. */
export function useAction(): { busy: boolean; message?: string; error?: string; run(f: () => Promise<unknown>, done?: string): Promise<boolean> } {
  const { onSessionEnded } = useWorkspace();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  return {
    busy, message, error,
    async run(f, done) {
      if (busy) return false;
      setBusy(true);
      setError(undefined);
      setMessage(undefined);
      try {
        await f();
        setMessage(done);
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) onSessionEnded();
        setError(err instanceof Error ? err.message : String(err));
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}
