import { Injectable } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml', png: 'image/png', woff2: 'font/woff2', json: 'application/json',
};

/** The repository root, from the source tree (tests) or from dist/ (npm start). */
function repositoryRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'apps', 'workspace'))) return dir;
  }
  return process.cwd();
}

export function spaBuildDir(): string {
  return process.env.WORKSPACE_UI_DIR ?? join(repositoryRoot(), 'dist', 'workspace-ui');
}

/**
 * The built application (Vite's output in dist/workspace-ui), held in memory: a handful of
 * hashed files, served with long caching, and index.html for every page address.
 */
@Injectable()
export class SpaFiles {
  private readonly files = new Map<string, { body: Buffer; type: string }>();

  constructor() {
    const dir = spaBuildDir();
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`the workspace application is not built (${dir}); run node scripts/build.js`);
    this.files.set('index.html', { body: readFileSync(join(dir, 'index.html')), type: TYPES.html });
    const assets = join(dir, 'assets');
    if (existsSync(assets)) {
      for (const name of readdirSync(assets)) this.files.set(`assets/${name}`, { body: readFileSync(join(assets, name)), type: TYPES[name.split('.').pop()!] ?? 'application/octet-stream' });
    }
  }

  file(name: string): { body: Buffer; type: string } | undefined {
    return this.files.get(name);
  }
}
