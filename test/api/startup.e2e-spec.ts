import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const MAIN = join(__dirname, '../../apps/api/dist/apps/api/src/main.js');

describe('start-up configuration check', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`Build the API first (npm run build): ${MAIN} is missing`);
  });

  it('stops with exit code 1 and names the wrong variable', () => {
    const run = spawnSync(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, PORT: 'not-a-port', DATABASE_URL: 'mysql://nope' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Invalid configuration');
    expect(run.stderr).toContain('PORT');
    expect(run.stderr).toContain('DATABASE_URL must be a postgres:// URL');
    expect(run.stdout).not.toContain('is running');
  });
});
