import { Card, Checkbox, Input, List, Radio, Space, Tag } from 'antd-mobile';
import { CheckCircleFill, CloseCircleFill, ExclamationCircleFill } from 'antd-mobile-icons';
import { Clause } from '../../components/Clause.tsx';
import { useT } from '../../i18n.tsx';
import type { Deadline, Me, Policy, Preview, Role } from '../../types.ts';
import { idNumberError, namePartError } from '../../validation.ts';
import { useConfig } from '../../hooks.ts';
import { Hotlines } from '../../components/Hotlines.tsx';
import { Field } from '../../components/Field.tsx';
import type { Draft } from './draft.ts';
import { ProvisionalMark, ProvisionalNote } from '../../components/Provisional.tsx';
import { PROVISIONAL_DEADLINE_LABELS } from '../../status.ts';

type Update = (change: (d: Draft) => void) => void;

/** 办理须知: the region's notice, every point with its clause. */
export function NoticeStep({ policy, scenario }: { policy: Policy; scenario: string | null }) {
  const t = useT();
  return (
    <Card title={t('办理须知', 'Before you apply')}>
      <p className="muted">{t(policy.channel.description)}</p>
      <ol style={{ paddingLeft: 20 }}>
        {policy.notices
          .filter((n) => !n.scenarios || !scenario || n.scenarios.some((s) => s === scenario))
          .map((n, i) => (
            <li key={i} style={{ marginBottom: 8 }}>
              {t(n.text)}
              <Clause policy={policy} citation={n.citation} />
            </li>
          ))}
      </ol>
    </Card>
  );
}

/**
 * The pre-review's findings. A refusal says why, by which clause, and what to do instead; nothing
 * is left unexplained.
 */
