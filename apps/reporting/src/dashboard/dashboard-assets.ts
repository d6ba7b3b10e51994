import { Injectable } from '@nestjs/common';
import { existsSync, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** The page's files (from the source tree: the build compiles only TypeScript) and Chart.js's UMD build from node_modules. */
@Injectable()
export class DashboardAssets {
  private readonly files = new Map<string, { body: Buffer; type: string }>();

  constructor() {
    const dir = publicDir();
    for (const name of ['index.html', 'dashboard.js', 'dashboard.css', 'i18n.js']) {
      this.files.set(name, { body: readFileSync(join(dir, name)), type: TYPES[name.split('.').pop()!] });
    }
    const chartDir = dirname(require.resolve('chart.js'));
    this.files.set('chart.umd.js', { body: readFileSync(join(chartDir, 'chart.umd.js')), type: TYPES.js });
  }

  file(name: string): { body: Buffer; type: string } {
    return this.files.get(name)!;
  }
}

function publicDir(): string {
  const candidates = [
    join(__dirname, 'public'),
    // dist/apps/reporting/src/dashboard → the source tree's files
    resolve(__dirname, '..', '..', '..', '..', '..', 'apps', 'reporting', 'src', 'dashboard', 'public'),
    resolve(process.cwd(), 'apps', 'reporting', 'src', 'dashboard', 'public'),
  ];
  const found = candidates.find((d) => existsSync(join(d, 'index.html')));
  if (!found) throw new Error(`dashboard files not found (looked in ${candidates.join(', ')})`);
  return found;
}
