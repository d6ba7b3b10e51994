import { createContext, useContext, useEffect, useState } from 'react';
import { ApiError, Me } from './api';
import { Lang, T } from './i18n';

export interface Workspace {
  me: Me;
  lang: Lang;
  t: T;
  /** Grows with every live update: views reload what they show when it changes. */
  version: number;
  /** The session ended during a call: the page offers sign-in and keeps drafts. */
  onSessionEnded(): void;
}

export const WorkspaceContext = createContext<Workspace | undefined>(undefined);

export function useWorkspace(): Workspace {
  const w = useContext(WorkspaceContext);
  if (!w) throw new Error('outside the workspace');
  return w;
}

/** Loads what a view shows, again on each live update; a failure names what is unavailable, the rest of the page keeps working. */
export function useLoad<V>(load: () => Promise<V>, deps: unknown[]): { value?: V; error?: string; reload(): void } {
  const { version, onSessionEnded } = useWorkspace();
  const [state, setState] = useState<{ value?: V; error?: string }>({});
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ value }),
      (err: unknown) => {
        if (err instanceof ApiError && err.status === 401) onSessionEnded();
        if (live) setState((s) => ({ value: s.value, error: err instanceof Error ? err.message : String(err) }));
      },
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version, n]);
  return { ...state, reload: () => setN((x) => x + 1) };
}

/** The current time, ticking each half minute, for SLA clocks. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(id);
  }, []);
  return now;
}

/** A draft kept in this browser until it is sent, so an expired session or a reload loses nothing. */
export function useDraft(key: string): [string, (v: string) => void, () => void] {
  const storageKey = `lotsen.draft.${key}`;
  const [value, setValue] = useState(() => window.localStorage.getItem(storageKey) ?? '');
  useEffect(() => { setValue(window.localStorage.getItem(storageKey) ?? ''); }, [storageKey]);
  const set = (v: string) => {
    setValue(v);
    if (v) window.localStorage.setItem(storageKey, v);
    else window.localStorage.removeItem(storageKey);
  };
  return [value, set, () => set('')];
}
