import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The command line as `npm start` runs it: compiled ahead of time (scripts/build-server.mjs). Built
 * here into a private directory, so the test does not depend on, or disturb, the working dist/.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'test-results', `compiled-cli-${process.pid}`);
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(OUT, 'cli.js'), ...args], { cwd: ROOT, input, encoding: 'utf8' });

beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs', OUT], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(built.status, built.stderr).toBe(0);
}, 120_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('the compiled command line', () => {
  it('has its migrations beside it, and evaluates', () => {
    expect(existsSync(join(OUT, 'migrations', '0025_personal_data_at_rest.sql'))).toBe(true);
    const example = run(['example', '--region', 'anhui']);
    expect(example.status, example.stderr).toBe(0);
    const evaluated = run(['evaluate', '--region', 'anhui', '--input', '-'], example.stdout);
    expect(evaluated.status, evaluated.stderr).toBe(0);
    expect(JSON.parse(evaluated.stdout)).toMatchObject({ region: 'anhui', eligible: true });
  });

  it('runs a simulation on the embedded store and verifies it', () => {
    const r = run(['simulate', '--region', 'fujian', '--cases', '3', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verify: { ok: true } });
  }, 300_000);

  it('answers bad input with the bilingual error naming the field', () => {
    const r = run(['evaluate', '--region', 'anhui', '--input', '-'], '{');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/不是有效的 JSON/);
    expect(r.stderr).toMatch(/not valid JSON/);
  });
});
