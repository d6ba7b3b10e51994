import { spawnSync } from 'child_process';
import { resolve } from 'path';

// The short version of `npm run chaos`: a few thousand inquiries, one fault of each kind. It
// restarts the machine's RabbitMQ and Postgres, so jest.chaos.config.js runs it alone, after
// every other test (see package.json "test").

const ROOT = resolve(__dirname, '..', '..');

describe('chaos (short run)', () => {
  it('loses nothing and duplicates nothing while RabbitMQ, Postgres and service instances are killed', () => {
    const build = spawnSync(process.execPath, ['scripts/build.js'], { cwd: ROOT, env: { ...process.env, LOTSEN_QUIET_BUILD: '1' }, encoding: 'utf8' });
    expect(build.status).toBe(0);
    const count = process.env.CHAOS_COUNT ?? '2000';
    const run = spawnSync(process.execPath, ['dist/scripts/chaos.js', '--count', count, '--timeout', '600'], { cwd: ROOT, encoding: 'utf8', timeout: 15 * 60 * 1000 });
    process.stdout.write(run.stdout);
    process.stderr.write(run.stderr);
    const summary = /accepted=(\d+) lost=(\d+) duplicates=(\d+) recovery_s=([\d.]+)/.exec(run.stdout);
    expect(summary).not.toBeNull();
    const [, accepted, lost, duplicates] = summary!;
    expect({ accepted: Number(accepted), lost: Number(lost), duplicates: Number(duplicates) }).toEqual({ accepted: Number(count), lost: 0, duplicates: 0 });
    expect(run.status).toBe(0);
  });
});
