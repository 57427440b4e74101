import type { Citation } from '../domain/citation.ts';
import type { ItemId, ParentRole, Scenario } from '../domain/ids.ts';
import { DEPARTMENT_LABELS, EVENT_LABELS, HOTLINE_TOPIC_LABELS, ROLE_LABELS } from '../domain/labels.ts';
import { divisionsName } from '../domain/place-names.ts';
import type { Bilingual } from '../domain/text.ts';
import { citationText, sourceText } from './citation-text.ts';
import {
  conditionText,
  insuranceWindowText,
  policyNames,
  scenariosWhere,
  type ConditionNames,
} from './condition-text.ts';
import type { Condition } from './predicates.ts';
import type { DeliveryMethod, Period, Policy, PrefillSource, Sla } from './schema.ts';

/**
 * 办事指南: the service guide a policy officer, a parent, a clerk or the 12345 hotline reads, generated
 * from the policy alone, so that it says what the platform runs: each rule's condition is rendered from
 * the condition the evaluator evaluates, places by name, items by their names, citations by the
 * document's title, 文号 and clause. Chinese first, English second. Markdown.
 *
 * The guide is a list of sections; each names the policy fields it shows (GUIDE_FIELDS), and a test
 * compares them with the schema, so a new field fails until a section shows it. To add one, write a
 * function from the Guide to lines and put it in SECTIONS where it belongs.
 */
