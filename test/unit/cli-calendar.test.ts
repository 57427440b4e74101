import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/onething.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'onething-calendar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI on an embedded store of its own (never DATABASE_URL from the environment). */
function onething(args: string[]) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [BIN, ...args, '--data', join(dir, 'pglite')], {
    encoding: 'utf8',
    env,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

// Each call starts Node with tsx and opens PGlite (a few seconds).
describe('onething calendar', { timeout: 120_000 }, () => {
  it('says which years are official, which provisional, and where coverage ends', () => {
    const r = onething(['calendar']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/official 正式\s+2004–2026\s+chinese-days/);
    expect(r.stdout).toMatch(/provisional 暂定\s+2027\s+元旦 01-01 · 春节 02-05,02-06,02-07,02-08/);
    expect(r.stdout).toMatch(/provisional 暂定\s+2028/);
    expect(r.stdout).toContain('after 2028 (CALENDAR_NOT_COVERED)');
  });

  it('refuses a file with a mistake, naming the field in Chinese and English, and stores nothing', () => {
    const bad = file('bad.json', {
      year: 2027,
      source: '测试',
      holidays: [],
      workdays: [{ name: '春节', date: '2027-02-10' }],
    });
    const r = onething(['calendar', 'load', bad]);
    expect(r.code).toBe(2);
    const { error } = JSON.parse(r.stderr);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message.zh).toContain('调休上班日期：2027-02-10 不是周六或周日');
    expect(error.message.en).toContain('Weekend day worked: 2027-02-10 is not a Saturday or Sunday');
    expect(onething(['calendar', '--json']).stdout).toContain('"provisional": [\n    2027');
  });

  it('loads a year: it becomes official, and the provisional reach moves on', () => {
    const good = file('2027.json', {
      year: 2027,
      source: '测试用通知（非真实）',
      holidays: [{ name: '元旦', dates: ['2027-01-01', '2027-01-02', '2027-01-03'] }],
      workdays: [],
    });
    const r = onething(['calendar', 'load', good]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('loaded 已载入 2027: 测试用通知（非真实）');
    expect(r.stdout).toContain(
      '2027 春节 / Spring Festival: 2027-02-05, 2027-02-06, 2027-02-07, 2027-02-08 are statutory holidays the file does not give off',
    );
    expect(r.stdout).toContain('0 deadlines in 0 open cases changed');
    const status = JSON.parse(onething(['calendar', 'status', '--json']).stdout);
    expect(status.official).toContainEqual({ year: 2027, source: '测试用通知（非真实）' });
    expect(status.provisional).toEqual([2028, 2029]);
  });
});
