import { useCallback, useEffect, useMemo, useState } from 'react';
import { call, loadMe, Me, signIn, signOut } from './api';
import { WorkspaceContext } from './context';
import { initialLanguage, Lang, LANGUAGE_NAMES, LANGUAGES, translator } from './i18n';
import { Call } from './views/Call';
import { Dashboard } from './views/Dashboard';
import { Department } from './views/Department';
import { Item } from './views/Item';
import { Queue } from './views/Queue';
import { Search } from './views/Search';
import { Supervisor } from './views/Supervisor';

function useHash(): [string, (h: string) => void] {
  const [hash, setHash] = useState(window.location.hash || '#/');
  useEffect(() => {
    const on = () => setHash(window.location.hash || '#/');
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [hash, (h) => { window.location.hash = h; }];
}

/** Live updates over server-sent events; the browser reconnects by itself after a break. */
function useLive(enabled: boolean): { version: number; connected: boolean } {
  const [version, setVersion] = useState(0);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!enabled) return undefined;
    const source = new EventSource('/api/live');
    let timer: number | undefined;
    let pending = false;
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    // The first event reloads at once; a burst after it (a batch routed at once) is one more reload at most every 250 ms.
    const settle = () => {
      timer = undefined;
      if (!pending) return;
      pending = false;
      setVersion((v) => v + 1);
      timer = window.setTimeout(settle, 250);
    };
    source.addEventListener('update', () => {
      if (timer !== undefined) { pending = true; return; }
      setVersion((v) => v + 1);
      timer = window.setTimeout(settle, 250);
    });
    return () => { window.clearTimeout(timer); source.close(); };
  }, [enabled]);
  return { version, connected };
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLanguage);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [ended, setEnded] = useState(false);
  const [presence, setPresence] = useState('');
  const [hash, go] = useHash();
  const t = useMemo(() => translator(lang), [lang]);
  const live = useLive(Boolean(me) && !ended);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
    document.title = t('appName');
    window.localStorage.setItem('lotsen.lang', lang);
  }, [lang, t]);
  useEffect(() => { loadMe().then((m) => setMe(m ?? null), () => setMe(null)); }, []);
  const isAgent = Boolean(me?.roles.some((r) => r === 'agent' || r === 'supervisor'));
  useEffect(() => {
    if (!me || !isAgent) return;
    call<{ presence?: string }>('routing', 'v1/agents/me').then((a) => setPresence(a.presence ?? 'offline'), () => undefined);
  }, [me, isAgent]);
  const onSessionEnded = useCallback(() => setEnded(true), []);

  if (me === undefined) return <main id="main"><p role="status">{t('loading')}</p></main>;
  if (me === null) {
    return (
      <main id="main" className="signed-out">
        <h1>{t('appName')}</h1>
        <p>{t('signedOut')}</p>
        <button type="button" className="primary" onClick={signIn}>{t('signIn')}</button>
        <LanguagePicker lang={lang} setLang={setLang} label={t('language')} />
      </main>
    );
  }

  const lead = me.roles.includes('supervisor') || me.roles.includes('admin');
  const department = me.departments[0];
  const setMyPresence = (p: string) => {
    setPresence(p);
    void call('routing', `v1/agents/${encodeURIComponent(me.subject)}/presence`, { method: 'PUT', body: { presence: p } }).catch(() => undefined);
  };
  const [, route, arg] = hash.split('/');
  const links: [string, string][] = [['#/', t('myQueue')], ['#/call', t('registerCall')], ['#/search', t('search')]];
  if (department) links.push([`#/department/${department}`, t('departmentQueue')]);
  if (lead) links.push(['#/supervisor', t('supervisor')]);
  links.push(['#/dashboard', t('dashboard')]);
  const current = `#/${route ?? ''}${arg && route === 'department' ? `/${arg}` : ''}`;

  let view;
  if (route === 'item' && arg) view = <Item id={arg} go={go} />;
  else if (route === 'call') view = <Call />;
  else if (route === 'search') view = <Search />;
  else if (route === 'supervisor' && lead) view = <Supervisor />;
  else if (route === 'department' && arg) view = <Department code={arg} />;
  else if (route === 'dashboard') view = <Dashboard />;
  else view = <Queue go={go} />;

  return (
    <WorkspaceContext.Provider value={{ me, lang, t, version: live.version, onSessionEnded }}>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>{t('skip')}</a>
      <header className="banner">
        <p className="brand">{t('appName')}</p>
        <nav aria-label={t('nav')}>
          <ul>{links.map(([href, label]) => <li key={href}><a href={href} aria-current={current === href ? 'page' : undefined}>{label}</a></li>)}</ul>
        </nav>
        <div className="me">
          {isAgent ? (
            <span className="field">
              <label htmlFor="presence">{t('presence')}</label>
              <select id="presence" value={presence} onChange={(e) => setMyPresence(e.target.value)}>
                {['available', 'away', 'offline'].map((p) => <option key={p} value={p}>{t(p as 'available')}</option>)}
              </select>
            </span>
          ) : null}
          <LanguagePicker lang={lang} setLang={setLang} label={t('language')} />
          <span className="who">{me.name}</span>
          <button type="button" onClick={() => void signOut()}>{t('signOut')}</button>
        </div>
      </header>
      {ended ? <p role="alert" className="alert session">{t('sessionEnded')} <button type="button" onClick={signIn}>{t('signIn')}</button></p> : null}
      <main id="main" tabIndex={-1}>{view}</main>
      <footer><p className={live.connected ? 'live on' : 'live off'} role="status">{live.connected ? t('live') : t('liveLost')}</p></footer>
    </WorkspaceContext.Provider>
  );
}

function LanguagePicker({ lang, setLang, label }: { lang: Lang; setLang(l: Lang): void; label: string }) {
  return (
    <span className="field">
      <label htmlFor="language">{label}</label>
      <select id="language" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        {LANGUAGES.map((l) => <option key={l} value={l} lang={l}>{LANGUAGE_NAMES[l]}</option>)}
      </select>
    </span>
  );
}
