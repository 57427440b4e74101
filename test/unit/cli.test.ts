import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import { fieldLabel } from '../../src/domain/labels.ts';
import { describe, expect, it } from 'vitest';
import { sampleFacts, SAMPLE_SUBMITTED_AT } from '../../src/policy/sample-facts.ts';

// Ajv is CommonJS; under NodeNext its class is the default export's `default`.
const Ajv2020 = Ajv2020Module.default;

const BIN = fileURLToPath(new URL('../../bin/onething.js', import.meta.url));

function onething(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each call starts a Node process with tsx (about a second), hence the generous timeout.
describe('onething CLI', { timeout: 60_000 }, () => {
  it('lists the five regions', () => {
    const r = onething(['regions']);
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual(['zibo', 'gansu-lanzhou', 'sichuan-tongchuan', 'fujian', 'anhui']);
  });

  it('evaluates facts from standard input and prints the result as JSON', () => {
    const r = onething(
      ['evaluate', '--region', 'anhui', '--input', '-', '--at', SAMPLE_SUBMITTED_AT],
      JSON.stringify(sampleFacts('anhui')),
    );
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({
      region: 'anhui',
      eligible: true,
      evaluatedAt: '2026-11-20T02:00:00.000Z',
    });
    expect(result.plan[0].id).toBe('birth-certificate');
  });

  it('a refusal comes out with its clause and remedy', () => {
    const facts = { ...sampleFacts('zibo'), priorApplication: true };
    const r = onething(
      ['evaluate', '--region', 'zibo', '--input', '-', '--at', SAMPLE_SUBMITTED_AT],
      JSON.stringify(facts),
    );
    const result = JSON.parse(r.stdout);
    expect(result.eligible).toBe(false);
    expect(
      result.findings.find((f: { ruleId: string }) => f.ruleId === 'no-duplicate-application'),
    ).toMatchObject({
      outcome: 'failed',
      citation: { file: '000', clause: '二 2' },
      remedy: { kind: 'contact' },
    });
  });

  it.each([
    ['bad JSON', ['evaluate', '--region', 'fujian', '--input', '-'], '{not json', 'INVALID_INPUT', 'input'],
    [
      'an invalid ID number',
      ['evaluate', '--region', 'fujian', '--input', '-'],
      JSON.stringify({
        ...sampleFacts('fujian'),
        mother: { ...sampleFacts('fujian').mother, idNumber: '350583199503081220' },
      }),
      'INVALID_INPUT',
      'mother.idNumber',
    ],
    [
      'a package the region lacks',
      ['evaluate', '--region', 'fujian', '--input', '-'],
      JSON.stringify({
        ...sampleFacts('fujian'),
        choices: { followParent: 'father', packageId: 'package-2' },
      }),
      'INVALID_INPUT',
      'choices.packageId',
    ],
    ['an unknown region', ['guide', '--region', 'atlantis'], undefined, 'UNKNOWN_REGION', 'region'],
    ['a missing option', ['guide'], undefined, 'INVALID_INPUT', 'region'],
    [
      'an instant without offset',
      ['evaluate', '--region', 'zibo', '--input', '-', '--at', '2026-11-20 10:00'],
      JSON.stringify(sampleFacts('zibo')),
      'INVALID_INPUT',
      'at',
    ],
  ])(
    'rejects %s with exit code 2 and a bilingual error naming the field',
    (_name, args, input, code, field) => {
      const r = onething(args, input);
      expect(r.code).toBe(2);
      const err = JSON.parse(r.stderr).error;
      expect(err).toMatchObject({ code, field });
      expect(err.message.zh).toContain(fieldLabel(field)!.zh);
      expect(err.message.en).toContain(fieldLabel(field)!.en);
      expect(r.stdout).toBe('');
    },
  );

  it('publishes the facts JSON Schema, which accepts every sample and narrows choices per region', () => {
    // Formats (date-time) are the parser's business; the schema check here is about shape.
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    for (const region of ['zibo', 'gansu-lanzhou', 'sichuan-tongchuan', 'fujian', 'anhui'] as const) {
      const r = onething(['schema', 'facts', '--region', region]);
      expect(r.code).toBe(0);
      const validate = ajv.compile(JSON.parse(r.stdout));
      expect(validate(sampleFacts(region)), JSON.stringify(validate.errors)).toBe(true);
      expect(
        validate({ ...sampleFacts(region), choices: { followParent: 'father', items: ['no-such-item'] } }),
      ).toBe(false);
    }
    const zibo = JSON.parse(onething(['schema', 'facts', '--region', 'zibo']).stdout);
    expect(zibo.properties.choices.properties.packageId.enum).toEqual(['package-1', 'package-2']);
    const sichuan = JSON.parse(onething(['schema', 'facts', '--region', 'sichuan-tongchuan']).stdout);
    expect(sichuan.properties.choices.properties.recipient.enum).toEqual(['mother']);
  });

  it('prints the guide and the demo', () => {
    expect(onething(['guide', '--region', 'gansu-lanzhou']).stdout).toContain('联办效能');
    const demo = onething(['demo']);
    expect(demo.code).toBe(0);
    for (const name of ['淄博', '甘肃', '通川', '福建', '安徽']) expect(demo.stdout).toContain(name);
  });
});
