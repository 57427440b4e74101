import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPersonalField, personalData, personalDataFromEnv } from '../../src/store/personal-data.ts';

const keys = (current: string, previous: string[] = []) => personalData(current, previous, 'index-key-one');

describe('personal data at rest', () => {
  it('opens what it sealed, for any text, and never seals the same text the same way twice', () => {
    const pd = keys('key-one');
    fc.assert(
      fc.property(fc.string(), (text) => {
        const sealed = pd.seal(text);
        expect(sealed).toMatch(/^pd1\.[0-9a-f]{8}\./);
        expect(pd.open(sealed)).toBe(text);
        expect(pd.seal(text)).not.toBe(sealed);
      }),
    );
  });

  it('refuses a sealed value that was altered, and one sealed with a key it does not hold', () => {
    const pd = keys('key-one');
    const sealed = pd.seal('110105194912310029');
    const body = sealed.split('.')[2]!;
    const flipped = `${sealed.slice(0, -body.length)}${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(() => pd.open(flipped)).toThrow();
    expect(() => keys('key-two').open(sealed)).toThrow(/not configured/);
  });

  it('after rotation, seals with the new key and still opens what the retired key sealed', () => {
    const before = keys('key-one').seal('13900001111');
    const rotated = keys('key-two', ['key-one']);
    expect(rotated.open(before)).toBe('13900001111');
    expect(rotated.seal('x').split('.')[1]).toBe(rotated.currentKeyId);
    expect(rotated.currentKeyId).not.toBe(keys('key-one').currentKeyId);
  });

  it('seals the personal fields of a document by name, wherever they are, and leaves the rest', () => {
    const pd = keys('key-one');
    const doc = {
      region: 'anhui',
      motherIdNumber: '110105194912310029',
      form: {
        mother: { name: '王芳', idNumber: '110105194912310029', phone: '13900001111' },
        county: '340104',
      },
      contact: { mailingAddress: '合肥市蜀山区…' },
      items: [{ outputs: { citizenIdNumber: '340104202603020011' }, status: 'done' }],
      organisation: { name: { zh: '某医院', en: 'A hospital' } },
      empty: { name: '' },
    };
    const text = pd.sealToJson(doc);
    const sealed = JSON.parse(text) as typeof doc;
    for (const secret of ['110105194912310029', '王芳', '13900001111', '合肥市蜀山区', '340104202603020011'])
      expect(text).not.toContain(secret);
    expect(sealed.region).toBe('anhui');
    expect(sealed.form.county).toBe('340104');
    expect(sealed.items[0]!.status).toBe('done');
    // A bilingual label under `name` is an organisation's, not a person's: its parts are not names.
    expect(sealed.organisation.name).toEqual({ zh: '某医院', en: 'A hospital' });
    expect(pd.openParsed(sealed)).toEqual(doc);
  });

  it('seals any document exactly where its fields are personal, and opens it back in place', () => {
    const pd = keys('key-one');
    // Keys mixing the personal names with others, values of every JSON kind, nested anyhow.
    const key = fc.constantFrom(
      'name',
      'phone',
      'motherIdNumber',
      'mailingAddress',
      'to',
      'status',
      'zh',
      'note',
      '0',
    );
    const doc = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    const isSealed = (v: unknown) => typeof v === 'string' && /^pd1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/.test(v);
    // The rule, said directly: under a personal field every non-empty string is sealed, in arrays too, and
    // an object there starts afresh with its own fields; nothing else is touched.
    const check = (plain: unknown, sealed: unknown, personal: boolean): void => {
      if (typeof plain === 'string') {
        if (personal && plain !== '') expect(isSealed(sealed)).toBe(true);
        else expect(sealed).toBe(plain);
      } else if (Array.isArray(plain)) {
        plain.forEach((p, i) => check(p, (sealed as unknown[])[i], personal));
      } else if (plain !== null && typeof plain === 'object') {
        for (const [k, v] of Object.entries(plain))
          check(v, (sealed as Record<string, unknown>)[k], isPersonalField(k));
      } else expect(sealed).toBe(plain);
    };
    fc.assert(
      fc.property(fc.dictionary(key, doc, { maxKeys: 4 }), (d) => {
        const sealed = JSON.parse(pd.sealToJson(d)) as unknown;
        check(d, sealed, false);
        expect(pd.openParsed(sealed)).toEqual(JSON.parse(JSON.stringify(d)));
      }),
    );
  });

  it('takes nothing typed for sealed: free text that looks sealed stays as typed, a name that does is sealed', () => {
    const pd = keys('key-one');
    const lookalike = `pd1.${pd.currentKeyId}.${'A'.repeat(40)}`;
    const doc = { comment: lookalike, mother: { name: lookalike } };
    const sealed = JSON.parse(pd.sealToJson(doc)) as typeof doc;
    expect(sealed.comment).toBe(lookalike);
    expect(sealed.mother.name).not.toBe(lookalike);
    expect(pd.openParsed(sealed)).toEqual(doc);
  });

  it('writes a document read back with the ciphertexts of the values left as they were, and seals the rest anew', () => {
    const pd = keys('key-one');
    const written = pd.sealToJson({
      mother: { name: '王芳', phone: '13900001111' },
      father: { name: '王芳' },
      items: { hukou: { status: 'sent' } },
    });
    const before = JSON.parse(written) as {
      mother: { name: string; phone: string };
      father: { name: string };
    };
    const read = pd.openParsed(JSON.parse(written) as typeof before & { items: object });
    // A command changes what it changes and keeps the rest by reference, as applyEvent does.
    const changed = {
      ...read,
      mother: { ...read.mother, phone: '13900002222' },
      items: { hukou: { status: 'done' } },
    };
    const after = JSON.parse(pd.sealToJson(changed)) as typeof before;
    expect(after.father.name).toBe(before.father.name);
    // The mother's object is new (a copy with a changed phone): both of its values are sealed again.
    expect(after.mother.name).not.toBe(before.mother.name);
    expect(after.mother.phone).not.toBe(before.mother.phone);
    expect(pd.openParsed(after)).toEqual(changed);
    // A value changed in place is sealed again, never written with the ciphertext of what it was.
    read.father.name = '李强';
    const again = JSON.parse(pd.sealToJson(read)) as typeof before;
    expect(again.father.name).not.toBe(before.father.name);
    expect(pd.open(again.father.name)).toBe('李强');
    // An equal value in another object gets a ciphertext of its own, beside the one kept.
    const kept = pd.openParsed(JSON.parse(written) as typeof before);
    const beside = JSON.parse(pd.sealToJson({ father: kept.father, copy: { name: kept.father.name } })) as {
      father: { name: string };
      copy: { name: string };
    };
    expect(beside.father.name).toBe(before.father.name);
    expect(beside.copy.name).not.toBe(before.father.name);
    expect(pd.open(beside.copy.name)).toBe('王芳');
  });

  it('after a key change, writes a document read under the old key sealed under the new one', () => {
    const written = keys('key-one').sealToJson({ mother: { name: '王芳' } });
    const rotated = keys('key-two', ['key-one']);
    const read = rotated.openParsed(JSON.parse(written) as { mother: { name: string } });
    const resealed = JSON.parse(rotated.sealToJson(read)) as { mother: { name: string } };
    expect(resealed.mother.name.split('.')[1]).toBe(rotated.currentKeyId);
    expect(rotated.open(resealed.mother.name)).toBe('王芳');
  });

  it('leaves out the parts of a document stored apart, at its top only, keeping what it left as it was read', () => {
    const pd = keys('key-one');
    const read = pd.openParsed(
      JSON.parse(
        pd.sealToJson({
          motherIdNumber: '110105194912310029',
          form: { mother: { name: '王芳' } },
          items: { card: { items: ['kept'] } },
          terms: { form: 'kept' },
        }),
      ) as { motherIdNumber: string; form: object; items: object; terms: object },
    );
    const core = JSON.parse(pd.sealToJson(read, ['form', 'items'])) as Record<string, unknown>;
    expect(Object.keys(core).sort()).toEqual(['motherIdNumber', 'terms']);
    expect(core.terms).toEqual({ form: 'kept' });
    expect(JSON.stringify(core)).not.toContain('110105194912310029');
    // Left out, the rest is written as it would be whole: an unchanged number keeps its ciphertext.
    expect(core.motherIdNumber).toBe((JSON.parse(pd.sealToJson(read)) as typeof core).motherIdNumber);
    expect(JSON.parse(pd.sealToJson(read.items)) as object).toEqual({ card: { items: ['kept'] } });
  });

  it('indexes the same value the same way, keeps kinds apart, and depends on the index key', () => {
    const pd = keys('key-one');
    expect(pd.index('110105194912310029')).toBe(keys('key-two').index('110105194912310029'));
    expect(pd.index('110105194912310029')).not.toBe(pd.index('110105194912310029', 'baby'));
    expect(pd.index('110105194912310029')).not.toBe(
      personalData('key-one', [], 'index-key-two').index('110105194912310029'),
    );
    expect(pd.index('110105194912310029')).not.toContain('1101051949');
  });

  it('takes its keys from the environment', () => {
    const pd = personalDataFromEnv({
      PERSONAL_DATA_KEY: 'key-two',
      PERSONAL_DATA_PREVIOUS_KEYS: ' key-one , ',
      PERSONAL_DATA_INDEX_KEY: 'index-key-one',
    });
    expect(pd.open(keys('key-one').seal('a'))).toBe('a');
    expect(pd.currentKeyId).toBe(keys('key-two').currentKeyId);
    expect(pd.index('a')).toBe(keys('key-one').index('a'));
  });
});
