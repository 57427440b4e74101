import { Card, Collapse, Steps, Tag } from 'antd-mobile';
import { MaskedId } from '../../components/MaskedId.tsx';
import { ProvisionalMark, recountText } from '../../components/Provisional.tsx';
import { formatTime } from '../../hooks.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useT } from '../../i18n.tsx';
import {
  DEPARTMENT_LABELS,
  EVENT_LABELS,
  HOLDER_LABELS,
  ITEM_STATUS,
  OUTPUT_LABELS,
  OUTPUT_VALUE_LABELS,
} from '../../status.ts';
import type { CaseItem, CaseState, Policy } from '../../types.ts';
import { ItemActions } from './ItemActions.tsx';
import { Parcels } from './Parcels.tsx';

/** An output that is an ID number (the baby's), masked; the parents may show it in full. */
const ID_OUTPUTS = new Set(['citizenIdNumber']);

/** One item: status, department and holder, deadline, outputs, what the family can do, timeline and parcels. */
export function ItemCard({
  state,
  item,
  policy,
  onChange,
}: {
  state: CaseState;
  item: CaseItem;
  policy: Policy;
  onChange: (next: CaseState) => void;
}) {
  const t = useT();
  const st = ITEM_STATUS[item.status]!;
  const name = t(policy.items.find((p) => p.id === item.id)!.name);
  const dept = DEPARTMENT_LABELS[item.department as keyof typeof DEPARTMENT_LABELS];
  // The deadline the family signed (the plan's, also on the PDF); later only if time with the family or
  // the post was added back (补件和邮寄时间不计入).
  const planned = item.sla ? (item.plannedDeadline ?? item.deadline) : null;
  const extended = planned && item.deadline && item.deadline > planned ? item.deadline : null;
  // Why it moved: the item waited for the family or the post, or the step before it finished late.
  const waited = item.timeline.some((e) =>
    ['supplement-answered', 'payment-made', 'pickup-booked'].includes(e.type),
  );
  // Counted on a year the State Council has not published its holidays for yet: said beside the date.
  const provisional = extended
    ? item.deadlineProvisional
    : planned === item.plannedDeadline
      ? item.plannedDeadlineProvisional
      : item.deadlineProvisional;
  return (
    <Card
      style={{ marginTop: 8, borderLeft: `4px solid ${st.color}` }}
      title={name}
      extra={<StatusTag kind="item" status={item.status} />}
      data-testid={`item-${item.id}`}
      data-status={item.status}
    >
      <div className="muted">
        {dept && t(dept)}
        {item.holder && ` · ${t(HOLDER_LABELS[item.holder]!)}`}
        {planned && item.status !== 'done' && item.status !== 'cancelled' && (
          <span data-testid="item-deadline">
            {' · '}
            {t(`最迟 ${formatTime(planned)}`, `due ${formatTime(planned)}`)}
            {extended &&
              (waited
                ? t(
                    `（补件、邮寄、缴费时间不计入，顺延至 ${formatTime(extended)}）`,
                    ` (time with you or the post added back: ${formatTime(extended)})`,
                  )
                : t(
                    `（前序事项办结晚于计划，自其办结起算，顺延至 ${formatTime(extended)}）`,
                    ` (counted from when the step before it finished, later than planned: ${formatTime(extended)})`,
                  ))}
            <ProvisionalMark on={provisional} />
          </span>
        )}
        {item.overdue && (
          <Tag color="danger" style={{ marginLeft: 4 }}>
            {t('已超时', 'Overdue')}
          </Tag>
        )}
      </div>
      {item.handOff && (
        <div className="muted" data-testid="hand-off">
          {t(
            `跨省通办：经${item.handOff.platform.zh}移交${item.handOff.provinceName.zh}办理`,
            `Handed to ${item.handOff.provinceName.en} through ${item.handOff.platform.en}`,
          )}
          {item.remoteCaseId &&
            t(`，对方办件编号 ${item.remoteCaseId}`, `; case number there ${item.remoteCaseId}`)}
        </div>
      )}
      {Object.entries(item.outputs).length > 0 && (
        <div style={{ marginTop: 6 }}>
          {Object.entries(item.outputs).map(([k, v]) => (
            <div key={k} className="value">
              <span className="muted">{t(OUTPUT_LABELS[k] ?? { zh: '办理结果', en: 'Result' })}</span>{' '}
              {ID_OUTPUTS.has(k) ? (
                <MaskedId id={v} owner />
              ) : OUTPUT_VALUE_LABELS[v] ? (
                t(OUTPUT_VALUE_LABELS[v])
              ) : (
                v
              )}
            </div>
          ))}
        </div>
      )}
      {item.reason && (
        <div role="alert" style={{ color: '#b00020', marginTop: 6 }}>
          {t(item.reason)}
        </div>
      )}
      <ItemActions state={state} item={item} policy={policy} onChange={onChange} />
      <Collapse>
        <Collapse.Panel key="timeline" title={t('办理过程', 'Timeline')}>
          <Steps direction="vertical">
            {item.timeline.map((e, i) => (
              <Steps.Step
                key={i}
                status="finish"
                title={t(EVENT_LABELS[e.type] ?? { zh: '进展', en: 'Update' })}
                description={
                  e.recomputed
                    ? `${formatTime(e.at)} · ${recountText(t, item.sla ? (e.recomputed.plannedDeadline ?? e.recomputed.deadline) : e.recomputed.deadline, e.recomputed.source)}`
                    : formatTime(e.at)
                }
              />
            ))}
          </Steps>
        </Collapse.Panel>
      </Collapse>
      <Parcels parcels={item.parcels} />
    </Card>
  );
}
