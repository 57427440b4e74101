/**
 * The guide's opening sections: the service and its documents, where to apply, who applies and signs,
 * the scenarios and the conditions of acceptance. They answer whether and how a family may apply, which
 * is what a reader needs before the items and time limits mean anything.
 */
import { divisionsName } from '../../domain/place-names.ts';
import type { Bilingual } from '../../domain/text.ts';
import type { Policy } from '../schema.ts';
import { sourceText } from '../citation-text.ts';
import { BASIS, both, field, heading, joined, NONE, prose, table } from './markdown.ts';
import { of, scenariosOf, type Section } from './section.ts';
import { EFFECTS, roles, SIGNERS } from './words.ts';

export const title: Section = {
  shows: ['name', 'divisions', ...of('sources', 'title', 'number', 'date')],
  render: ({ policy }) => [
    `# ${policy.name.zh}办事指南`,
    '',
    `**${policy.name.en}: service guide**`,
    '',
    field({ zh: '服务区域', en: 'Area' }, divisionsName(policy.divisions)),
    field({ zh: '依据文件', en: 'Sources' }, ''),
    ...policy.sources.map((s) => `  - ${sourceText(s)}${s.date ? `，${s.date}` : ''}`),
  ],
};

// The joint window's papers, as the family is told about them.
const WINDOW_PAPERS: Record<NonNullable<Policy['jointWindow']>['papers'], Bilingual> = {
  'tongchuan-2023': {
    zh: '母亲签署授权委托书（附件3），窗口代为填写联办申请表（附件1）并由父母签名，当场出具收件回执（附件2）',
    en: 'the mother signs the letter of authorization (附件3), the window fills in the joint application form (附件1) for the parents to sign, and gives a receipt on the spot (附件2)',
  },
};

export const channel: Section = {
  shows: [
    ...of('channel', 'description', 'citation'),
    ...of('jointWindow', 'papers', 'letterMaterial', 'formMaterial', 'citation'),
  ],
  render: ({ policy, cite }) => {
    const w = policy.jointWindow;
    return [
      ...heading(2, { zh: '办理渠道', en: 'Where to apply' }),
      ...prose(policy.channel.description, `〔${cite(policy.channel.citation)}〕`),
      ...(w
        ? [
            field({ zh: '联办窗口', en: 'The joint window' }, WINDOW_PAPERS[w.papers]),
            field(BASIS, cite(w.citation)),
          ]
        : []),
    ];
  },
};

export const applicants: Section = {
  shows: of(
    'applicants',
    'roles',
    'authorizationRequired',
    'fatherConfirms',
    'faceVerification',
    'signatures',
    'citation',
  ),
  render: ({ policy, cite }) => {
    const a = policy.applicants;
    return [
      ...heading(2, { zh: '申请人', en: 'Who applies' }),
      field({ zh: '可申请人', en: 'May apply' }, roles(a.roles)),
      ...(a.authorizationRequired.length
        ? [
            field(
              { zh: '须持母亲签署的授权委托书', en: "Only with the mother's signed authorization" },
              roles(a.authorizationRequired),
            ),
          ]
        : []),
      ...(a.fatherConfirms
        ? [
            field(
              { zh: '父亲确认', en: "The father's confirmation" },
              {
                zh: '父亲在本人账号内经人脸识别确认申请',
                en: 'the father confirms the application with face verification in his own login',
              },
            ),
          ]
        : []),
      field(
        { zh: '人脸识别', en: 'Face verification' },
        a.faceVerification.length ? roles(a.faceVerification, '、', ' and ') : NONE,
      ),
      field(
        { zh: '申请表签名', en: 'Signs the form' },
        joined(
          a.signatures.map((s) => SIGNERS[s]),
          '、',
          ' and ',
        ),
      ),
      field(BASIS, cite(a.citation)),
    ];
  },
};

export const scenarios: Section = {
  shows: of('scenarios', 'name', 'skips', 'citation'),
  render: (g) => [
    ...heading(2, { zh: '办理情形', en: 'Scenarios' }),
    ...table(
      [{ zh: '情形', en: 'Scenario' }, { zh: '免办事项', en: 'Items already done' }, BASIS],
      g.policy.scenarios.map((s) => [both(s.name), both(g.items(s.skips)), g.cite(s.citation)]),
    ),
  ],
};

export const rules: Section = {
  shows: of(
    'rules',
    'scope',
    'effect',
    'appliesWhen',
    'require',
    'requirement',
    'refusal',
    'remedy',
    'citation',
  ),
  render: (g) => [
    ...heading(2, { zh: '受理条件', en: 'Conditions' }),
    ...g.policy.rules.flatMap((r, i) => {
      const scope =
        r.scope === 'case'
          ? { zh: '整个申请', en: 'the whole application' }
          : { zh: `事项“${g.names.item(r.scope).zh}”`, en: `the item “${g.names.item(r.scope).en}”` };
      const effect =
        r.effect === 'advise' ? EFFECTS.advise : r.scope === 'case' ? EFFECTS.case : EFFECTS.item;
      return [
        `### ${i + 1}. ${r.requirement.zh}`,
        '',
        `*${r.requirement.en}*`,
        '',
        field({ zh: '条件', en: 'Condition' }, g.condition(r.require)),
        ...(r.appliesWhen ? [field({ zh: '适用于', en: 'Applies when' }, g.condition(r.appliesWhen))] : []),
        field({ zh: '适用情形', en: 'Scenarios' }, scenariosOf(g, r.appliesWhen)),
        field({ zh: '适用范围', en: 'Scope' }, scope),
        field({ zh: '效果', en: 'Effect' }, effect),
        field({ zh: '不符合时告知', en: 'The applicant is told' }, r.refusal),
        field({ zh: '处理办法', en: 'What to do' }, r.remedy.text),
        field(BASIS, g.cite(r.citation)),
        '',
      ];
    }),
  ],
};
