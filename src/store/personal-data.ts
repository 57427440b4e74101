import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data at rest (PIPL art. 51; MLPS 2.0 level 3, confidentiality of stored data): ID
 * numbers, names, phone numbers and addresses are sealed with AES-256-GCM before they reach a table,
 * and looked up through a keyed blind index (HMAC-SHA-256), so a copy of the database, a backup or a
 * dump holds none of them in clear. The keys live in the environment, never in the database.
 *
 * Sealing happens at one boundary (db.ts): every JSON document going into the store has its personal
 * fields (by name, below) sealed, and those fields, and columns named like them, are opened coming
 * out (a column holding one sealed value is read under such a name). Columns that look a
 * person up (`*_id_number`) hold the blind index instead of the number; the stores compute it.
 */

/** Field names whose string values are personal data, wherever they sit in a document. */
const PERSONAL_NAMES = new Set([
  'idNumber',
  'name',
  'surname',
  'givenName',
  'babyName',
  'motherName',
  'fatherName',
  'staffName',
  'phone',
  'mobile',
  'address',
  // A text's recipient: a mobile number.
  'to',
  // The baby's key begins with the mother's ID number.
  'babyKey',
]);
const PERSONAL_SUFFIX = /(IdNumber|Phone|Address)$/;

/** Whether a field, or a column (snake_case, `mother_id_number`), holds personal data. */
export function isPersonalField(field: string): boolean {
  // Asked for every key of every document written and read: the answers are kept (field names are few).
  let known = personalFields.get(field);
  if (known === undefined) {
    const name = field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    known = PERSONAL_NAMES.has(name) || PERSONAL_SUFFIX.test(name);
    if (personalFields.size < 10_000) personalFields.set(field, known);
  }
  return known;
}
const personalFields = new Map<string, boolean>();

/** `pd1.<key id>.<iv | ciphertext | tag, base64url>`: the key id says which key opens it. */
const SEALED = /^pd1\.([0-9a-f]{8})\.([A-Za-z0-9_-]+)$/;

export const DEV_PERSONAL_DATA_KEY = 'dev-personal-data-key-development-only-not-secret';
export const DEV_PERSONAL_DATA_INDEX_KEY = 'dev-personal-data-index-key-development-only-not-secret';

interface SealingKey {
  id: string;
  key: Buffer;
}

/** The deployment's personal-data keys: one seals, all open; the index key never rotates (see README). */
export interface PersonalData {
  seal(plain: string): string;
  open(value: string): string;
  /** A deterministic, keyed stand-in for a value, for equality lookups (`kind` keeps uses apart). */
  index(plain: string, kind?: string): string;
  /**
   * A document as JSON text with its personal fields sealed (by name, wherever they are: a personal
   * field's strings are sealed, in arrays too), in one pass with no copy of the tree. A value opened by
   * `openParsed` and written back unchanged at the same place keeps the ciphertext it was read with.
   * `omit` names keys of the document itself left out (parts stored elsewhere).
   */
  sealToJson(doc: unknown, omit?: readonly string[]): string;
  /** A document nobody else holds (just parsed from a row) with its personal fields opened where they lie. */
  openParsed<T>(doc: T): T;
  /** The id of the key new values are sealed with. */
  readonly currentKeyId: string;
}

function sealingKey(secret: string): SealingKey {
  return {
    id: createHmac('sha256', secret).update('onething personal data key id').digest('hex').slice(0, 8),
    key: Buffer.from(hkdfSync('sha256', secret, 'onething', 'personal data seal v1', 32)),
  };
}

