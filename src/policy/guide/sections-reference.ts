/**
 * The guide's reference sections: the cross-province hand-off, the notices, the legal bases, the
 * efficiency figures, the hotlines, the text messages and the open questions about the documents. Each
 * is a list a reader looks things up in, and each is left out when the policy has none.
 */
import { EVENT_LABELS, HOTLINE_TOPIC_LABELS } from '../../domain/labels.ts';
import { BASIS, both, field, heading, joined, prose, table } from './markdown.ts';
import { of, scenarioNames, type Section } from './section.ts';
import { METRICS, QUESTION_KINDS } from './words.ts';

export const notices: Section = {
  shows: of('notices', 'text', 'scenarios', 'citation'),
  render: (g) => [
    ...heading(2, { zh: '办理须知', en: 'Notice' }),
    ...g.policy.notices.flatMap((n, i) => {
      const only = n.scenarios ? scenarioNames(g, n.scenarios) : null;
      return [
        `${i + 1}. ${n.text.zh}${only ? `（适用：${only.zh}）` : ''}〔${g.cite(n.citation)}〕`,
        `   *${n.text.en}${only ? ` (for: ${only.en})` : ''}*`,
      ];
    }),
  ],
};

export const legalBases: Section = {
  shows: of('legalBases', 'title', 'issuer', 'effective', 'provision', 'items', 'citation'),
  render: (g) =>
    g.policy.legalBases.length === 0
      ? []
      : [
          ...heading(2, { zh: '法定依据', en: 'Legal bases' }),
          ...g.policy.legalBases.flatMap((l) => [
            `- 《${l.title}》${l.issuer ? `（${l.issuer}${l.effective ? `，${l.effective}` : ''}）` : l.effective ? `（${l.effective}）` : ''}：${l.provision.zh}${l.items.length ? `（适用于：${g.items(l.items).zh}）` : ''}〔${g.cite(l.citation)}〕`,
            `  *${l.provision.en}${l.items.length ? ` (for: ${g.items(l.items).en})` : ''}*`,
          ]),
        ],
};

export const efficiency: Section = {
  shows: of('efficiency', 'metric', 'separately', 'jointly', 'citation'),
  render: ({ policy, cite }) =>
    policy.efficiency.length === 0
      ? []
      : [
          ...heading(2, { zh: '联办效能', en: 'Efficiency' }),
          ...table(
            [
              { zh: '指标', en: 'Measure' },
              { zh: '单办', en: 'Separately' },
              { zh: '一事联办', en: 'Jointly' },
              BASIS,
            ],
            policy.efficiency.map((e) => [
              both(METRICS[e.metric]),
              String(e.separately),
              String(e.jointly),
              cite(e.citation),
            ]),
          ),
        ],
};

export const hotlines: Section = {
  shows: of('hotlines', 'name', 'number', 'topic', 'citation'),
  render: ({ policy, cite }) =>
    policy.hotlines.length === 0
      ? []
      : [
          ...heading(2, { zh: '咨询电话', en: 'Hotlines' }),
          ...policy.hotlines.map((t) => {
            const topic = HOTLINE_TOPIC_LABELS[t.topic];
            return `- ${both(t.name)}${topic ? `（${both(topic)}）` : ''}：${t.number}〔${cite(t.citation)}〕`;
          }),
        ],
};

export const sms: Section = {
  shows: of('smsTemplates', 'event', 'text', 'citation'),
  render: ({ policy, cite }) =>
    policy.smsTemplates.length === 0
      ? []
      : [
          ...heading(2, { zh: '短信通知', en: 'Text messages' }),
          ...policy.smsTemplates.flatMap((t) => {
            const when = EVENT_LABELS[t.event];
            return [
              `- ${when ? `${when.zh}：` : ''}${t.text.zh}〔${cite(t.citation)}〕`,
              `  *${when ? `${when.en}: ` : ''}${t.text.en}*`,
            ];
          }),
        ],
};

export const questions: Section = {
  shows: of('questions', 'kind', 'text', 'meanwhile', 'citations'),
  render: ({ policy, cite }) =>
    (policy.questions ?? []).length === 0
      ? []
      : [
          ...heading(2, { zh: '文件待澄清事项', en: 'Open questions about the documents' }),
          ...policy.questions.flatMap((q, i) => [
            `### ${i + 1}. ${both(QUESTION_KINDS[q.kind])}`,
            '',
            ...prose(q.text, `〔${q.citations.map(cite).join('；')}〕`),
            '**平台目前的做法 / Meanwhile**',
            '',
            ...prose(q.meanwhile),
          ]),
        ],
};

export const crossProvince: Section = {
  shows: of('crossProvince', 'platform', 'provinces', 'items', 'citation'),
  render: (g) => {
    const x = g.policy.crossProvince;
    if (!x) return [];
    return [
      ...heading(2, { zh: '跨省通办', en: 'Cross-province hand-off' }),
      field({ zh: '平台', en: 'Platform' }, x.platform),
      field(
        { zh: '落户一方户籍在这些省份时', en: "When the registering parent's hukou is in" },
        joined(
          x.provinces.map((p) => p.name),
          '、',
          ', ',
        ),
      ),
      field(
        { zh: '移交该省平台办理的事项', en: "Items handed to that province's platform" },
        g.items(x.items),
      ),
      field(BASIS, g.cite(x.citation)),
      '',
    ];
  },
};
