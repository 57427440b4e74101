import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { AppError } from '../domain/error.ts';
import { ApiError } from '../contract/common.ts';

/**
 * Rate limits on what is worth abusing: logging in, the pre-review (it asks the registries), uploads
 * and the public receipt check. Each is counted per client address and, where a login is given, per
 * person as well, so neither many addresses nor many people behind one address get round it. A
 * refusal is a 429 in the one error shape, with Retry-After. Counters live in each server's memory:
 * behind a load balancer with n servers, a client may get up to n times the limit.
 */
export interface RateLimits {
  /** The window the counts are over, in ms (default a minute). */
  windowMs: number;
  login: { perIp: number };
  evaluate: { perIp: number; perUser: number };
  uploads: { perIp: number; perUser: number };
  receipt: { perIp: number };
}

/**
 * Per minute. Per address generously (a hospital's or a carrier's NAT puts many parents behind one);
 * per person by what one parent filling in one application does.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  windowMs: 60_000,
  login: { perIp: 30 },
  evaluate: { perIp: 300, perUser: 60 },
  uploads: { perIp: 120, perUser: 30 },
  receipt: { perIp: 60 },
};

type Group = Exclude<keyof RateLimits, 'windowMs'>;

/** Which operations each limit covers, by operationId. */
const GROUPS: Record<string, Group> = {
  startOidcLogin: 'login',
  finishOidcLogin: 'login',
  // The development login: the picker's lists of demo parents and staff.
  listDemoParents: 'login',
  listDemoStaff: 'login',
  evaluateApplication: 'evaluate',
  getDraftFormPdf: 'evaluate',
  inviteOtherParent: 'evaluate',
  uploadMaterial: 'uploads',
  uploadMaterialFile: 'uploads',
  verifyFace: 'uploads',
  verifyReceipt: 'receipt',
};

/** The uploads the per-applicant quota counts (a face photo is checked, not kept as a material). */
const QUOTA_OPERATIONS = new Set(['uploadMaterial', 'uploadMaterialFile']);

/** RATE_LIMIT_WINDOW_MS and RATE_LIMIT_<GROUP>_PER_IP / _PER_USER, e.g. RATE_LIMIT_EVALUATE_PER_USER=60. */
export function rateLimitsFromEnv(env: Record<string, string | undefined>): RateLimits {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`${name} must be a whole number, at least 1 (got ${raw})`);
    return n;
  };
  const d = DEFAULT_RATE_LIMITS;
  return {
    windowMs: read('RATE_LIMIT_WINDOW_MS', d.windowMs),
    login: { perIp: read('RATE_LIMIT_LOGIN_PER_IP', d.login.perIp) },
    evaluate: {
      perIp: read('RATE_LIMIT_EVALUATE_PER_IP', d.evaluate.perIp),
      perUser: read('RATE_LIMIT_EVALUATE_PER_USER', d.evaluate.perUser),
    },
    uploads: {
      perIp: read('RATE_LIMIT_UPLOADS_PER_IP', d.uploads.perIp),
      perUser: read('RATE_LIMIT_UPLOADS_PER_USER', d.uploads.perUser),
    },
    receipt: { perIp: read('RATE_LIMIT_RECEIPT_PER_IP', d.receipt.perIp) },
  };
}

/**
 * TRUST_PROXY: the addresses of the reverse proxies in front (a comma list of IPs or CIDRs, e.g.
 * `10.0.0.0/8,127.0.0.1`), whose X-Forwarded-For names the client. Unset: the peer's address, which
 * behind a proxy is the proxy's, putting every client under one limit. (A hop count is not taken:
 * it cannot tell a proxy from a client that sends the header itself.)
 */
export function trustProxyFromEnv(env: Record<string, string | undefined>): string[] | undefined {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw) return undefined;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function tooManyRequests(seconds: number): AppError {
  return new AppError(
    'TOO_MANY_REQUESTS',
    {
      zh: `请求过于频繁，请 ${seconds} 秒后再试`,
      en: `too many requests; try again in ${seconds} s`,
    },
    { retryAfterSeconds: seconds },
  );
}

type Limiter = (req: FastifyRequest) => Promise<{
  isAllowed: boolean;
  isExceeded?: boolean;
  ttlInSeconds?: number;
}>;

declare module 'fastify' {
  interface FastifyInstance {
    createRateLimit(options: {
      max: number;
      timeWindow: number;
      keyGenerator: (req: FastifyRequest) => string | Promise<string>;
      cache?: number;
    }): Limiter;
  }
}

/**
 * Installs the limits on the operations they cover (before the routes are registered). `subject`
 * names who is logged in, from the request's login, or null: the per-person count is skipped for
 * a request without a valid login (the route refuses it anyway; the per-address count still holds).
 */
export async function installRateLimits(
  app: FastifyInstance,
  limits: RateLimits,
  subject: (req: FastifyRequest) => Promise<string | null>,
  /** Before an upload's body is read: the applicant's upload quota (uploadMaterial, uploadMaterialFile). */
  beforeUpload?: (req: FastifyRequest) => Promise<void>,
): Promise<void> {
  await app.register(rateLimit, { global: false });
  const limiter = (group: Group, by: 'ip' | 'user', max: number) =>
    app.createRateLimit({
      max,
      timeWindow: limits.windowMs,
      cache: 50_000,
      keyGenerator: async (req) =>
        by === 'ip' ? `${group}:ip:${req.ip}` : `${group}:user:${(await subjectKey(req, subject))!}`,
    });
  const hooks = new Map<Group, onRequestHookHandler>();
  for (const group of ['login', 'evaluate', 'uploads', 'receipt'] as const) {
    const l = limits[group];
    const perIp = limiter(group, 'ip', l.perIp);
    const perUser = 'perUser' in l ? limiter(group, 'user', l.perUser) : null;
    hooks.set(group, async (req: FastifyRequest, reply: FastifyReply) => {
      const checks = [perIp];
      if (perUser && (await subjectKey(req, subject))) checks.push(perUser);
      for (const check of checks) {
        const r = await check(req);
        if (!r.isAllowed && r.isExceeded) {
          const seconds = Math.max(1, r.ttlInSeconds ?? 1);
          void reply.header('retry-after', String(seconds));
          throw tooManyRequests(seconds);
        }
      }
    });
  }
  app.addHook('onRoute', (route) => {
    const id = (route.schema as { operationId?: string } | undefined)?.operationId;
    const group = id ? GROUPS[id] : undefined;
    if (!group) return;
    const existing = route.onRequest ? [route.onRequest].flat() : [];
    route.onRequest = [hooks.get(group)!, ...existing];
    if (beforeUpload && QUOTA_OPERATIONS.has(id!)) {
      route.onRequest.push(async (req: FastifyRequest) => beforeUpload(req));
    }
    const response = (route.schema as { response?: Record<string, unknown> }).response;
    route.schema = { ...route.schema, response: { ...response, 429: ApiError } };
  });
}

const SUBJECT = Symbol('rate-limit subject');
/** Who is logged in, hashed (the counters never hold an ID number), once per request. */
async function subjectKey(
  req: FastifyRequest,
  subject: (req: FastifyRequest) => Promise<string | null>,
): Promise<string | null> {
  const r = req as FastifyRequest & { [SUBJECT]?: Promise<string | null> };
  r[SUBJECT] ??= subject(req).then((s) =>
    s === null ? null : createHash('sha256').update(s).digest('hex').slice(0, 32),
  );
  return r[SUBJECT];
}