export function personalData(current: string, previous: string[], indexSecret: string): PersonalData {
  const sealWith = sealingKey(current);
  const byId = new Map([sealWith, ...previous.map(sealingKey)].map((k) => [k.id, k.key]));
  const indexKey = Buffer.from(hkdfSync('sha256', indexSecret, 'onething', 'personal data index v1', 32));

  // IVs are cut from a block of random bytes drawn at once: one draw per value was a tenth of the
  // engine's CPU time. Each 12 bytes is used once.
  let ivs = Buffer.alloc(0);
  const nextIv = () => {
    if (ivs.length < 12) ivs = randomBytes(12 * 512);
    const iv = ivs.subarray(0, 12);
    ivs = ivs.subarray(12);
    return iv;
  };
  // A sealed value always opens to the same text, and the same values are opened on every command on
  // a case: the last ones opened are kept (only in this process's memory, where the plain text is anyway).
  const opened = new Map<string, string>();
  // A command reads a case's document, changes a few fields and writes it whole: the values it did not
  // change keep the ciphertext they were read with instead of being sealed again (sealing anew was a
  // tenth of the engine's time). Kept by the object and key a value was opened at, so a ciphertext is
  // written again only where the same object is written again, and only if it is under the current key
  // (a re-seal after a key change seals everything anew).
  const sealedAt = new WeakMap<object, Map<string, { plain: string; sealed: string }>>();
  const currentPrefix = `pd1.${sealWith.id}.`;
  const keep = (holder: object, key: string, plain: string, sealed: string) => {
    if (plain === sealed || !sealed.startsWith(currentPrefix)) return;
    let kept = sealedAt.get(holder);
    if (!kept) sealedAt.set(holder, (kept = new Map()));
    kept.set(key, { plain, sealed });
  };

  // Always sealed, even text that already looks sealed: a name typed as `pd1.…` must not pass as one.
  const seal = (plain: string): string => {
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', sealWith.key, iv);
    const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `pd1.${sealWith.id}.${body.toString('base64url')}`;
  };
  const open = (value: string): string => {
    const known = opened.get(value);
    if (known !== undefined) return known;
    const plain = openAnew(value);
    if (opened.size >= 50_000) opened.clear();
    if (plain !== value) opened.set(value, plain);
    return plain;
  };
  const openAnew = (value: string): string => {
    const m = SEALED.exec(value);
    if (!m) return value;
    const key = byId.get(m[1]!);
    // A value sealed with a key this deployment no longer has: unreadable, and said so loudly.
    if (!key) throw new Error(`personal data sealed with key ${m[1]}, which is not configured`);
    const body = Buffer.from(m[2]!, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, 12));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]).toString(
      'utf8',
    );
  };
  const sealStrings = (list: unknown[]): unknown[] =>
    list.map((x) =>
      typeof x === 'string' ? (x === '' ? x : seal(x)) : Array.isArray(x) ? sealStrings(x) : x,
    );
  const openInPlace = (doc: unknown, personal: boolean): unknown => {
    if (typeof doc === 'string') return personal ? open(doc) : doc;
    if (Array.isArray(doc)) {
      for (let i = 0; i < doc.length; i++) doc[i] = openInPlace(doc[i], personal);
    } else if (
      doc !== null &&
      typeof doc === 'object' &&
      !(doc instanceof Date) &&
      !ArrayBuffer.isView(doc)
    ) {
      const o = doc as Record<string, unknown>;
      for (const k in o) {
        const v = o[k];
        if (typeof v === 'string') {
          if (!isPersonalField(k)) continue;
          const plain = open(v);
          keep(o, k, plain, v);
          o[k] = plain;
        } else if (v !== null && typeof v === 'object') o[k] = openInPlace(v, isPersonalField(k));
      }
    }
    return doc;
  };
  return {
    seal,
    open,
    index: (plain, kind = 'id') =>
      createHmac('sha256', indexKey).update(`${kind}\u0000${plain}`).digest('base64url').slice(0, 32),
    // A replacer sees each key with its value (after toJSON); array elements come with their index as
    // key, so a personal array's strings are sealed with the array.
    sealToJson: (doc, omit) =>
      JSON.stringify(doc, function (this: object, key: string, value: unknown) {
        if (this === doc && omit?.includes(key)) return undefined;
        if (key === '' || !isPersonalField(key)) return value;
        if (typeof value === 'string') {
          if (value === '') return value;
          const kept = sealedAt.get(this)?.get(key);
          return kept?.plain === value ? kept.sealed : seal(value);
        }
        return Array.isArray(value) ? sealStrings(value) : value;
      }),
    // Only where sealing puts values: free text that happens to look sealed is left as typed.
    openParsed: <T>(doc: T) => openInPlace(doc, false) as T,
    currentKeyId: sealWith.id,
  };
}

/**
 * PERSONAL_DATA_KEY (seals new values), PERSONAL_DATA_PREVIOUS_KEYS (comma-separated retired keys,
 * still opening what they sealed until `onething personal-data reseal` has run) and
 * PERSONAL_DATA_INDEX_KEY (the blind index). Development falls back to the readable DEV_ keys;
 * production's start-up check (production.ts) requires real ones.
 */
export function personalDataFromEnv(env: NodeJS.ProcessEnv): PersonalData {
  const previous = (env.PERSONAL_DATA_PREVIOUS_KEYS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return personalData(
    env.PERSONAL_DATA_KEY?.trim() || DEV_PERSONAL_DATA_KEY,
    previous,
    env.PERSONAL_DATA_INDEX_KEY?.trim() || DEV_PERSONAL_DATA_INDEX_KEY,
  );
}

export const DEV_PERSONAL_DATA: PersonalData = personalData(
  DEV_PERSONAL_DATA_KEY,
  [],
  DEV_PERSONAL_DATA_INDEX_KEY,
);
