import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/onething.js', import.meta.url));

/** Run the CLI; `killAt` kills it (SIGKILL, no goodbye) once its progress reaches that share. */
function simulate(
  dataDir: string,
  killAt?: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL'));
  const child = spawn(
    process.execPath,
    [BIN, 'simulate', '--region', 'fujian', '--cases', '60', '--seed', 'resume', '--data', dataDir, '--json'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
    const pct = [...stderr.matchAll(/progress (\d+)%/g)].map((m) => Number(m[1])).at(-1) ?? 0;
    if (killAt !== undefined && pct >= killAt) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('onething simulate survives a crash', () => {
  it('killed half way, it resumes from the store: every case completes, no task is lost, and verify is clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onething-resume-'));
    const dataDir = join(dir, 'pglite');
    try {
      const killed = await simulate(dataDir, 30);
      expect(killed.code, killed.stderr).toBeNull(); // killed, not finished
      expect(killed.stdout).toBe('');
      const resumed = await simulate(dataDir);
      expect(resumed.code, resumed.stderr).toBe(0);
      const s = JSON.parse(resumed.stdout);
      expect(s.resumed).toBe(true);
      expect(s.accepted + s.refused).toBe(60);
      expect(s.casesCompleted + s.casesPartly).toBe(s.accepted);
      // Tasks the simulated departments had accepted before the kill were decided after it.
      expect(s.items.open).toBe(0);
      expect(s.verify).toMatchObject({ ok: true, problems: [] });
      // Started again once more, there is nothing left to do, and nothing is done twice.
      const again = await simulate(dataDir);
      const t = JSON.parse(again.stdout);
      expect(t).toMatchObject({
        resumed: true,
        accepted: s.accepted,
        casesCompleted: s.casesCompleted,
        verify: { ok: true },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
