import { DepartmentId, RegionId } from './domain/ids.ts';
import { departmentModes } from './domain/organisation.ts';
import type { Bilingual } from './domain/text.ts';
import { POLICIES } from './policies/index.ts';

/**
 * Production mode: no simulator, no demo data, no dev logins; PostgreSQL; the shared-data
 * registries over HTTP (registries/http-registries.ts); every department answered by its clerks
 * (workbench) or its own system (gateway, push); every secret from the environment. The start-up
 * check names every missing or unusable setting at once, in Chinese and English, and the server
 * does not start.
 *
 * Which mode: development only when NODE_ENV is exactly unset, empty, `development` or `test`.
 * Anything else (`production`, `Production`, ` production`, `prod`, `staging`…) is production: a
 * mistyped value must never quietly open the dev logins, so it meets the start-up check instead.
 */
export const DEVELOPMENT_NODE_ENVS: readonly string[] = ['', 'development', 'test'];

export function isProduction(env: NodeJS.ProcessEnv): boolean {
  return env.NODE_ENV !== undefined && !DEVELOPMENT_NODE_ENVS.includes(env.NODE_ENV);
}

export interface ProductionSettings {
  databaseUrl: string;
  /** BLOB_DIR: where uploaded files are kept (an absolute path on durable, backed-up storage). */
  blobDir: string;
  registries: { baseUrl: string; token: string; timeoutMs?: number };
  receiptKey: string;
  sessionKey: string;
  /** EVENT_CHAIN_KEY: the HMAC key of the event chain and its checkpoints (store/event-chain.ts). */
  eventChainKey: string;
  /** PERSONAL_DATA_KEY and PERSONAL_DATA_INDEX_KEY: ID numbers, names, phones and addresses at rest (store/personal-data.ts). */
  personalDataKey: string;
  personalDataIndexKey: string;
  /** DEPARTMENT_MODES, every department of every region named, none simulated. */
  departmentModes: string;
  /** The HMAC keys of departments in gateway or push mode (GATEWAY_KEY_<DEPARTMENT>). */
  gatewayKeys: Partial<Record<DepartmentId, string>>;
  /** The post's API, and the key it signs its tracking reports with (EMS_NOTIFY_KEY). */
  ems: { baseUrl: string; token: string; notifyKey: string };
  /** The SMS gateway texts to families and staff go through. */
  sms: { baseUrl: string; token: string };
  payments: { baseUrl: string; token: string; provider: string; notifyKey: string };
}

export interface MissingSetting {
  name: string;
  message: Bilingual;
}

export class ProductionSettingsError extends Error {
  constructor(readonly missing: MissingSetting[]) {
    super(
      [
        `生产模式无法启动，以下 ${missing.length} 项设置缺失或不可用 / production mode cannot start: ${missing.length} setting(s) missing or unusable:`,
        ...missing.map((m) => `  ${m.name}: ${m.message.zh} / ${m.message.en}`),
        `See README “生产部署 / Production”.`,
      ].join('\n'),
    );
    this.name = 'ProductionSettingsError';
  }
}

/** Secrets this service signs with: long enough not to be guessed, never a development default. */
const MIN_KEY_LENGTH = 32;

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** `GATEWAY_KEY_MEDICAL_SECURITY` for medical-security. */
export const gatewayKeyName = (d: DepartmentId) => `GATEWAY_KEY_${d.toUpperCase().replaceAll('-', '_')}`;

/** The departments a region's policy hands items to (and its cross-province platform, if any). */
function departmentsOf(region: RegionId): DepartmentId[] {
  const p = POLICIES[region];
  const ids = new Set<DepartmentId>(p.items.map((i) => i.department));
  if (p.crossProvince) ids.add('cross-province-platform');
  return [...ids];
}

