import type { Citation } from '../domain/citation.ts';
import { citationText } from './citation-text.ts';
import { DEPARTMENT_LABELS } from '../domain/labels.ts';
import type { Bilingual } from '../domain/text.ts';
import type { DeliveryMethod, Policy, PrefillSource, Sla } from './schema.ts';

/**
 * 办事指南: the service guide a parent, a clerk or the 12345 hotline reads, generated from the
 * policy so that it can never drift from what the platform enforces. Chinese first, English second.
 */
export function serviceGuide(policy: Policy): string {
  // The guide names its documents first; a citation then needs only the clause, unless there are several.
  const formatCitation = (c: Citation) => (policy.sources.length > 1 ? citationText(policy, c) : c.clause);
  const cite = (c?: Citation) => (c ? ` 〔${formatCitation(c)}〕` : '');
  const itemName = (id: string) => policy.items.find((i) => i.id === id)?.name ?? { zh: id, en: id };
  const lines: string[] = [];
  const h = (level: number, t: Bilingual) => lines.push('', `${'#'.repeat(level)} ${t.zh} / ${t.en}`, '');
  const para = (t: Bilingual, c?: Citation) => lines.push(`${t.zh}${cite(c)}`, '', `*${t.en}*`, '');
  const table = (head: string[], rows: string[][]) => {
    lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const r of rows) lines.push(`| ${r.map(cell).join(' | ')} |`);
    lines.push('');
  };

  lines.push(`# ${policy.name.zh}办事指南`, '', `**${policy.name.en}: service guide**`, '');
  lines.push(
    `依据文件 / Sources: ${policy.sources.map((s) => `${s.title}${s.number ? `（${s.number}）` : ''}`).join('；')}`,
  );

  h(2, { zh: '办理渠道', en: 'Where to apply' });
  para(policy.channel.description, policy.channel.citation);

  h(2, { zh: '服务对象与受理条件', en: 'Who may apply' });
  const a = policy.applicants;
  lines.push(
    `- 申请人：新生儿${a.roles.map((r) => (r === 'mother' ? '母亲' : '父亲')).join('或')}${a.authorizationRequired.length ? '（父亲须持母亲签署的授权委托书）' : ''}${a.fatherConfirms ? '；父亲在本人账号内人脸识别确认' : ''}${cite(a.citation)}`,
  );
  lines.push(
    `  *Applicant: the baby's ${a.roles.join(' or ')}${a.authorizationRequired.length ? " (the father only with the mother's signed authorization)" : ''}${a.fatherConfirms ? '; the father confirms with face verification in his own login' : ''}*`,
  );
  for (const r of policy.rules.filter((x) => x.scope === 'case')) {
    lines.push(
      `- ${r.requirement.zh}${r.effect === 'advise' ? '（提示）' : ''}${cite(r.citation)}`,
      `  *${r.requirement.en}*`,
    );
  }
  const itemRules = policy.rules.filter((x) => x.scope !== 'case');
  if (itemRules.length) {
    lines.push('', '单项条件 / Conditions of single items:', '');
    for (const r of itemRules) {
      lines.push(
        `- ${itemName(r.scope).zh}：${r.requirement.zh}${r.effect === 'advise' ? '（提示，不影响受理）' : ''}${cite(r.citation)}`,
        `  *${itemName(r.scope).en}: ${r.requirement.en}*`,
      );
    }
  }

  h(2, { zh: '办理情形', en: 'Scenarios' });
  table(
    ['情形 Scenario', '免办事项 Items already done', '依据 Basis'],
    policy.scenarios.map((s) => [
      both(s.name),
      s.skips.length ? s.skips.map((i) => itemName(i).zh).join('、') : '—',
      formatCitation(s.citation),
    ]),
  );

  h(2, { zh: '联办事项', en: 'Items' });
  table(
    ['事项 Item', '办理部门 Department', '前置事项 Waits for', '办理时限 Time limit', '依据 Basis'],
    policy.items.map((i) => [
      both(i.name),
      both(DEPARTMENT_LABELS[i.department]),
      i.dependsOn.length ? i.dependsOn.map((d) => itemName(d).zh).join('、') : '—',
      i.sla ? `${describeSla(i.sla).zh}（${formatCitation(i.sla.citation)}）` : '文件未规定 / not set',
      formatCitation(i.citation),
    ]),
  );
  if (policy.packages.length) {
    lines.push('套餐 / Packages:', '');
    for (const p of policy.packages)
      lines.push(`- ${both(p.name)}：${p.items.map((i) => itemName(i).zh).join('、')}${cite(p.citation)}`);
    lines.push('');
  }
  if (policy.mandatory)
    lines.push(
      `必选事项 / Always included: ${policy.mandatory.items.map((i) => both(itemName(i))).join('；')}${cite(policy.mandatory.citation)}`,
      '',
    );

  h(2, { zh: '申报材料', en: 'Materials' });
  table(
    ['材料 Material', '用于事项 For', '何时需要 When', '共享免交 Supplied by shared data', '依据 Basis'],
    policy.materials.map((m) => [
      both(m.name),
      m.forItems.map((i) => itemName(i).zh).join('、'),
      m.when ? '视情形 / depends on the family' : '均需 / always',
      m.suppliedWhen ? '可 / when on record' : '否 / no',
      formatCitation(m.citation),
    ]),
  );

  if (policy.formFields.length) {
    h(2, { zh: '一表申请：表单字段', en: 'The one form: fields' });
    table(
      ['字段 Field', '事项 For', '来源 Source', '依据 Basis'],
      policy.formFields.map((f) => [
        both(f.label),
        f.forItems.length ? f.forItems.map((i) => itemName(i).zh).join('、') : '全案 / whole case',
        f.prefill.length ? f.prefill.map((s) => both(PREFILL_NAMES[s])).join('；') : '申请人填写 / typed',
        formatCitation(f.citation),
      ]),
    );
    const typed = policy.formFields.filter((f) => f.prefill.length === 0).length;
    lines.push(
      `需申请人填写的字段 ${typed} 项，其余 ${policy.formFields.length - typed} 项可由共享数据预填。 / ${typed} fields are typed; ${policy.formFields.length - typed} can be prefilled from shared data.`,
      '',
    );
  }

  h(2, { zh: '办理时限', en: 'Time limits' });
  if (policy.caseSla.promised)
    lines.push(
      `- 承诺办结时限 / promised: ${describeSla(policy.caseSla.promised).zh} / ${describeSla(policy.caseSla.promised).en}${cite(policy.caseSla.promised.citation)}`,
    );
  if (policy.caseSla.legal)
    lines.push(
      `- 法定办结时限 / legal: ${describeSla(policy.caseSla.legal).zh} / ${describeSla(policy.caseSla.legal).en}${cite(policy.caseSla.legal.citation)}`,
    );
  if (!policy.caseSla.promised && !policy.caseSla.legal)
    lines.push('- 文件未规定全案办结时限 / the documents set no limit for the whole case');
  if (policy.slaPauses)
    lines.push(
      `- 不计入时限 / not counted: ${policy.slaPauses.excludes.map((e) => (e === 'supplement' ? '补件时间 supplement time' : '寄件时间 mailing time')).join('；')}${cite(policy.slaPauses.citation)}`,
    );
  lines.push(
    '- 工作日按国务院办公厅公布的节假日安排计算（含调休上班日），不含触发当日，截止于第N个工作日北京时间24:00。 / Working days follow the State Council holiday calendar (adjusted working days included), leave out the triggering day, and end at 24:00 Beijing time on the Nth.',
  );

  h(2, { zh: '送达方式', en: 'Delivery' });
  table(
    ['事项 Item', '方式 Methods', '依据 Basis'],
    policy.delivery.map((d) => [
      both(itemName(d.item)),
      d.methods.map(describeMethod).join('；'),
      formatCitation(d.citation),
    ]),
  );
  if (policy.recipient) {
    const r = policy.recipient;
    lines.push(
      `收件人 / Recipient: ${r.allowed.map((x) => (x === 'mother' ? '母亲 mother' : '父亲 father')).join('、')}${r.mailWithin ? `；仅限寄往 ${r.mailWithin.join('、')} 区划内 / mail only within ${r.mailWithin.join(', ')}` : ''}${r.sameAddressForAll ? '；所有证件寄往同一地址 / one address for everything' : ''}${cite(r.citation)}`,
      '',
    );
  }
  if (policy.postal)
    lines.push(
      `邮政时限 / Postal terms: 城区 T+${policy.postal.urbanDeliveryDays}，乡镇 T+${policy.postal.ruralDeliveryDays}${policy.postal.sameDayCollectionBefore ? `；${policy.postal.sameDayCollectionBefore} 前交寄当日揽收` : ''}${cite(policy.postal.citation)}`,
      '',
    );

  h(2, { zh: '城乡居民医保参保', en: 'Resident medical insurance' });
  const ins = policy.insurance;
  if (!ins.stated) para(ins.note, ins.citation);
  else {
    const win =
      'days' in ins.window
        ? { zh: `出生之日起${ins.window.days}天（含）内`, en: `within ${ins.window.days} days of birth` }
        : { zh: `出生后${ins.window.months}个月内`, en: `within ${ins.window.months} months of birth` };
    lines.push(
      `- ${win.zh}参保缴费的，自出生之日起享受待遇 / paying ${win.en} covers from the birth day${cite(ins.citation)}`,
    );
    const after = {
      'payment-date': { zh: '自缴费（补缴）之日起', en: 'from the payment day' },
      'day-after-payment': { zh: '自缴费次日起', en: 'from the day after payment' },
      unstated: { zh: '文件未规定', en: 'not stated' },
    }[ins.coverage.afterWindow];
    lines.push(
      `- 超过期限缴费的待遇起算 / coverage after the window: ${after.zh} / ${after.en}${cite(ins.coverage.citation)}`,
    );
    if (ins.nextYear)
      lines.push(
        `- ${ins.nextYear.bornFrom.replace('-', '月')}日至12月31日出生的可办理次年参保${ins.nextYear.requiresCurrent ? '（与当年一并缴纳）' : ''} / babies born from ${ins.nextYear.bornFrom} may enroll for the next year${ins.nextYear.requiresCurrent ? ' together with the current one' : ''}${cite(ins.nextYear.citation)}`,
      );
    if (ins.premiumShare)
      lines.push(
        `- 上半年出生缴纳个人缴费部分的 ${ins.premiumShare.firstHalfBirth * 100}%，下半年出生缴纳 ${ins.premiumShare.secondHalfBirth * 100}% / born Jan–Jun pay ${ins.premiumShare.firstHalfBirth * 100}%, Jul–Dec ${ins.premiumShare.secondHalfBirth * 100}% of the personal premium${cite(ins.premiumShare.citation)}`,
      );
  }

  h(2, { zh: '办理须知', en: 'Notice' });
  policy.notices.forEach((n, i) => {
    const scope = n.scenarios
      ? `（适用：${n.scenarios.map((s) => policy.scenarios.find((x) => x.id === s)?.name.zh ?? s).join('、')}）`
      : '';
    lines.push(`${i + 1}. ${n.text.zh}${scope}${cite(n.citation)}`, `   *${n.text.en}*`);
  });

  if (policy.legalBases.length) {
    h(2, { zh: '法定依据', en: 'Legal bases' });
    for (const l of policy.legalBases)
      lines.push(
        `- 《${l.title}》${l.issuer ? `（${l.issuer}${l.effective ? `，${l.effective}` : ''}）` : ''}：${l.provision.zh}${cite(l.citation)}`,
        `  *${l.provision.en}*`,
      );
  }
  if (policy.efficiency.length) {
    h(2, { zh: '联办效能', en: 'Efficiency' });
    const metric = {
      'working-days': '办理时间（工作日） working days',
      trips: '跑动次数 trips',
      materials: '递交材料（份） materials',
      steps: '办理环节 steps',
    };
    table(
      ['指标 Measure', '单办 Separately', '一事联办 Jointly', '依据 Basis'],
      policy.efficiency.map((e) => [
        metric[e.metric],
        String(e.separately),
        String(e.jointly),
        formatCitation(e.citation),
      ]),
    );
  }
  if (policy.hotlines.length) {
    h(2, { zh: '咨询电话', en: 'Hotlines' });
    for (const t of policy.hotlines)
      lines.push(`- ${t.name.zh} / ${t.name.en}：${t.number}${cite(t.citation)}`);
  }
  if (policy.smsTemplates.length) {
    h(2, { zh: '短信模板', en: 'SMS templates' });
    for (const t of policy.smsTemplates)
      lines.push(`- \`${t.event}\`：${t.text.zh}${cite(t.citation)}`, `  *${t.text.en}*`);
  }
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

const PREFILL_NAMES: Record<PrefillSource, Bilingual> = {
  identity: { zh: '实名身份', en: 'verified identity' },
  'delivery-record': { zh: '分娩信息', en: 'delivery record' },
  'hukou-registry': { zh: '户籍信息', en: 'hukou registry' },
  'marriage-registry': { zh: '婚姻登记信息', en: 'marriage registry' },
  'e-license': { zh: '电子证照', en: 'e-licence' },
  platform: { zh: '平台生成', en: 'platform' },
};

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

function describeMethod(m: DeliveryMethod): string {
  if (m.kind === 'pickup') return `自取：${m.place.zh} / pickup: ${m.place.en}`;
  const fee = {
    free: '免费 free',
    'paid-by-applicant': '费用自理 at the applicant’s cost',
    unstated: '费用未规定 fee not stated',
  }[m.fee];
  return `邮寄（${fee}）${m.note ? `：${m.note.zh}` : ''} / mail`;
}

function both(t: Bilingual): string {
  return `${t.zh} ${t.en}`;
}

function cell(s: string): string {
  return s.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
