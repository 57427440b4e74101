import type { FastifyInstance } from 'fastify';
import { fakeClock } from '../../src/domain/clock.ts';
import type { DepartmentId } from '../../src/domain/ids.ts';
import { buildApp } from '../../src/http/app.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { oidcClient } from '../../src/http/oidc.ts';
import type { RateLimits } from '../../src/http/rate-limits.ts';
import { sessionTokens } from '../../src/http/sessions.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { demoOrganisations, demoStaff } from '../../src/registries/demo-organisations.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertOrganisations, upsertStaff } from '../../src/store/staff-store.ts';
import { freshDb } from './databases.ts';
import { testEngine } from './engine.ts';
import type { TestProvider } from './oidc-provider.ts';
import { TEST_RATE_LIMITS } from './rate-limits.ts';
import { signaturePng } from './signature-png.ts';

/**
 * The service the fuzz tests throw requests at: development mode on PGlite, one Fujian family in the
 * simulated registries, every department's gateway key and, when asked, a case already submitted
 * (so requests that name real ids reach the handlers) and a unified-identity login against a real
 * OpenID Provider on loopback (so its two routes are served, not absent).
 */
export const GATEWAY_KEYS: Partial<Record<DepartmentId, string>> = {
  'midwifery-institution': 'k-hospital',
  'health-commission': 'k-health',
  cdc: 'k-cdc',
  police: 'k-police',
  'medical-security': 'k-medical',
  tax: 'k-tax',
  hrss: 'k-hrss',
  'cross-province-platform': 'k-cross',
};
export const PAYMENT_KEYS = { 'payments-test': 'k-pay' };
export const CARRIER_KEYS = { ems: 'k-ems' };
const SESSION_KEY = 'fuzz-session-key';

export interface FuzzRig {
  app: FastifyInstance;
  db: Db;
  clock: ReturnType<typeof fakeClock>;
  family: ReturnType<typeof sampleSituation>;
  /** The mother's login, as the development identity provider takes it. */
  login: { authorization: string };
  engine: ReturnType<typeof testEngine>;
  /** The case submitted, when one was asked for: its id, and the signed application and its key. */
  submitted: { caseId: string; application: Record<string, unknown>; clientTxnId: string } | null;
  close(): Promise<void>;
}

/** The rig's family: Fujian's sample, the baby born two days before the rig's today. */
export function rigFamily() {
  const family = sampleSituation('fujian');
  family.baby.bornAt = '2026-11-14T08:00:00+08:00';
  return family;
}

export async function fuzzRig(
  o: {
    /** The family's application submitted (and Fujian's demo organisations and staff in place). */
    submitted?: boolean;
    /** A unified-identity login against a real OpenID Provider on loopback. */
    oidc?: boolean;
    rateLimits?: RateLimits;
  } = {},
): Promise<FuzzRig> {
  const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
  const family = rigFamily();
  const db = await freshDb('pglite');
  const shared = simulatedRegistries();
  shared.load(family);
  let n = 0;
  const engine = testEngine({ db, clock, shared, newCaseId: () => `F-${++n}` });
  let provider: TestProvider | null = null;
  let oidc = null;
  const sessions = sessionTokens(SESSION_KEY, clock);
  if (o.oidc) {
    // Loaded only here: the provider library is large, and only the OpenAPI fuzz logs in through it.
    const { startTestProvider } = await import('./oidc-provider.ts');
    provider = await startTestProvider();
    const redirectUri = 'http://127.0.0.1:8080/api/auth/oidc/callback';
    provider.configure([
      {
        client_id: 'onething',
        client_secret: 's3cret',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ]);
    oidc = {
      client: oidcClient({
        issuer: provider.issuer,
        clientId: 'onething',
        clientAuth: { method: 'client_secret_basic', secret: 's3cret' },
        redirectUri,
        idClaim: 'id_card_number',
        idClaimFrom: 'userinfo',
        allowLoopbackHttp: true,
      }),
      sessions,
      sessionKey: SESSION_KEY,
      redirectUri,
      secureCookie: false,
    };
  }
  const app = await buildApp({
    engine,
    clock,
    identity: identityProvider({ production: false, sessions, oidc: !!o.oidc }),
    gatewayKeys: GATEWAY_KEYS,
    dev: { registries: shared, payments: engine.cashier },
    paymentKeys: PAYMENT_KEYS,
    carrierKeys: CARRIER_KEYS,
    settings: { nameMaxLength: 20 },
    production: false,
    // Every fuzzed request comes from one address and a few logins: the rigs' limits (or higher),
    // so a 429 does not hide the answer.
    rateLimits: o.rateLimits ?? TEST_RATE_LIMITS,
    oidc,
  });
  const login = { authorization: `Bearer dev:${family.mother.idNumber}` };
  let submitted: FuzzRig['submitted'] = null;
  if (o.submitted) {
    const orgs = demoOrganisations('fujian');
    await upsertOrganisations(db, orgs);
    await upsertStaff(db, demoStaff(orgs));
    submitted = await submitThroughApi(app, login);
  }
  return {
    app,
    db,
    clock,
    family,
    login,
    engine,
    submitted,
    async close() {
      await app.close();
      await db.close();
      await provider?.close();
    },
  };
}

/**
 * The mother applies as the parents' app does: a pre-review, the materials it asks for, the
 * pre-review again for the form's digest, her signature over it, and the submission.
 */
async function submitThroughApi(app: FastifyInstance, login: { authorization: string }) {
  const family = rigFamily();
  const png = `data:image/png;base64,${signaturePng().toString('base64')}`;
  const post = async (url: string, payload: unknown) => {
    const r = await app.inject({ method: 'POST', url, headers: login, payload: payload as object });
    if (r.statusCode >= 300) throw new Error(`the rig's ${url} answered ${r.statusCode}: ${r.body}`);
    return r.json();
  };
  const base = {
    applicantRole: 'mother',
    motherIdNumber: family.mother.idNumber,
    baby: { surname: '李', givenName: '安然' },
    choices: { followParent: 'father' },
  };
  const draft = await post('/api/citizen/evaluate', { region: 'fujian', application: base });
  const uploads: Record<string, string> = {};
  for (const { field } of draft.missing as { field: string }[])
    if (field.startsWith('uploads.')) {
      const material = field.slice('uploads.'.length);
      uploads[material] = (await post('/api/citizen/uploads', { material, dataUrl: png })).uploadId;
    }
  const complete = { ...base, uploads };
  const preview = await post('/api/citizen/evaluate', { region: 'fujian', application: complete });
  const application = { ...complete, signature: { formDigest: preview.formDigest, imagePng: png } };
  const clientTxnId = 'fuzz-rig-0001';
  const r = await post('/api/citizen/cases', { region: 'fujian', clientTxnId, application });
  if (typeof r.caseId !== 'string')
    throw new Error(`the rig's application was refused: ${JSON.stringify(r)}`);
  return { caseId: r.caseId, application, clientTxnId };
}
