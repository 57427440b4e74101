import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registriesOpenApi } from '../../src/registries/contract.ts';
import { runConformance } from '../../src/registries/conformance.ts';
import { contractExamples, referenceData, referenceServer } from '../../src/registries/reference-server.ts';

/**
 * The contract file, the reference server and the conformance test a data-sharing platform runs:
 * the committed OpenAPI document is what the code generates and passes Redocly's recommended rules;
 * `onething registries conformance` passes against `onething registries serve`, and fails, naming
 * the check, against a platform that answers outside the contract.
 */
const BIN = fileURLToPath(new URL('../../bin/onething.js', import.meta.url));
const DOC = fileURLToPath(new URL('../../docs/registries.openapi.json', import.meta.url));

describe('the shared-data contract', () => {
  it('docs/registries.openapi.json is the document the schemas generate (regenerate with `onething registries openapi`)', async () => {
    expect(JSON.parse(readFileSync(DOC, 'utf8'))).toEqual(registriesOpenApi(await contractExamples()));
  });

  it('passes Redocly’s recommended ruleset with no error and no warning', () => {
    const lint = spawnSync(
      process.execPath,
      [
        fileURLToPath(new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url)),
        'lint',
        DOC,
        '--extends',
        'recommended',
        '--format',
        'summary',
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
    expect(lint.stdout + lint.stderr).not.toMatch(/^(error|warning)\s/m);
    expect(lint.stdout + lint.stderr).toContain('Your API description is valid');
  });
});

describe('onething registries conformance', () => {
  it('passes against `onething registries serve`', async () => {
    const server = spawn(process.execPath, [BIN, 'registries', 'serve', '--port', '0'], {
      env: { ...process.env, REGISTRY_TOKEN: 'conformance-token' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (d) => (output += d));
    server.stderr.on('data', (d) => (output += d));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start-up line in: ${output}`)), 30_000);
        server.stdout.on('data', () => {
          const m = /共享数据参考服务: (http:\/\/\S+)/.exec(output);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      const run = (token: string) =>
        new Promise<{ status: number | null; stdout: string }>((resolve) => {
          const c = spawn(process.execPath, [BIN, 'registries', 'conformance', '--url', url], {
            env: { ...process.env, REGISTRY_TOKEN: token },
          });
          let stdout = '';
          c.stdout.on('data', (d) => (stdout += d));
          c.stderr.on('data', (d) => (stdout += d));
          c.on('close', (status) => resolve({ status, stdout }));
        });
      const good = await run('conformance-token');
      expect(good.status, good.stdout).toBe(0);
      expect(good.stdout).toMatch(/conforms 符合: (\d+) of \1 checks passed/);
      expect(good.stdout).not.toContain('✗');

      // The platform's token is not the one the test sends: every lookup fails, and says so.
      const wrong = await run('another-token');
      expect(wrong.status).toBe(1);
      expect(wrong.stdout).toContain(
        '✗ lookUpPerson（测试家庭）符合接口规范 / lookUpPerson (the test family) answers by the contract',
      );
      expect(wrong.stdout).toContain('HTTP 401');
      expect(wrong.stdout).toContain('does not conform 不符合');
    } finally {
      server.kill('SIGTERM');
    }
  });

  it('fails, naming the check, against a platform that answers outside the contract or differs from its data', async () => {
    const data = referenceData({ seed: 'c', bornBy: new Date('2026-11-16T10:00:00+08:00') });
    const app = await referenceServer({
      ...data,
      token: 't',
      // Insurance outside the contract; no marriage at all, though the test family has one.
      fault: (op) =>
        op === 'maternityInsurance'
          ? {
              kind: 'bad-answer',
              body: { maternityInsurance: { insuredDivisionCode: '35', consecutiveMonths: -1 } },
            }
          : op === 'marriage'
            ? { kind: 'bad-answer', body: { marriage: null } }
            : null,
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const report = await runConformance({ url, token: 't' });
      expect(report.ok).toBe(false);
      const failed = report.checks.filter((c) => !c.ok);
      expect(failed.map((c) => c.name.en)).toEqual([
        "the father's marriage is the same record",
        'the marriage record matches',
        'lookUpMaternityInsurance (the test family) answers by the contract',
        'lookUpMaternityInsurance (a person the platform does not hold) answers by the contract',
      ]);
      expect(failed[1]!.detail).toMatch(/^got null, expected \{"registeredOn"/);
      expect(failed[2]!.detail).toMatch(
        /maternityInsurance\.insuredDivisionCode: .*maternityInsurance\.consecutiveMonths/,
      );
    } finally {
      await app.close();
    }
  });
});
