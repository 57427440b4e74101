import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openPglite } from '../../src/store/db.ts';

describe('the embedded store', () => {
  it('refuses a second opener of one data directory while the first is alive, and frees it on close', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pglite-')), 'db');
    const first = await openPglite(dir);
    await migrate(first);
    // A second process tries the same directory while we hold it.
    const script = `import('${new URL('../../src/store/db.ts', import.meta.url).pathname}').then(m => m.openPglite(${JSON.stringify(dir)})).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); })`;
    const tsx = new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url).pathname;
    const other = spawnSync(process.execPath, [tsx, '--eval', script], { encoding: 'utf8' });
    expect(other.status).toBe(3);
    expect(other.stderr).toContain(`in use by process ${process.pid}`);
    await first.close();
    const again = await openPglite(dir);
    expect(
      (await again.query<{ n: number }>('select count(*)::int as n from schema_migrations'))[0]!.n,
    ).toBeGreaterThan(0);
    await again.close();
  });
});
