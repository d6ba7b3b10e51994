// The pages' stylesheet and script, served as files (the CSP allows no inline style or script).

export const SITE_CSS = `:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --accent: #0b5394; --error: #a4001d; --line: #767676; }
* { box-sizing: border-box; }
body { margin: 0; font: 1.0625rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 42rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
a { color: var(--accent); }
a:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, button:focus-visible, .error-summary:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
.skip { position: absolute; inset-inline-start: -9999px; top: 0; background: #fff; padding: .5rem; }
.skip:focus { inset-inline-start: .5rem; }
.top { border-bottom: 1px solid var(--line); padding: .5rem 1rem; }
.langs { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; justify-content: flex-end; }
.langs a[aria-current] { font-weight: 700; color: var(--ink); }
.field { margin: 0 0 1.25rem; }
label, legend { display: block; font-weight: 600; margin-bottom: .25rem; }
.hint { color: var(--muted); margin: 0 0 .375rem; font-size: .9375rem; }
input[type=text], input[type=email], input[type=tel], select, textarea { width: 100%; font: inherit; padding: .5rem; border: 2px solid var(--line); border-radius: 0; background: #fff; color: var(--ink); }
textarea { min-height: 10rem; resize: vertical; }
input[aria-invalid=true], select[aria-invalid=true], textarea[aria-invalid=true] { border-color: var(--error); }
fieldset { border: 1px solid var(--line); padding: .75rem 1rem; margin: 0 0 1.25rem; }
.row { display: flex; gap: 1rem; flex-wrap: wrap; }
.row .field { flex: 1 1 10rem; }
.check { display: flex; gap: .5rem; align-items: flex-start; }
.check input { width: 1.25rem; height: 1.25rem; margin-top: .2rem; }
.check label { font-weight: 400; }
.field-error { color: var(--error); font-weight: 600; margin: 0 0 .375rem; }
.error-summary { border: 3px solid var(--error); padding: .75rem 1rem; margin: 0 0 1.5rem; }
.error-summary h2 { margin-top: 0; }
.error-summary a { color: var(--error); font-weight: 600; }
.notice { border-inline-start: 6px solid var(--accent); background: #eef4fb; padding: .75rem 1rem; margin: 1rem 0; }
.reference { font-size: 1.5rem; font-weight: 700; letter-spacing: .02em; }
button { font: inherit; font-weight: 600; color: #fff; background: var(--accent); border: 0; padding: .625rem 1.25rem; cursor: pointer; }
button:hover { background: #073763; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.hp { display: none; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
ol.thread { list-style: none; padding: 0; }
ol.thread li { border: 1px solid var(--line); padding: .75rem 1rem; margin: 0 0 .75rem; }
.meta { color: var(--muted); font-size: .9375rem; margin: 0 0 .25rem; }
.msg { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
[hidden] { display: none !important; }
`;

/**
 * Shows the location fields only for fault-report categories, the "shown publicly" notice while a
 * public category is chosen, and moves focus to the error summary after a failed submit (the
 * server marks it with autofocus too).
 */
export const FORM_JS = `(function () {
  'use strict';
  var select = document.getElementById('f-category');
  var location = document.getElementById('location');
  var notice = document.getElementById('f-category-public');
  if (select && location) {
    var update = function () {
      var option = select.options[select.selectedIndex];
      var fault = option && option.getAttribute('data-fault') === '1';
      var filled = ['f-address', 'f-lat', 'f-lon'].some(function (id) { var el = document.getElementById(id); return el && el.value; });
      location.hidden = !(fault || filled);
      if (notice) notice.hidden = !(option && option.getAttribute('data-public') === '1');
    };
    select.addEventListener('change', update);
    update();
  }
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();
`;
