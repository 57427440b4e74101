/**
 * The sections on what is done and what the family supplies: the items with their departments, time
 * limits and packages, the materials and when each is needed or shared, and the fields of the one form
 * with where each is prefilled from.
 */
import { DEPARTMENT_LABELS } from '../../domain/labels.ts';
import { BASIS, both, field, heading, joined, table } from './markdown.ts';
import { of, scenariosOf, type Section } from './section.ts';
import { CLOCK_STARTS, describeSla, ITEM_KINDS, PREFILL_NAMES, UPLOADED } from './words.ts';

export const items: Section = {
  shows: [
    ...of('items', 'name', 'department', 'kind', 'dependsOn', 'sla', 'clockStarts', 'citation'),
    ...of('packages', 'name', 'items', 'citation'),
    ...of('mandatory', 'items', 'citation'),
  ],
  render: (g) => {
    const { policy, cite, names } = g;
    return [
      ...heading(2, { zh: '办理事项', en: 'Items' }),
      ...table(
        [
          { zh: '事项', en: 'Item' },
          { zh: '类别', en: 'Kind' },
          { zh: '办理部门', en: 'Department' },
          { zh: '前置事项', en: 'Waits for' },
          { zh: '办理时限', en: 'Time limit' },
          { zh: '时限起算', en: 'Clock starts' },
          BASIS,
        ],
        policy.items.map((i) => [
          both(i.name),
          both(ITEM_KINDS[i.kind]),
          both(DEPARTMENT_LABELS[i.department]),
          both(g.items(i.dependsOn)),
          i.sla
            ? `${both(describeSla(i.sla))}（${cite(i.sla.citation)}）`
            : '文件未规定时限 / no time limit in the documents',
          i.sla ? both(CLOCK_STARTS[i.clockStarts]) : '—',
          cite(i.citation),
        ]),
      ),
      ...(policy.packages.length
        ? [
            ...heading(3, { zh: '套餐', en: 'Packages' }),
            ...policy.packages.map((p) =>
              field(p.name, { ...g.items(p.items), zh: `${g.items(p.items).zh}（${cite(p.citation)}）` }),
            ),
          ]
        : []),
      ...(policy.mandatory
        ? [
            '',
            field(
              { zh: '必选事项', en: 'Always included' },
              {
                zh: `${policy.mandatory.items.map((id) => names.item(id).zh).join('、')}（${cite(policy.mandatory.citation)}）`,
                en: policy.mandatory.items.map((id) => names.item(id).en).join(', '),
              },
            ),
          ]
        : []),
    ];
  },
};

export const materials: Section = {
  shows: of('materials', 'name', 'forItems', 'when', 'suppliedWhen', 'uploaded', 'citation'),
  render: (g) =>
    g.policy.materials.length === 0
      ? []
      : [
          ...heading(2, { zh: '申报材料', en: 'Materials' }),
          ...g.policy.materials.flatMap((m, i) => [
            `### ${i + 1}. ${both(m.name)}`,
            '',
            field({ zh: '用于事项', en: 'For' }, g.items(m.forItems)),
            field(
              { zh: '何时需要', en: 'Needed when' },
              m.when ? g.condition(m.when) : { zh: '均需提交', en: 'always' },
            ),
            field({ zh: '适用情形', en: 'Scenarios' }, scenariosOf(g, m.when)),
            field(
              { zh: '共享数据免交', en: 'Not uploaded when' },
              m.suppliedWhen
                ? g.condition(m.suppliedWhen)
                : { zh: '不适用，须上传', en: 'never: it is uploaded' },
            ),
            field({ zh: '上传时间', en: 'Uploaded' }, UPLOADED[m.uploaded]),
            field(BASIS, g.cite(m.citation)),
            '',
          ]),
        ],
};

export const formFields: Section = {
  shows: of('formFields', 'label', 'forItems', 'prefill', 'hint', 'citation'),
  render: (g) => {
    const fields = g.policy.formFields;
    if (fields.length === 0) return [];
    const typed = fields.filter((f) => f.prefill.length === 0).length;
    return [
      ...heading(2, { zh: '一表申请：表单字段', en: 'The one form: fields' }),
      ...table(
        [
          { zh: '字段', en: 'Field' },
          { zh: '用于事项', en: 'For' },
          { zh: '来源', en: 'Source' },
          { zh: '填写说明', en: 'Hint' },
          BASIS,
        ],
        fields.map((f) => [
          both(f.label),
          f.forItems.length ? both(g.items(f.forItems)) : '全案 / whole application',
          f.prefill.length
            ? both(
                joined(
                  f.prefill.map((s) => PREFILL_NAMES[s]),
                  '、',
                  ', ',
                ),
              )
            : '申请人填写 / typed by the applicant',
          f.hint ? both(f.hint) : '—',
          g.cite(f.citation),
        ]),
      ),
      `需申请人填写的字段 ${typed} 项，其余 ${fields.length - typed} 项可由共享数据预填。 / ${typed} fields are typed; ${fields.length - typed} can be prefilled from shared data.`,
      '',
    ];
  },
};