export function serviceGuide(policy: Policy): string {
  const g = guideOf(policy);
  return (
    SECTIONS.flatMap((s) => s.render(g))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

/** What every section reads the policy through. */
interface Guide {
  policy: Policy;
  /** 《title》（文号）clause. */
  cite(c: Citation): string;
  names: ConditionNames;
  items(ids: readonly ItemId[]): Bilingual;
  condition(c: Condition): Bilingual;
}

interface Section {
  /**
   * The policy fields this section shows: a field, or for a field holding objects (or a list of
   * them) each of their fields, as 'items.kind'.
   */
  shows: readonly string[];
  render(g: Guide): string[];
}

function guideOf(policy: Policy): Guide {
  const names = policyNames(policy);
  return {
    policy,
    cite: (c) => citationText(policy, c),
    names,
    items: (ids) => joined(ids.map(names.item), '、', ', '),
    condition: (c) => conditionText(c, names),
  };
}

// ---------------------------------------------------------------------------------------------
// Markdown

const NONE: Bilingual = { zh: '无', en: 'none' };

function heading(level: number, t: Bilingual): string[] {
  return ['', `${'#'.repeat(level)} ${t.zh} / ${t.en}`, ''];
}

/** “zh / en” on one line, for short texts. */
function both(t: Bilingual): string {
  return t.zh === t.en ? t.zh : `${t.zh} / ${t.en}`;
}

/** A labelled line: - **依据 / Basis**：… */
function field(label: Bilingual, value: Bilingual | string): string {
  return `- **${label.zh} / ${label.en}**：${typeof value === 'string' ? value : both(value)}`;
}

/** A long text: Chinese, then English in italics on its own line. */
function prose(t: Bilingual, suffix = ''): string[] {
  return [`${t.zh}${suffix}`, '', `*${t.en}*`, ''];
}

function table(head: Bilingual[], rows: string[][]): string[] {
  const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
  return [
    `| ${head.map((h) => `${h.zh} ${h.en}`).join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
  ];
}

function joined(parts: readonly Bilingual[], zh: string, en: string): Bilingual {
  if (parts.length === 0) return NONE;
  return { zh: parts.map((p) => p.zh).join(zh), en: parts.map((p) => p.en).join(en) };
}

const BASIS: Bilingual = { zh: '依据', en: 'Basis' };

// ---------------------------------------------------------------------------------------------
// Words for the schema's closed sets

export function describeSla(sla: Sla): Bilingual {
  switch (sla.unit) {
    case 'working-days':
      return { zh: `${sla.value}个工作日`, en: `${sla.value} working day${sla.value === 1 ? '' : 's'}` };
    case 'working-hours':
      return { zh: `${sla.value}小时（仅计工作日）`, en: `${sla.value} working hours` };
    case 'on-the-spot':
      return { zh: '当场办结', en: 'on the spot' };
  }
}

function describePeriod(p: Period): Bilingual {
  return 'months' in p
    ? { zh: `${p.months}个月`, en: `${p.months} month${p.months === 1 ? '' : 's'}` }
    : { zh: `${p.value}个工作日`, en: `${p.value} working day${p.value === 1 ? '' : 's'}` };
}

const PREFILL_NAMES: Record<PrefillSource, Bilingual> = {
  identity: { zh: '实名身份', en: 'verified identity' },
  'delivery-record': { zh: '分娩信息', en: 'delivery record' },
  'hukou-registry': { zh: '户籍信息', en: 'hukou registry' },
  'marriage-registry': { zh: '婚姻登记信息', en: 'marriage registry' },
  'e-license': { zh: '电子证照', en: 'e-licence' },
  platform: { zh: '平台生成', en: 'platform' },
};

const ITEM_KINDS: Record<Policy['items'][number]['kind'], Bilingual> = {
  joint: { zh: '联办事项', en: 'joint item' },
  service: { zh: '服务事项（不派发、不计时）', en: 'service along the way (no task, no time limit)' },
};

const CLOCK_STARTS: Record<Policy['items'][number]['clockStarts'], Bilingual> = {
  'when-dispatched': { zh: '推送至部门时起算', en: 'from when the platform hands it over' },
  'when-family-ready': {
    zh: '申请人提供该事项所需信息后起算',
    en: 'from when the family has given what the item waits for',
  },
};

const EFFECTS: Record<'case' | 'item' | 'advise', Bilingual> = {
  case: { zh: '不符合的，不予受理', en: 'if not met, the application is refused' },
  item: {
    zh: '不符合的，该事项不予联办，其余事项照常办理',
    en: 'if not met, that item is left out and the others go ahead',
  },
  advise: { zh: '仅作提示，不影响受理', en: 'advice only: the application goes ahead' },
};

const UPLOADED: Record<Policy['materials'][number]['uploaded'], Bilingual> = {
  'with-application': { zh: '随申请上传', en: 'with the application' },
  'when-item-starts': {
    zh: '所用于的事项可以开始办理时上传',
    en: 'once the items it is for may start',
  },
};

const SIGNERS: Record<Policy['applicants']['signatures'][number], Bilingual> = {
  mother: { zh: '母亲', en: 'the mother' },
  father: { zh: '父亲', en: 'the father' },
  applicant: { zh: '申请人', en: 'the applicant' },
};

const PAUSES: Record<NonNullable<Policy['slaPauses']>['excludes'][number], Bilingual> = {
  supplement: { zh: '补件时间', en: 'time waiting for a supplement' },
  mail: { zh: '寄件时间', en: 'time in the post' },
};

const FEES: Record<Extract<DeliveryMethod, { kind: 'mail' }>['fee'], Bilingual> = {
  free: { zh: '免费', en: 'free' },
  'paid-by-applicant': { zh: '费用自理', en: "at the applicant's cost" },
  unstated: { zh: '文件未规定费用', en: 'fee not stated in the documents' },
};

const PAGES: Record<NonNullable<Policy['certificateHandover']>['registrationDone'], Bilingual> = {
  'main-page': { zh: '《出生医学证明》正页（不含副页）', en: 'the main page of the birth certificate only' },
  'main-and-counterfoil': {
    zh: '《出生医学证明》正、副页（完整未裁切）',
    en: 'the whole birth certificate, main page and counterfoil uncut',
  },
};

const COVERAGE_AFTER: Record<
  Extract<Policy['insurance'], { stated: true }>['coverage']['afterWindow'],
  Bilingual
> = {
  'payment-date': { zh: '自缴费（补缴）之日起享受待遇', en: 'covered from the payment day' },
  'day-after-payment': { zh: '自缴费次日起享受待遇', en: 'covered from the day after payment' },
  unstated: { zh: '文件未规定待遇起算日', en: 'the documents do not say when coverage starts' },
};

const METRICS: Record<Policy['efficiency'][number]['metric'], Bilingual> = {
  'working-days': { zh: '办理时间（工作日）', en: 'working days' },
  trips: { zh: '跑动次数', en: 'trips' },
  materials: { zh: '递交材料（份）', en: 'materials' },
  steps: { zh: '办理环节', en: 'steps' },
};

const QUESTION_KINDS: Record<Policy['questions'][number]['kind'], Bilingual> = {
  contradiction: { zh: '文件前后不一致', en: 'the documents contradict each other' },
  gap: { zh: '文件未规定', en: 'the documents are silent' },
  'local-decision': { zh: '平台的本地决定', en: "the platform's local decision" },
};

function roles(rs: readonly ParentRole[], zhJoin = '或', enJoin = ' or '): Bilingual {
  return joined(
    rs.map((r) => ({ zh: ROLE_LABELS[r].zh, en: `the ${r}` })),
    zhJoin,
    enJoin,
  );
}

function scenarioNames(g: Guide, ids: readonly Scenario[]): Bilingual {
  return joined(ids.map(g.names.scenario), '、', '; ');
}

/** Where a condition can hold: every scenario, or those its `scenario-in` parts leave. */
function scenariosOf(g: Guide, condition: Condition | undefined): Bilingual {
  const where = scenariosWhere(condition, g.policy.scenarios);
  if (where.length === g.policy.scenarios.length)
    return g.policy.scenarios.length === 1
      ? g.policy.scenarios[0]!.name
      : { zh: '全部情形', en: 'every scenario' };
  if (where.length === 0) return { zh: '无（任何情形均不适用）', en: 'none: no scenario' };
  return scenarioNames(
    g,
    where.map((s) => s.id),
  );
}

// ---------------------------------------------------------------------------------------------
// Sections, in the order a reader needs them

/** 'items', 'name', 'kind' → 'items.name', 'items.kind'. */
function of(field: string, ...subfields: string[]): string[] {
  return subfields.map((f) => `${field}.${f}`);
}

const title: Section = {
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

const channel: Section = {
  shows: of('channel', 'description', 'citation'),
  render: ({ policy, cite }) => [
    ...heading(2, { zh: '办理渠道', en: 'Where to apply' }),
    ...prose(policy.channel.description, `〔${cite(policy.channel.citation)}〕`),
  ],
};

const applicants: Section = {
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

const scenarios: Section = {
  shows: of('scenarios', 'name', 'skips', 'citation'),
  render: (g) => [
    ...heading(2, { zh: '办理情形', en: 'Scenarios' }),
    ...table(
      [{ zh: '情形', en: 'Scenario' }, { zh: '免办事项', en: 'Items already done' }, BASIS],
      g.policy.scenarios.map((s) => [both(s.name), both(g.items(s.skips)), g.cite(s.citation)]),
    ),
  ],
};

const rules: Section = {
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

const items: Section = {
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

const materials: Section = {
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

const formFields: Section = {
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

const timeLimits: Section = {
  shows: [
    ...of('caseSla', 'promised', 'legal', 'refusalNotice'),
    ...of('supplements', 'offered', 'citation'),
    ...of('slaPauses', 'excludes', 'citation'),
    ...of('familyDeadlines', 'task', 'after', 'opensAfter', 'within', 'citation'),
  ],
  render: ({ policy, cite, names }) => {
    const sla = (label: Bilingual, s: Sla | undefined) =>
      s ? [field(label, `${both(describeSla(s))}〔${cite(s.citation)}〕`)] : [];
    const { promised, legal, refusalNotice } = policy.caseSla;
    const s = policy.supplements;
    return [
      ...heading(2, { zh: '办理时限', en: 'Time limits' }),
      ...sla({ zh: '承诺办结时限', en: 'Promised' }, promised),
      ...sla({ zh: '法定办结时限', en: 'Legal' }, legal),
      ...(!promised && !legal
        ? [
            field(
              { zh: '全案办结时限', en: 'The whole case' },
              { zh: '文件未规定', en: 'the documents set no limit' },
            ),
          ]
        : []),
      ...sla({ zh: '不予受理的告知时限', en: 'A refusal is explained within' }, refusalNotice),
      ...(s
        ? [
            field(
              { zh: '补件', en: 'Supplements' },
              s.offered
                ? {
                    zh: `部门可要求申请人补件〔${cite(s.citation)}〕`,
                    en: 'a department may ask the family for a supplement',
                  }
                : {
                    zh: `不设补件：材料审核不通过的事项转线下办理〔${cite(s.citation)}〕`,
                    en: 'no supplements: an item whose materials fail review goes to offline handling',
                  },
            ),
          ]
        : []),
      field(
        { zh: '不计入时限', en: 'Not counted' },
        policy.slaPauses
          ? {
              zh: `${policy.slaPauses.excludes.map((e) => PAUSES[e].zh).join('、')}〔${cite(policy.slaPauses.citation)}〕`,
              en: policy.slaPauses.excludes.map((e) => PAUSES[e].en).join(', '),
            }
          : { zh: '无，所有工作时间均计入', en: 'nothing: every working hour counts' },
      ),
      ...policy.familyDeadlines.map((d) => {
        const item = names.item(d.after);
        const within = describePeriod(d.within);
        const opens = d.opensAfter ? describePeriod(d.opensAfter) : null;
        return field(
          { zh: '申请人须办理', en: 'The family must' },
          {
            zh: `“${item.zh}”办结后${opens ? `${opens.zh}起至` : ''}${within.zh}内，${d.task.zh}〔${cite(d.citation)}〕`,
            en: `${opens ? `between ${opens.en} and ${within.en}` : `within ${within.en}`} after “${item.en}” is done: ${d.task.en}`,
          },
        );
      }),
    ];
  },
};

const delivery: Section = {
  shows: [
    ...of('delivery', 'item', 'methods', 'citation'),
    ...of('recipient', 'allowed', 'mailWithin', 'sameAddressForAll', 'citation'),
    ...of('postal', 'urbanDeliveryDays', 'ruralDeliveryDays', 'sameDayCollectionBefore', 'citation'),
  ],
  render: (g) => {
    const { policy, cite } = g;
    const method = (m: DeliveryMethod): string =>
      m.kind === 'pickup'
        ? `自取：${m.place.zh} / collect: ${m.place.en}`
        : `邮寄${m.twoWay ? '（双向邮递）' : ''}，${FEES[m.fee].zh}${m.note ? `：${m.note.zh}` : ''} / by mail${m.twoWay ? ' both ways' : ''}, ${FEES[m.fee].en}${m.note ? `: ${m.note.en}` : ''}`;
    const r = policy.recipient;
    const p = policy.postal;
    if (!policy.delivery.length && !r && !p) return [];
    return [
      ...heading(2, { zh: '送达方式', en: 'Delivery' }),
      ...table(
        [{ zh: '事项', en: 'Item' }, { zh: '方式', en: 'Methods' }, BASIS],
        policy.delivery.map((d) => [
          both(g.names.item(d.item)),
          d.methods.map(method).join('；'),
          cite(d.citation),
        ]),
      ),
      ...(r
        ? [
            field({ zh: '收件人', en: 'Recipient' }, roles(r.allowed)),
            ...(r.mailWithin
              ? [field({ zh: '仅邮寄至', en: 'Mailed only within' }, divisionsName(r.mailWithin))]
              : []),
            ...(r.sameAddressForAll
              ? [
                  field(
                    { zh: '收件地址', en: 'Address' },
                    { zh: '所有证件寄往同一地址', en: 'everything goes to one address' },
                  ),
                ]
              : []),
            field(BASIS, cite(r.citation)),
          ]
        : []),
      ...(p
        ? [
            field(
              { zh: '邮政时限', en: 'Postal terms' },
              {
                zh: `城区 T+${p.urbanDeliveryDays}，乡镇 T+${p.ruralDeliveryDays}${p.sameDayCollectionBefore ? `；${p.sameDayCollectionBefore} 前交寄当日揽收` : ''}〔${cite(p.citation)}〕`,
                en: `urban T+${p.urbanDeliveryDays}, rural T+${p.ruralDeliveryDays}${p.sameDayCollectionBefore ? `; collected the same day if posted before ${p.sameDayCollectionBefore}` : ''}`,
              },
            ),
          ]
        : []),
    ];
  },
};

const certificate: Section = {
  shows: [
    ...of('certificateHandover', 'registrationDone', 'registrationFailed', 'citation'),
    ...of('counterfoilTransfer', 'route', 'schedule', 'record', 'signedByBoth', 'citation'),
  ],
  render: ({ policy, cite }) => {
    const h = policy.certificateHandover;
    const t = policy.counterfoilTransfer;
    if (!h && !t) return [];
    const schedule = (s: NonNullable<typeof t>['schedule']): Bilingual =>
      s.kind === 'periodic'
        ? s.note
        : {
            zh: `每月${s.byDay}日前寄送上月副页${s.holidayDelayDays ? `（重大节假日前后可推迟至多${s.holidayDelayDays}天）` : ''}`,
            en: `last month's counterfoils are sent before day ${s.byDay} of each month${s.holidayDelayDays ? ` (up to ${s.holidayDelayDays} days later around major holidays)` : ''}`,
          };
    return [
      ...heading(2, { zh: '出生医学证明', en: 'The birth certificate' }),
      ...(h
        ? [
            field(
              { zh: '户口登记办结的，申请人领取', en: 'When the registration is done, the family gets' },
              PAGES[h.registrationDone],
            ),
            field(
              { zh: '户口登记未办结的，申请人领取', en: 'When it fails, the family gets' },
              h.registrationFailed
                ? PAGES[h.registrationFailed]
                : { zh: '文件未规定', en: 'not stated in the documents' },
            ),
            field(BASIS, cite(h.citation)),
          ]
        : []),
      ...(t
        ? [
            field({ zh: '副页移交路线', en: 'Counterfoils travel' }, joined(t.route, ' → ', ' → ')),
            field({ zh: '移交时间', en: 'When' }, schedule(t.schedule)),
            ...(t.record
              ? [
                  field(
                    { zh: '交接记录', en: 'Record' },
                    t.signedByBoth
                      ? { zh: `${t.record.zh}（双方签字）`, en: `${t.record.en}, signed by both sides` }
                      : t.record,
                  ),
                ]
              : []),
            field(BASIS, cite(t.citation)),
          ]
        : []),
    ];
  },
};

const insurance: Section = {
  shows: ['insurance'],
  render: ({ policy, cite }) => {
    const ins = policy.insurance;
    const head = heading(2, { zh: '城乡居民医保参保', en: 'Resident medical insurance' });
    if (!ins.stated) return [...head, ...prose(ins.note, `〔${cite(ins.citation)}〕`)];
    const win = insuranceWindowText(ins.window);
    const gap = ins.coverage.afterWindowFrom;
    const after = COVERAGE_AFTER[ins.coverage.afterWindow];
    const n = ins.nextYear;
    const [month, day] = n ? n.bornFrom.split('-').map(Number) : [];
    const s = ins.premiumShare;
    return [
      ...head,
      field(
        { zh: '参保期限', en: 'Newborn window' },
        {
          zh: `${win.zh}参保缴费的，自出生之日起享受待遇〔${cite(ins.citation)}〕`,
          en: `paying ${win.en}: covered from the birth day`,
        },
      ),
      field(
        { zh: '超过期限缴费', en: 'Paying later' },
        gap
          ? {
              zh: `出生满${gap.months}个月后缴费的，${after.zh}；期限届满至满${gap.months}个月之间缴费的，文件未规定〔${cite(ins.coverage.citation)}〕`,
              en: `paying after ${gap.months} months: ${after.en}; between the window's end and ${gap.months} months the documents are silent`,
            }
          : { zh: `${after.zh}〔${cite(ins.coverage.citation)}〕`, en: after.en },
      ),
      ...(n
        ? [
            field(
              { zh: '次年参保', en: 'The next year' },
              {
                zh: `${month}月${day}日至12月31日出生的可办理次年参保${n.requiresCurrent ? '（须与当年一并办理）' : ''}，待遇${n.coverageStart === 'birth-date' ? '自出生之日起' : '自次年1月1日起'}〔${cite(n.citation)}〕`,
                en: `babies born from ${day} ${MONTHS_EN[month! - 1]} to 31 December may enroll for the next year${n.requiresCurrent ? ' together with the current one' : ''}, covered from ${n.coverageStart === 'birth-date' ? 'the birth day' : '1 January of the next year'}`,
              },
            ),
          ]
        : []),
      ...(s
        ? [
            field(
              { zh: '缴费比例', en: 'Share of the premium' },
              {
                zh: `上半年出生的缴纳个人缴费部分的${pct(s.firstHalfBirth)}，下半年出生的缴纳${pct(s.secondHalfBirth)}〔${cite(s.citation)}〕`,
                en: `born January to June: ${pct(s.firstHalfBirth)} of the personal premium; July to December: ${pct(s.secondHalfBirth)}`,
              },
            ),
          ]
        : []),
    ];
  },
};

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

const notices: Section = {
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

const legalBases: Section = {
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

const efficiency: Section = {
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

const hotlines: Section = {
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

const sms: Section = {
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

const questions: Section = {
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

const crossProvince: Section = {
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

const SECTIONS: readonly Section[] = [
  title,
  channel,
  applicants,
  scenarios,
  rules,
  items,
  materials,
  formFields,
  timeLimits,
  delivery,
  crossProvince,
  certificate,
  insurance,
  notices,
  legalBases,
  efficiency,
  hotlines,
  sms,
  questions,
];

/**
 * The policy's fields the guide shows, and those it leaves out on purpose with the reason. A test
 * checks every field of the schema is in one of the two.
 */
export const GUIDE_FIELDS: readonly string[] = SECTIONS.flatMap((s) => s.shows);
export const NOT_IN_GUIDE: Readonly<Record<string, string>> = {
  region: 'a code name; the guide shows the policy name',
  shortName: 'the label of a tab; the guide shows the full name',
  'sources.file': 'the stored file number; a citation shows the title and 文号',
  figures: 'resolved into the texts that quote them; each figure shows where its rule is rendered',
  'items.id': 'a code name; an item shows by its name',
  'packages.id': 'a code name; a package shows by its name',
  'scenarios.id': 'a code name; a scenario shows by its name',
  'rules.id': 'a code name; a rule shows by its requirement',
  'materials.id': 'a code name; a material shows by its name',
  'formFields.id': 'a code name; a field shows by its label',
  'familyDeadlines.id': 'a code name; a deadline shows by its task',
  'questions.id': 'a code name; a question shows by its text',
};