export function EligibilityStep({
  policy,
  me,
  draft,
  update,
  preview,
}: {
  policy: Policy;
  me: Me;
  draft: Draft;
  update: Update;
  preview: Preview | null;
}) {
  const t = useT();
  const maxName = useConfig()?.nameMaxLength ?? 20;
  const whole = `${draft.baby.surname.trim()}${draft.baby.givenName.trim()}`;
  const idError = me.mother ? null : idNumberError(draft.motherIdNumber);
  const e = preview?.evaluation;
  const refused = e?.findings.filter((f) => f.outcome === 'failed' && f.effect === 'refuse') ?? [];
  const advice = e?.findings.filter((f) => f.outcome === 'failed' && f.effect === 'advise') ?? [];
  const passed = e?.findings.filter((f) => f.outcome === 'passed') ?? [];
  return (
    <>
      {!me.mother && (
        <Card title={t('母亲身份证号', "Mother's ID number")}>
          <label htmlFor="mother-id" className="muted">
            {t(
              '共享数据中没有查到您的配偶，请填写母亲身份证号',
              'The shared data shows no spouse; enter the mother’s ID number',
            )}
          </label>
          <Input
            id="mother-id"
            value={draft.motherIdNumber}
            onChange={(v) =>
              update((d) => {
                d.motherIdNumber = v.trim();
              })
            }
            maxLength={18}
            aria-invalid={!!idError}
          />
          {draft.motherIdNumber && idError && (
            <div role="alert" style={{ color: '#b00020', fontSize: 13 }}>
              {t(idError)}
            </div>
          )}
        </Card>
      )}
      <Card title={t('宝宝的姓名与落户', "The baby's name and registration")} style={{ marginBottom: 8 }}>
        <List>
          <Field
            label={t('姓', 'Surname')}
            source={
              draft.baby.surname &&
              draft.baby.surname ===
                [...((draft.choices.followParent === 'father' ? me.father : me.mother)?.name ?? '')][0]
                ? 'hukou-registry'
                : 'typed'
            }
            error={namePartError(draft.baby.surname, maxName, whole)}
          >
            <Input
              aria-label={t('姓', 'Surname')}
              value={draft.baby.surname}
              onChange={(v) =>
                update((d) => {
                  d.baby.surname = v;
                })
              }
              data-testid="baby-surname"
            />
          </Field>
          <Field
            label={t('名', 'Given name')}
            source="typed"
            error={draft.baby.givenName ? namePartError(draft.baby.givenName, maxName, whole) : null}
          >
            <Input
              aria-label={t('名', 'Given name')}
              placeholder={t('请填写宝宝的名字', "The baby's given name")}
              value={draft.baby.givenName}
              onChange={(v) =>
                update((d) => {
                  d.baby.givenName = v;
                })
              }
              data-testid="baby-given-name"
            />
          </Field>
          <Field label={t('随父 / 随母落户', 'Registered with')} source="chosen">
            <Radio.Group
              value={draft.choices.followParent}
              onChange={(v) =>
                update((d) => {
                  d.choices.followParent = v as Role;
                })
              }
            >
              <Space>
                {(['father', 'mother'] as const)
                  .filter((r) => r === 'mother' || me.father)
                  .map((r) => (
                    <Radio key={r} value={r}>
                      {r === 'mother' ? t('随母亲', 'Mother') : t('随父亲', 'Father')}
                    </Radio>
                  ))}
              </Space>
            </Radio.Group>
          </Field>
        </List>
      </Card>
      {!e ? (
        <p className="muted">{t('正在预审…', 'Pre-reviewing…')}</p>
      ) : (
        <>
          <Card
            title={
              e.eligible
                ? t('预审通过，可以申请', 'You can apply')
                : t('暂不能通过线上办理', 'This cannot be done online')
            }
            data-testid={e.eligible ? 'eligible' : 'refused'}
          >
            {e.scenario.name && (
              <p>
                <Tag color="primary">{t(e.scenario.name)}</Tag>{' '}
                <span className="muted">
                  {e.scenario.detectedFromRegistries
                    ? t('已根据共享数据自动识别', 'detected from the shared data')
                    : ''}
                </span>
              </p>
            )}
            {refused.map((f) => (
              <div key={f.ruleId} className="refusal" data-testid="refusal" style={{ marginBottom: 12 }}>
                <div>
                  <CloseCircleFill color="#b00020" aria-hidden />{' '}
                  <strong>{t(f.reason ?? f.requirement)}</strong>
                </div>
                {f.remedy && (
                  <div style={{ marginTop: 4 }}>
                    {t('您可以：', 'What you can do: ')}
                    {t(f.remedy.text)}
                  </div>
                )}
                <Clause policy={policy} citation={f.citation} />
              </div>
            ))}
            {!e.eligible && policy.hotlines.length > 0 && (
              <>
                <p className="muted">{t('咨询电话', 'Hotlines')}</p>
                <Hotlines policy={policy} />
              </>
            )}
            {advice.map((f) => (
              <div key={f.ruleId} style={{ marginBottom: 8 }}>
                <ExclamationCircleFill color="#ad6800" aria-hidden /> {t(f.reason ?? f.requirement)}
                <Clause policy={policy} citation={f.citation} />
              </div>
            ))}
          </Card>
          <Card
            title={t(`已满足的条件（${passed.length}）`, `Conditions met (${passed.length})`)}
            style={{ marginTop: 8 }}
          >
            <List>
              {passed.map((f) => (
                <List.Item
                  key={f.ruleId}
                  prefix={<CheckCircleFill color="#00864e" aria-hidden />}
                  description={<Clause policy={policy} citation={f.citation} />}
                >
                  {t(f.requirement)}
                </List.Item>
              ))}
            </List>
          </Card>
        </>
      )}
    </>
  );
}

/** An item's own deadline; one bounded only by the case's promise, or with none, shows nothing here. */
export function ownDeadlineText(d: Deadline, t: ReturnType<typeof useT>): string {
  if (d.status !== 'scheduled' || d.basis !== 'own-limit') return '';
  return t(`最迟 ${d.local}`, `by ${d.local}`) + (d.provisional ? t(PROVISIONAL_DEADLINE_LABELS.mark) : '');
}

/**
 * The deadline the whole case carries, said once: the promise, or where the documents set no
 * limit, that they set none (rather than the same sentence on every item).
 */
export function CasePromise({ deadline, anyOwn }: { deadline: Deadline | null; anyOwn: boolean }) {
  const t = useT();
  if (deadline?.status === 'scheduled') {
    return (
      <p className="muted" data-testid="case-promise">
        {t(
          `整体承诺：最迟 ${deadline.local} 全部办结`,
          `Promised for the whole case: all done by ${deadline.local}`,
        )}
        <ProvisionalMark on={deadline.provisional} />
      </p>
    );
  }
  if (deadline)
    return (
      <p className="muted" data-testid="case-promise">
        {t(deadline.reason)}
      </p>
    );
  return anyOwn ? null : (
    <p className="muted" data-testid="case-promise">
      {t('本地区文件未规定各事项的办理时限', "This region's documents set no time limit for the items")}
    </p>
  );
}

