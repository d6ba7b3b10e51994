#!/usr/bin/env node
// Builds the staff workspace's application (React, Vite) into dist/workspace-ui; skipped when the
// output is newer than every source file. Nothing is fetched: Vite and React come from node_modules.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const ui = path.join(root, 'apps', 'workspace', 'ui');
const out = path.join(root, 'dist', 'workspace-ui');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

async function buildWorkspaceUi({ force = false } = {}) {
  const index = path.join(out, 'index.html');
  if (!force && fs.existsSync(index) && fs.statSync(index).mtimeMs >= Math.max(newest(ui), fs.statSync(__filename).mtimeMs)) return false;
  // Always React's production build: a build started under jest (NODE_ENV=test) would otherwise
  // bundle its development build (larger, slower, every effect run twice) and be kept afterwards.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  await build({
    root: ui, base: '/', configFile: false, logLevel: 'warn', plugins: [react()], mode: 'production',
    build: { outDir: out, emptyOutDir: true, sourcemap: false, target: 'es2022' },
  });
  return true;
}

module.exports = { buildWorkspaceUi };

if (require.main === module) {
  buildWorkspaceUi({ force: process.argv.includes('--force') }).then(
    (built) => { if (!process.env.LOTSEN_QUIET_BUILD) console.log(built ? 'build: workspace application built to dist/workspace-ui/' : 'build: workspace application up to date'); },
    (err) => { console.error(err); process.exit(1); },
  );
}
