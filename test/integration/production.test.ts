import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { signedHeaders } from '../../src/http/gateway-signature.ts';
import { sessionTokens } from '../../src/http/sessions.ts';
import { isProduction } from '../../src/production.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { referenceData, referenceServer } from '../../src/registries/reference-server.ts';
import { systemClock } from '../../src/system-clock.ts';
import { POSTGRES_URL } from '../support/databases.ts';

/**
 * Production mode as an operator starts it: `onething start` with NODE_ENV set and every setting
 * in the environment, against the reference registry server and PostgreSQL. It starts without a
 * simulator, demo data or dev login, and asks the registries for the family; with settings missing
 * it names all of them and exits 78 without starting.
 */
const BIN = fileURLToPath(new URL('../../bin/onething.js', import.meta.url));
const KEY = (name: string) => `${name}-0123456789abcdef0123456789abcdef`;

/** The environment without the caller's own settings, so only what a test sets counts. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG'];
  return {
    ...Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k]])),
    ...extra,
  };
}

describe('which mode NODE_ENV selects', () => {
  it('is development only for unset, empty, development and test; anything else is production', () => {
    for (const v of [undefined, '', 'development', 'test']) expect(isProduction({ NODE_ENV: v })).toBe(false);
    for (const v of ['production', 'Production', ' production', 'prod', 'Development', 'staging'])
      expect(isProduction({ NODE_ENV: v })).toBe(true);
  });
});

describe('onething start in production mode', () => {
  it('refuses to start, naming every missing setting at once, in Chinese and English (NODE_ENV=" production")', () => {
    const run = spawnSync(process.execPath, [BIN, 'start', '--port', '0'], {
      cwd: mkdtempSync(join(tmpdir(), 'onething-prod-')),
      env: cleanEnv({ NODE_ENV: ' production', RECEIPT_KEY: 'dev-receipt-key', DATABASE_URL: 'file:./x' }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(78);
    expect(run.stdout).toBe('');
    const named = [...run.stderr.matchAll(/^ {2}([A-Z_*]+):/gm)].map((m) => m[1]);
    expect(new Set(named)).toEqual(
      new Set([
        'DATABASE_URL',
        'REGISTRY_URL',
        'REGISTRY_TOKEN',
        'RECEIPT_KEY',
        'SESSION_KEY',
        'EVENT_CHAIN_KEY',
        'PERSONAL_DATA_KEY',
        'PERSONAL_DATA_INDEX_KEY',
        'DEPARTMENT_MODES',
        'EMS_URL',
        'EMS_TOKEN',
        'EMS_NOTIFY_KEY',
        'SMS_URL',
        'SMS_TOKEN',
        'PAYMENTS_URL',
        'PAYMENTS_TOKEN',
        'PAYMENT_KEY',
        'OIDC_ISSUER',
        'OIDC_CLIENT_ID',
        'OIDC_REDIRECT_URI',
        'OIDC_CLIENT_SECRET',
        'PUBLIC_BASE_URL',
        'BLOB_DIR',
      ]),
    );
    expect(run.stderr).toContain('生产模式无法启动');
    expect(run.stderr).toContain(
      'DATABASE_URL: 生产模式须使用 PostgreSQL（postgres://…） / production needs PostgreSQL',
    );
    expect(run.stderr).toContain('RECEIPT_KEY: 至少 32 个字符的随机密钥，不能使用开发默认值');
    expect(run.stderr).toMatch(
      /DEPARTMENT_MODES: police（zibo、.*）须设为 workbench、gateway 或 push.* \/ police \(zibo, .*\) must be workbench, gateway or push/,
    );
  });

  it.skipIf(!POSTGRES_URL)(
    'starts against the reference registry server and PostgreSQL, with no simulator, demo data or dev login',
    async () => {
      const registries = await referenceServer({
        ...referenceData({ seed: 'prod', bornBy: new Date() }),
        token: 'registry-token',
      });
      const registryUrl = await registries.listen({ host: '127.0.0.1', port: 0 });
      const database = `onething_prod_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      await admin.query(`create database ${database}`);
      const databaseUrl = Object.assign(new URL(POSTGRES_URL!), { pathname: `/${database}` }).href;
      const sessionKey = KEY('session');
      const env = cleanEnv({
        NODE_ENV: 'Production',
        DATABASE_URL: databaseUrl,
        REGISTRY_URL: registryUrl,
        REGISTRY_TOKEN: 'registry-token',
        REGISTRY_TIMEOUT_MS: '2000',
        RECEIPT_KEY: KEY('receipt'),
        SESSION_KEY: sessionKey,
        EVENT_CHAIN_KEY: KEY('event-chain'),
        PERSONAL_DATA_KEY: KEY('personal-data'),
        PERSONAL_DATA_INDEX_KEY: KEY('personal-data-index'),
        DEPARTMENT_MODES:
          'midwifery-institution=workbench,police=workbench,hrss=workbench,health-commission=gateway,cdc=workbench,medical-security=gateway,tax=gateway,cross-province-platform=gateway',
        GATEWAY_KEY_HEALTH_COMMISSION: KEY('health-commission'),
        GATEWAY_KEY_MEDICAL_SECURITY: KEY('medical-security'),
        GATEWAY_KEY_TAX: KEY('tax'),
        GATEWAY_KEY_CROSS_PROVINCE_PLATFORM: KEY('cross-province'),
        EMS_URL: 'https://ems.example.invalid/api',
        EMS_TOKEN: 'ems-token',
        EMS_NOTIFY_KEY: KEY('ems'),
        SMS_URL: 'https://sms.example.invalid/api',
        SMS_TOKEN: 'sms-token',
        PAYMENTS_URL: 'https://pay.example.invalid/api',
        PAYMENTS_TOKEN: 'payments-token',
        PAYMENT_KEY: KEY('payment'),
        OIDC_ISSUER: 'https://login.example.invalid',
        OIDC_CLIENT_ID: 'onething',
        OIDC_CLIENT_SECRET: 'client-secret',
        OIDC_REDIRECT_URI: 'https://onething.example.invalid/api/auth/oidc/callback',
        PUBLIC_BASE_URL: 'https://onething.example.invalid',
        BLOB_DIR: mkdtempSync(join(tmpdir(), 'onething-prod-blobs-')),
      });
      const server = spawn(process.execPath, [BIN, 'start', '--port', '0'], {
        cwd: mkdtempSync(join(tmpdir(), 'onething-prod-')),
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      server.stdout.on('data', (d) => (output += d));
      server.stderr.on('data', (d) => (output += d));
      const exited = new Promise((resolve) => server.on('exit', resolve));
      try {
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no start-up line in: ${output}`)), 50_000);
          server.on('exit', () => reject(new Error(`exited: ${output}`)));
          server.stdout.on('data', () => {
            const m = /listening:\s+(http:\/\/\S+)/.exec(output);
            if (m) {
              clearTimeout(timer);
              resolve(m[1]!);
            }
          });
        });
        expect(output).toContain('production mode 生产模式');
        expect(output).not.toMatch(/Bearer dev|dev-key|simulated/);
        expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });

        // The family comes from the registry server; a session is the only way in.
        const mother = sampleSituation('fujian').mother;
        const session = sessionTokens(sessionKey, systemClock).issue(mother.idNumber);
        const me = await fetch(`${url}/api/citizen/me`, { headers: { authorization: `Bearer ${session}` } });
        expect(me.status).toBe(200);
        expect(JSON.stringify(await me.json())).toContain(mother.name);
        const dev = await fetch(`${url}/api/citizen/me`, {
          headers: { authorization: `Bearer dev:${mother.idNumber}` },
        });
        expect(dev.status).toBe(401);
        expect((await fetch(`${url}/api/dev/parents`)).status).toBe(404);
        expect(await (await fetch(`${url}/api/auth/config`)).json()).toMatchObject({ providers: ['oidc'] });

        // No demo data: the store has no organisation the server made up.
        const db = new pg.Client({ connectionString: databaseUrl });
        await db.connect();
        const orgs = await db.query<{ n: number }>('select count(*)::int as n from organisations');
        await db.end();
        expect(orgs.rows[0]!.n).toBe(0);

        // What the simulators say in development comes from outside: the health commission reports
        // the family's delivery record (the mother is invited once), the post reports tracking.
        const signedPost = (path: string, body: unknown, sender: string, header: string, key: string) => {
          const text = JSON.stringify(body);
          return fetch(`${url}${path}`, {
            method: 'POST',
            body: text,
            headers: {
              'content-type': 'application/json',
              ...signedHeaders({
                sender,
                key,
                method: 'POST',
                path,
                body: text,
                at: new Date(),
                senderHeader: header,
              }),
            },
          });
        };
        const records = () =>
          signedPost(
            '/api/gateway/delivery-records',
            { motherIdNumbers: [mother.idNumber] },
            'health-commission',
            'x-department',
            KEY('health-commission'),
          );
        expect(await (await records()).json()).toEqual({
          invited: 1,
          mothers: [{ motherIdNumber: mother.idNumber, invited: 1 }],
        });
        expect(await (await records()).json()).toMatchObject({ invited: 0 });
        const tracking = {
          parcelId: 'C1-birth-certificate-out',
          caseId: 'C1',
          item: 'birth-certificate',
          parcelStatus: 'delivered',
          occurredAt: new Date().toISOString(),
        };
        const unknown = await signedPost('/api/ems/tracking', tracking, 'ems', 'x-carrier', KEY('ems'));
        expect([
          unknown.status,
          ((await unknown.json()) as { error: { field: string } }).error.field,
        ]).toEqual([404, 'parcelId']);
        // The development key signs nothing here.
        const devKey = await signedPost('/api/ems/tracking', tracking, 'ems', 'x-carrier', 'dev-key-ems');
        expect(devKey.status).toBe(401);

        // The registry goes away: the parent is told so in both languages, and the server stays up.
        await registries.close();
        const down = await fetch(`${url}/api/citizen/me`, {
          headers: { authorization: `Bearer ${session}` },
        });
        expect(down.status).toBe(503);
        const body = (await down.json()) as { error: { code: string; message: { zh: string; en: string } } };
        expect(body.error.code).toBe('REGISTRY_UNAVAILABLE');
        expect(body.error.message.zh).toBe('共享数据平台（户籍信息）暂时无法查询，请稍后再试');
        expect(body.error.message.en).toContain('cannot be reached now');
        expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
      } finally {
        server.kill('SIGTERM');
        await exited;
        await registries.close();
        await admin.query(`drop database if exists ${database} with (force)`);
        await admin.end();
      }
    },
  );
});