/** Packages or items, as the region offers them; mandatory items are preselected and locked. */
export function ItemsStep({
  policy,
  draft,
  update,
  preview,
}: {
  policy: Policy;
  draft: Draft;
  update: Update;
  preview: Preview;
}) {
  const t = useT();
  const mandatory = new Set(policy.mandatory?.items ?? []);
  const itemName = (id: string) => t(policy.items.find((i) => i.id === id)?.name ?? { zh: '', en: '' });
  const chosen = new Set(draft.choices.items ?? policy.items.map((i) => i.id));
  const e = preview.evaluation;
  const LEFT_OUT = {
    'not-chosen': ['未选择', 'not chosen'],
    scenario: ['本情形无需办理', 'not needed in this scenario'],
    rule: ['不符合条件', 'conditions not met'],
    'depends-on-left-out': ['前置事项未办理', 'depends on an item left out'],
  } as const;
  return (
    <>
      {policy.packages.length > 0 ? (
        <Card title={t('选择套餐', 'Choose a package')}>
          <Radio.Group
            value={draft.choices.packageId ?? ''}
            onChange={(v) =>
              update((d) => {
                d.choices.packageId = String(v) || undefined;
                delete d.choices.items;
              })
            }
          >
            <Space direction="vertical">
              {policy.packages.map((p) => (
                <Radio key={p.id} value={p.id}>
                  {t(p.name)}
                  <div className="muted">{p.items.map(itemName).join('、')}</div>
                </Radio>
              ))}
              <Radio value="">{t('全部事项', 'Every item')}</Radio>
            </Space>
          </Radio.Group>
          <Clause policy={policy} citation={policy.packages[0]!.citation} />
        </Card>
      ) : (
        <Card title={t('选择办理事项', 'Choose the items')}>
          <Space direction="vertical">
            {policy.items.map((i) => (
              <Checkbox
                key={i.id}
                checked={mandatory.has(i.id) || chosen.has(i.id)}
                disabled={mandatory.has(i.id)}
                onChange={(on) =>
                  update((d) => {
                    const set = new Set(d.choices.items ?? policy.items.map((x) => x.id));
                    if (on) set.add(i.id);
                    else set.delete(i.id);
                    d.choices.items = policy.items.map((x) => x.id).filter((x) => set.has(x));
                  })
                }
              >
                {t(i.name)}{' '}
                {mandatory.has(i.id) && (
                  <Tag color="danger" fill="outline">
                    {t('必办', 'Required')}
                  </Tag>
                )}
              </Checkbox>
            ))}
          </Space>
          {policy.mandatory && <Clause policy={policy} citation={policy.mandatory.citation} />}
        </Card>
      )}
      <Card title={t('办理计划', 'The plan')} style={{ marginTop: 8 }}>
        {e.eligible ? (
          <List>
            {e.plan.map((p) => (
              <List.Item
                key={p.id}
                description={ownDeadlineText(p.deadline, t)}
                extra={p.why === 'dependency' ? <Tag>{t('前置', 'needed first')}</Tag> : null}
              >
                {t(p.name)}
              </List.Item>
            ))}
          </List>
        ) : (
          <p role="alert" style={{ color: '#b00020' }}>
            {t(
              '当前选择无法办理，请查看“资格”一步的说明',
              'These choices cannot be processed; see the Eligibility step',
            )}
          </p>
        )}
        {e.services.length > 0 && (
          <p className="muted" data-testid="plan-services">
            {t('服务事项（不派发、不计时）：', 'Services along the way (not sent, not timed): ')}
            {e.services.map((x) => t(x.name)).join(t('、', ', '))}
          </p>
        )}
        <ProvisionalNote
          on={[...e.plan.map((p) => p.deadline), e.deadlines.promised].some(
            (d) => d?.status === 'scheduled' && d.provisional,
          )}
        />
        <CasePromise
          deadline={e.deadlines.promised}
          anyOwn={e.plan.some((p) => p.deadline.status === 'scheduled' && p.deadline.basis === 'own-limit')}
        />
        {e.leftOut
          .filter((l) => l.reason !== 'not-chosen')
          .map((l) => (
            <p key={l.id} className="muted">
              {itemName(l.id)}：
              {t(
                LEFT_OUT[l.reason as keyof typeof LEFT_OUT][0],
                LEFT_OUT[l.reason as keyof typeof LEFT_OUT][1],
              )}
            </p>
          ))}
      </Card>
    </>
  );
}