/** Reads and checks every production setting; throws ProductionSettingsError naming all that fail. */
export function productionSettings(env: NodeJS.ProcessEnv): ProductionSettings {
  const missing: MissingSetting[] = [];
  const miss = (name: string, zh: string, en: string) => missing.push({ name, message: { zh, en } });
  const text = (name: string, zh: string, en: string) => {
    const v = env[name]?.trim();
    if (!v) miss(name, `未设置（${zh}）`, `not set (${en})`);
    return v ?? '';
  };
  const secret = (name: string, zh: string, en: string) => {
    const v = text(name, zh, en);
    if (v && (v.length < MIN_KEY_LENGTH || v.startsWith('dev-')))
      miss(
        name,
        `至少 ${MIN_KEY_LENGTH} 个字符的随机密钥，不能使用开发默认值`,
        `must be a random key of at least ${MIN_KEY_LENGTH} characters, not a development default`,
      );
    return v;
  };
  const address = (name: string, zh: string, en: string) => {
    const v = text(name, zh, en);
    if (!v) return v;
    let url: URL | null = null;
    try {
      url = new URL(v);
    } catch {
      /* said below */
    }
    if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname))))
      miss(
        name,
        '应为 https 地址（仅本机回环地址可用 http）',
        'must be an https address (plain http only on loopback)',
      );
    return v;
  };

  const databaseUrl = text('DATABASE_URL', 'PostgreSQL 连接串', 'the PostgreSQL connection string');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    miss(
      'DATABASE_URL',
      '生产模式须使用 PostgreSQL（postgres://…）',
      'production needs PostgreSQL (postgres://…)',
    );
  const registries = {
    baseUrl: address('REGISTRY_URL', '共享数据平台地址', "the data-sharing platform's address"),
    token: text('REGISTRY_TOKEN', '共享数据平台令牌', "the data-sharing platform's bearer token"),
    ...(env.REGISTRY_TIMEOUT_MS ? { timeoutMs: Number(env.REGISTRY_TIMEOUT_MS) } : {}),
  };
  if (
    registries.timeoutMs !== undefined &&
    !(Number.isInteger(registries.timeoutMs) && registries.timeoutMs > 0)
  )
    miss('REGISTRY_TIMEOUT_MS', '应为正整数（毫秒）', 'must be a whole number of milliseconds');
  const receiptKey = secret('RECEIPT_KEY', '回执签名密钥', 'the key receipts are signed with');
  const sessionKey = secret('SESSION_KEY', '登录会话签名密钥', 'the key login sessions are signed with');
  // Kept outside the database: write access to the store alone cannot forge the event history.
  const eventChainKey = secret(
    'EVENT_CHAIN_KEY',
    '办件事件链与检查点的签名密钥',
    'the key the case event chain and its checkpoints are signed with',
  );
  // Outside the database too: a copy of the store alone opens no one's ID number.
  const personalDataKey = secret(
    'PERSONAL_DATA_KEY',
    '个人信息加密密钥（身份证号、姓名、电话、地址）',
    'the key ID numbers, names, phones and addresses are encrypted with',
  );
  const personalDataIndexKey = secret(
    'PERSONAL_DATA_INDEX_KEY',
    '个人信息检索索引密钥',
    'the key of the blind index people are looked up by',
  );

  let modes = env.DEPARTMENT_MODES ?? '';
  const gatewayKeys: Partial<Record<DepartmentId, string>> = {};
  try {
    const modeOf = departmentModes(modes);
    const simulated = new Map<DepartmentId, RegionId[]>();
    const keyed = new Set<DepartmentId>();
    for (const region of RegionId.options)
      for (const department of departmentsOf(region)) {
        const mode: string = modeOf(region, department);
        if (mode === 'simulator') simulated.set(department, [...(simulated.get(department) ?? []), region]);
        if (mode === 'gateway' || mode === 'push') keyed.add(department);
      }
    for (const [department, regions] of simulated)
      miss(
        'DEPARTMENT_MODES',
        `${department}（${regions.join('、')}）须设为 workbench、gateway 或 push，生产模式不用模拟器`,
        `${department} (${regions.join(', ')}) must be workbench, gateway or push: production runs no simulator`,
      );
    for (const department of keyed) {
      const name = gatewayKeyName(department);
      gatewayKeys[department] = secret(
        name,
        `${department} 的网关签名密钥`,
        `${department}'s gateway signing key`,
      );
    }
  } catch (e) {
    miss('DEPARTMENT_MODES', (e as { messages?: Bilingual }).messages?.zh ?? '无效', (e as Error).message);
    modes = '';
  }

  const ems = {
    baseUrl: address('EMS_URL', '邮政速递接口地址', "the EMS API's address"),
    token: text('EMS_TOKEN', '邮政速递接口令牌', "the EMS API's bearer token"),
    notifyKey: secret(
      'EMS_NOTIFY_KEY',
      '邮政速递投递轨迹回传的签名密钥',
      'the key the post signs its tracking reports with',
    ),
  };
  const sms = {
    baseUrl: address('SMS_URL', '短信网关接口地址', "the SMS gateway's address"),
    token: text('SMS_TOKEN', '短信网关接口令牌', "the SMS gateway's bearer token"),
  };
  const payments = {
    baseUrl: address('PAYMENTS_URL', '缴费渠道接口地址', "the payment provider's address"),
    token: text('PAYMENTS_TOKEN', '缴费渠道接口令牌', "the payment provider's bearer token"),
    provider: env.PAYMENT_PROVIDER?.trim() || 'payments',
    notifyKey: secret(
      'PAYMENT_KEY',
      '缴费通知签名密钥',
      'the key the provider signs its payment notices with',
    ),
  };

  // The unified identity is the only login in production. The OIDC settings' own reading
  // (http/oidc.ts) checks their values; here, that each is there.
  address(
    'OIDC_ISSUER',
    '统一身份认证地址（生产模式唯一的登录方式）',
    'the unified identity, the only login in production',
  );
  text(
    'OIDC_CLIENT_ID',
    '统一身份认证分配的客户端标识',
    'the client id the unified identity gave this service',
  );
  address('OIDC_REDIRECT_URI', '登录回调地址', 'the login callback address');
  if (env.OIDC_CLIENT_AUTH_METHOD === 'private_key_jwt')
    text('OIDC_CLIENT_PRIVATE_KEY', '客户端签名私钥（PEM）', "the client's signing key (PEM)");
  else text('OIDC_CLIENT_SECRET', '客户端密钥', 'the client secret');
  const publicBase = address('PUBLIC_BASE_URL', '本服务的公网地址', "this service's public address");
  if (publicBase && !publicBase.startsWith('https:'))
    miss('PUBLIC_BASE_URL', '应为 https 地址', 'must be an https address');

  // Uploads live outside the database (src/blobs): a directory the operator chose and backs up.
  const blobDir = text('BLOB_DIR', '上传文件的存放目录', 'the directory uploaded files are kept in');
  if (blobDir && !blobDir.startsWith('/')) miss('BLOB_DIR', '应为绝对路径', 'must be an absolute path');

  if (missing.length) throw new ProductionSettingsError(missing);
  return {
    databaseUrl,
    blobDir,
    registries,
    receiptKey,
    sessionKey,
    eventChainKey,
    personalDataKey,
    personalDataIndexKey,
    departmentModes: modes,
    gatewayKeys,
    ems,
    sms,
    payments,
  };
}

/** What `onething start` prints in production: where it listens and what it talks to, no secret. */
export function describeProductionStart(address: string, env: NodeJS.ProcessEnv): string {
  return [
    `新生儿出生“一件事” is running in production mode 生产模式 · store: PostgreSQL (DATABASE_URL)`,
    `  listening:     ${address}   (public address ${env.PUBLIC_BASE_URL})`,
    `  shared data:   ${env.REGISTRY_URL} (contract docs/registries.openapi.json)`,
    `  departments:   DEPARTMENT_MODES=${env.DEPARTMENT_MODES}`,
    `  uploads:       ${env.BLOB_DIR} (BLOB_DIR, content-addressed files)`,
    `  texts:         ${env.SMS_URL} (SMS gateway)`,
    `  login:         unified identity ${env.OIDC_ISSUER}; no development logins, no simulators, no demo data`,
    `  health:        ${address}/healthz · metrics: ${address}/metrics`,
  ].join('\n');
}
