/* Lotsen reporting dashboard: fetches /v1/dashboard with the sign-in session (httpOnly cookie) or a key kept in sessionStorage. */
(function () {
  'use strict';
  var KEY = 'lotsen.reporting.key';
  var CHANNELS = ['web', 'email', 'phone', 'letter', 'visit', 'social', 'chat'];
  // Colour-blind-safe palette (Okabe–Ito), dark enough against white.
  var COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#999999'];
  var I18N = window.LOTSEN_I18N;
  var params = new URLSearchParams(location.search);
  var lang = params.get('lang') || sessionStorage.getItem('lotsen.lang') || ((navigator.language || 'sv').slice(0, 2) === 'en' ? 'en' : 'sv');
  var charts = {};
  var last = null;
  var $ = function (id) { return document.getElementById(id); };
  var t = function (k, vars) {
    var s = (I18N[lang] && I18N[lang][k]) || I18N.sv[k] || k;
    Object.keys(vars || {}).forEach(function (v) { s = s.replace('{' + v + '}', vars[v]); });
    return s;
  };
  var fmt = function (v, digits) {
    if (v === null || v === undefined) return '–';
    return Number(v).toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: digits === undefined ? 1 : digits });
  };
  var channelName = function (c) { return (I18N[lang].channels || {})[c] || c; };

  // A key passed as #key=… on first load is moved to sessionStorage and removed from the address bar
  // (a fragment is never sent to the server, so it appears in no access log).
  var hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('key')) {
    sessionStorage.setItem(KEY, hash.get('key'));
    history.replaceState(null, '', location.pathname + location.search);
  }

  function applyTexts() {
    document.documentElement.lang = lang;
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
    $('lang').value = lang;
    var ch = $('channel');
    var current = ch.value;
    ch.innerHTML = '';
    ch.appendChild(option('', t('all')));
    CHANNELS.forEach(function (c) { ch.appendChild(option(c, channelName(c))); });
    ch.value = current || params.get('channel') || '';
  }

  function option(value, text) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    return o;
  }

  function showLogin(message) {
    $('main').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    $('sso').focus();
  }

  /** A system key when one was entered; otherwise the session cookie speaks for the signed-in person. */
  function auth(headers) {
    var key = sessionStorage.getItem(KEY);
    if (key) headers['x-api-key'] = key;
    return headers;
  }

  function query() {
    var q = new URLSearchParams();
    ['from', 'to', 'channel', 'department'].forEach(function (k) { if ($(k).value) q.set(k, $(k).value); });
    return q;
  }

  function load() {
    var key = sessionStorage.getItem(KEY);
    $('login').hidden = true;
    $('main').hidden = false;
    $('status').textContent = t('loading');
    var q = query();
    var shown = new URLSearchParams(q);
    shown.set('lang', lang);
    history.replaceState(null, '', location.pathname + '?' + shown.toString());
    return fetch('/v1/dashboard?' + q.toString(), { headers: auth({ accept: 'application/json' }), credentials: 'same-origin' })
      .then(function (res) {
        if (res.status === 401 || res.status === 403) {
          sessionStorage.removeItem(KEY);
          // Without a key, 401 only means nobody has signed in yet.
          showLogin(key || res.status === 403 ? t('badKey') : '');
          return null;
        }
        return res.json().then(function (body) {
          if (!res.ok) throw new Error(body.detail || res.statusText);
          return body;
        });
      })
      .then(function (data) {
        if (!data) return;
        last = data;
        render(data);
        $('status').textContent = t('loaded', { time: new Date().toLocaleTimeString(lang === 'sv' ? 'sv-SE' : 'en-GB') });
        document.body.setAttribute('data-loaded', String(Date.now()));
      })
      .catch(function (err) { $('status').textContent = t('failed', { error: err.message }); });
  }

  function render(d) {
    var dept = $('department');
    var chosen = dept.value || params.get('department') || '';
    dept.innerHTML = '';
    dept.appendChild(option('', t('all')));
    (d.departments || []).forEach(function (c) { dept.appendChild(option(c, c)); });
    if (chosen && (d.departments || []).indexOf(chosen) < 0) dept.appendChild(option(chosen, chosen));
    dept.value = chosen;
    renderHeadline(d);
    renderVolume(d);
    renderQuality(d);
    renderBacklog(d);
    renderCsat(d);
    renderPhone(d);
    renderTopics(d);
  }

  function renderHeadline(d) {
    var goals = {};
    d.goals.forEach(function (g) { goals[g.kpi] = g; });
    var tiles = [
      ['received', d.totals.received, 0], ['answeredByCenterPct', d.totals.answeredByCenterPct, 1, '%'],
      ['handledByCenterPct', d.totals.handledByCenterPct, 1, '%'], ['firstContactResolutionPct', d.totals.firstContactResolutionPct, 1, '%'],
      ['slaCompliancePct', d.totals.slaCompliancePct, 1, '%'], ['csatAverage', d.totals.csatAverage, 2],
      ['phoneServiceLevelPct', d.totals.phoneServiceLevelPct, 1, '%'], ['firstResponseMedianHours', d.totals.firstResponseMedianHours, 1],
      ['resolutionMedianHours', d.totals.resolutionMedianHours, 1], ['backlogTotal', d.backlog.total, 0],
    ];
    var ul = $('headline');
    ul.innerHTML = '';
    tiles.forEach(function (tile) {
      var li = document.createElement('li');
      li.className = 'tile';
      li.setAttribute('data-kpi', tile[0]);
      var label = document.createElement('div');
      label.className = 'label';
      label.textContent = t(tile[0]);
      var value = document.createElement('div');
      value.className = 'value';
      value.textContent = fmt(tile[1], tile[2]) + (tile[1] !== null && tile[3] ? ' ' + tile[3] : '');
      li.appendChild(label);
      li.appendChild(value);
      var g = goals[tile[0]];
      if (g) {
        var goal = document.createElement('div');
        goal.className = 'goal ' + g.status;
        goal.textContent = t('goal') + ' ' + (g.direction === 'atLeast' ? '≥ ' : '≤ ') + fmt(g.target, 2) + (tile[3] ? ' ' + tile[3] : '') + ': ' + t(g.status);
        li.appendChild(goal);
      }
      ul.appendChild(li);
    });
  }

  function table(containerId, headers, rows) {
    var el = $(containerId);
    el.innerHTML = '';
    var tbl = document.createElement('table');
    var thead = document.createElement('thead');
    var tr = document.createElement('tr');
    headers.forEach(function (h) { var th = document.createElement('th'); th.scope = 'col'; th.textContent = h; tr.appendChild(th); });
    thead.appendChild(tr);
    tbl.appendChild(thead);
    var tbody = document.createElement('tbody');
    rows.forEach(function (r) {
      var row = document.createElement('tr');
      r.forEach(function (c, i) {
        var cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cell.scope = 'row';
        cell.textContent = typeof c === 'number' ? fmt(c, 2) : c === null || c === undefined ? '–' : c;
        row.appendChild(cell);
      });
      tbody.appendChild(row);
    });
    tbl.appendChild(tbody);
    el.appendChild(tbl);
  }

  function chart(id, config, summary) {
    var canvas = $(id);
    canvas.setAttribute('aria-label', summary);
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    charts[id] = new window.Chart(canvas, config);
  }

  function renderVolume(d) {
    var channels = Object.keys(d.volume.series);
    chart('chart-volume', {
      type: 'bar',
      data: {
        labels: d.volume.labels,
        datasets: channels.map(function (c, i) { return { label: channelName(c), data: d.volume.series[c], backgroundColor: COLORS[i % COLORS.length] }; }),
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    }, t('volumeTitle') + ': ' + fmt(d.totals.received, 0));
    table('table-volume', [t('period')].concat(channels.map(channelName)), d.volume.labels.map(function (l, i) {
      return [l].concat(channels.map(function (c) { return d.volume.series[c][i]; }));
    }));
  }

  function renderQuality(d) {
    chart('chart-quality', {
      type: 'line',
      data: {
        labels: d.trend.map(function (r) { return r.key; }),
        datasets: [
          { label: t('sla'), data: d.trend.map(function (r) { return r.slaCompliancePct; }), borderColor: COLORS[0], backgroundColor: COLORS[0], spanGaps: true },
          { label: t('fcr'), data: d.trend.map(function (r) { return r.firstContactResolutionPct; }), borderColor: COLORS[1], backgroundColor: COLORS[1], spanGaps: true },
        ],
      },
      options: { scales: { y: { min: 0, max: 100 } } },
    }, t('qualityTitle') + ': SLA ' + fmt(d.totals.slaCompliancePct) + ' %, FCR ' + fmt(d.totals.firstContactResolutionPct) + ' %');
    table('table-quality', [t('period'), t('sla'), t('fcr')], d.trend.map(function (r) { return [r.key, r.slaCompliancePct, r.firstContactResolutionPct]; }));
  }

  function renderBacklog(d) {
    var labels = d.backlog.buckets.map(function (b) { return I18N[lang].buckets[b.bucket] || b.bucket; });
    chart('chart-backlog', {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: t('backlogTotal'), data: d.backlog.buckets.map(function (b) { return b.open; }), backgroundColor: COLORS[2] }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }, t('backlogTitle') + ': ' + fmt(d.backlog.total, 0));
    table('table-backlog', [t('bucket'), t('count')], d.backlog.buckets.map(function (b, i) { return [labels[i], b.open]; }));
  }

  function renderCsat(d) {
    var x = d.totals;
    var dist = [x.csat1, x.csat2, x.csat3, x.csat4, x.csat5];
    chart('chart-csat', {
      type: 'bar',
      data: { labels: ['1', '2', '3', '4', '5'], datasets: [{ label: t('answers'), data: dist, backgroundColor: COLORS[5] }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }, t('csatTitle') + ': ' + fmt(x.csatAverage, 2) + ', ' + t('csatResponseRatePct') + ' ' + fmt(x.csatResponseRatePct) + ' %');
    table('table-csat', [t('score'), t('answers')], dist.map(function (n, i) { return [String(i + 1), n]; })
      .concat([[t('csatAverage'), x.csatAverage], [t('csatResponseRatePct'), x.csatResponseRatePct]]));
  }

  function renderPhone(d) {
    var slLabel = t('serviceLevel', { s: d.serviceLevelSeconds });
    chart('chart-phone', {
      type: 'bar',
      data: {
        labels: d.trend.map(function (r) { return r.key; }),
        datasets: [
          { label: t('answered'), data: d.trend.map(function (r) { return r.callsAnswered; }), backgroundColor: COLORS[2], stack: 'calls' },
          { label: t('abandoned'), data: d.trend.map(function (r) { return r.callsAbandoned; }), backgroundColor: COLORS[1], stack: 'calls' },
        ],
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    }, slLabel + ': ' + fmt(d.totals.phoneServiceLevelPct) + ' %');
    table('table-phone', [t('period'), t('offered'), t('answered'), t('abandoned'), slLabel], d.trend.map(function (r) {
      return [r.key, r.callsOffered, r.callsAnswered, r.callsAbandoned, r.phoneServiceLevelPct];
    }));
  }

  function renderTopics(d) {
    var cats = d.topics.topCategories;
    chart('chart-topics', {
      type: 'bar',
      data: { labels: cats.map(function (c) { return c.category; }), datasets: [{ label: t('count'), data: cats.map(function (c) { return c.received; }), backgroundColor: COLORS[0] }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    }, t('topicsTitle') + ': ' + cats.slice(0, 3).map(function (c) { return c.category; }).join(', '));
    table('table-topics', [t('category'), t('department'), t('count')], cats.map(function (c) { return [c.category, c.department, c.received]; }));
    table('table-terms', [t('term'), t('current'), t('previous'), t('change')], d.topics.risingTerms.map(function (r) { return [r.term, r.current, r.previous, r.change]; }));
  }

  function download() {
    var q = query();
    q.set('groupBy', last && last.timeGroup ? last.timeGroup : 'day');
    fetch('/v1/kpis.csv?' + q.toString(), { headers: auth({}), credentials: 'same-origin' })
      .then(function (res) { if (!res.ok) throw new Error(res.statusText); return res.blob(); })
      .then(function (blob) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = 'lotsen-kpis-' + q.get('from') + '-' + q.get('to') + '.csv';
        document.body.appendChild(a);
        a.click();
        a.remove();
      })
      .catch(function (err) { $('status').textContent = t('failed', { error: err.message }); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var today = new Date();
    var iso = function (d) { return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10); };
    $('from').value = params.get('from') || iso(new Date(today.getTime() - 29 * 86400000));
    $('to').value = params.get('to') || iso(today);
    applyTexts();
    $('lang').addEventListener('change', function () {
      lang = $('lang').value;
      sessionStorage.setItem('lotsen.lang', lang);
      applyTexts();
      if (last) render(last);
    });
    $('filters').addEventListener('submit', function (e) { e.preventDefault(); load(); });
    $('channel').addEventListener('change', load);
    $('department').addEventListener('change', load);
    $('csv').addEventListener('click', download);
    $('logout').addEventListener('click', function () {
      if (sessionStorage.getItem(KEY)) { sessionStorage.removeItem(KEY); showLogin(); return; }
      location.href = '/auth/logout'; // ends the session here and at the identity provider
    });
    $('login-form').addEventListener('submit', function (e) {
      e.preventDefault();
      sessionStorage.setItem(KEY, $('key').value.trim());
      $('key').value = '';
      load();
    });
    load();
  });
})();
