/**
 * The sections on how a case runs once accepted: the time limits (the case's, the items', what pauses
 * them and what the family must do by when), how results are delivered, and how the birth certificate
 * and its counterfoil travel. They share the schema's words for periods, fees and pages.
 */
import { divisionsName } from '../../domain/place-names.ts';
import type { Bilingual } from '../../domain/text.ts';
import type { DeliveryMethod, Sla } from '../schema.ts';
import { BASIS, both, field, heading, joined, table } from './markdown.ts';
import { of, type Section } from './section.ts';
import { describePeriod, describeSla, FEES, PAGES, PAUSES, roles } from './words.ts';

export const timeLimits: Section = {
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

export const delivery: Section = {
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

export const certificate: Section = {
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
            field(
              { zh: '副页移交路线', en: 'Counterfoils travel' },
              joined(
                t.route.map((s) => s.name),
                ' → ',
                ' → ',
              ),
            ),
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
