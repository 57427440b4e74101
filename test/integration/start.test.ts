import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import { sampleSituation } from '../../src/registries/population.ts';

const BIN = fileURLToPath(new URL('../../bin/onething.js', import.meta.url));

describe('onething start (the README’s first command)', () => {
  it('serves the API with demo data on the embedded store, takes a family and a case, and stops cleanly', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'onething-start-'));
    // The embedded store, whatever the caller's environment says.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL'));
    const server = spawn(process.execPath, [BIN, 'start', '--port', '0'], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (d) => {
      output += d;
    });
    server.stderr.on('data', (d) => {
      output += d;
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start-up line in: ${output}`)), 45_000);
        server.stdout.on('data', () => {
          const m = /API and docs:\s+(http:\/\/\S+)\/docs/.exec(output);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      expect(output).toContain('no fsync');
      expect(output).toMatch(/anhui\s+\S+\s+Bearer dev:\d{17}[\dX]/);
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });

      // A family of our own, loaded through the dev CLI, then an application for it.
      const situation = sampleSituation('anhui');
      const motherId = makeCitizenId('340104', '1996-02-02', 222);
      situation.mother = { ...situation.mother, idNumber: motherId };
      situation.marriage = { ...situation.marriage!, wifeIdNumber: motherId };
      situation.deliveryRecord = { ...situation.deliveryRecord!, motherIdNumber: motherId };
      situation.baby.bornAt = new Date(Date.now() - 86_400_000).toISOString();
      const file = join(cwd, 'family.json');
      writeFileSync(file, JSON.stringify(situation));
      const load = spawnSync(process.execPath, [BIN, 'family', 'load', '--file', file, '--url', url], {
        encoding: 'utf8',
      });
      expect(load.status, load.stderr).toBe(0);

      const auth = { authorization: `Bearer dev:${motherId}`, 'content-type': 'application/json' };
      const png =
        'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
      // Anhui: the father confirms with face verification in his own login first (004 附件2 二 1).
      const confirmed = await fetch(`${url}/api/citizen/confirmations`, {
        method: 'POST',
        headers: {
          authorization: `Bearer dev:${situation.father!.idNumber}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ face: png }),
      });
      expect(confirmed.status).toBe(201);
      const application = {
        applicantRole: 'mother',
        motherIdNumber: motherId,
        baby: { surname: '李', givenName: '安' },
        choices: { followParent: 'father' },
      };
      const preview = (await (
        await fetch(`${url}/api/citizen/evaluate`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ region: 'anhui', application }),
        })
      ).json()) as { formDigest: string };
      const signature = {
        formDigest: preview.formDigest,
        imagePng:
          'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      };
      const submitted = await fetch(`${url}/api/citizen/cases`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          region: 'anhui',
          clientTxnId: 'start-test-1',
          application: { ...application, signature },
        }),
      });
      expect(submitted.status).toBe(201);
      const { caseId } = (await submitted.json()) as { caseId: string };
      const detail = (await (
        await fetch(`${url}/api/citizen/cases/${caseId}`, { headers: auth })
      ).json()) as { items: Record<string, { status: string }> };
      expect(detail.items['birth-certificate']!.status).toBe('dispatched');
    } finally {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    expect(server.exitCode).toBe(0);
  }, 90_000);
});
