#!/usr/bin/env node
// Compiles apps/, libs/, scripts/ and bench/ to dist/ with SWC (a couple of seconds on 2 cores).
// Path aliases (@lotsen/*) are rewritten to relative requires, so dist/ runs with plain `node`.
const fs = require('fs');
const path = require('path');
const swc = require('@swc/core');
const swcOptions = require('../swc.config');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist');
const aliases = { '@lotsen/': 'libs/' };

// The workspace's browser application is Vite's to build (build-workspace-ui.js), not SWC's.
const BROWSER_SOURCES = path.join(root, 'apps', 'workspace', 'ui');

function* walk(dir) {
  if (!fs.existsSync(dir) || dir === BROWSER_SOURCES) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(p);
    else if (p.endsWith('.ts') && !p.endsWith('.spec.ts') && !p.endsWith('.d.ts')) yield p;
  }
}

function rewriteAliases(code, fileOut) {
  return code.replace(/require\("(@lotsen\/[a-z-]+)"\)/g, (_m, spec) => {
    const target = path.join(out, aliases['@lotsen/'] + spec.slice('@lotsen/'.length), 'src', 'index.js');
    let rel = path.relative(path.dirname(fileOut), target).split(path.sep).join('/');
    if (!rel.startsWith('.')) rel = './' + rel;
    return `require("${rel}")`;
  });
}

let count = 0;
for (const dir of ['apps', 'libs', 'scripts', 'bench']) {
  for (const file of walk(path.join(root, dir))) {
    const rel = path.relative(root, file);
    const fileOut = path.join(out, rel.replace(/\.ts$/, '.js'));
    const src = fs.readFileSync(file, 'utf8');
    const { code } = swc.transformSync(src, { ...swcOptions({ root: { sourceMaps: 'inline' } }), filename: file, swcrc: false });
    fs.mkdirSync(path.dirname(fileOut), { recursive: true });
    fs.writeFileSync(fileOut, rewriteAliases(code, fileOut));
    count++;
  }
}
if (!process.env.LOTSEN_QUIET_BUILD) console.log(`build: ${count} files compiled to dist/`);

// The workspace's browser application (Vite), when its sources changed since the last build.
require('./build-workspace-ui').buildWorkspaceUi().then(
  (built) => { if (built && !process.env.LOTSEN_QUIET_BUILD) console.log('build: workspace application built to dist/workspace-ui/'); },
  (err) => { console.error(err); process.exit(1); },
);
