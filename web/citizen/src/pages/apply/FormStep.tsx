import { Card, Checkbox, Input, List, Radio, Space } from 'antd-mobile';
import { fieldOf, type ApiError } from '../../api.ts';
import { DivisionPicker, divisionName, useDivisions } from '../../components/DivisionPicker.tsx';
import { Field } from '../../components/Field.tsx';
import { MaskedId } from '../../components/MaskedId.tsx';
import { formatTime } from '../../hooks.ts';
import { useT, type Bilingual } from '../../i18n.tsx';
import type { Me, Policy, Preview, Role } from '../../types.ts';
import { bornAtError, phoneError } from '../../validation.ts';
import type { Draft } from './draft.ts';

type Update = (change: (d: Draft) => void) => void;

/**
 * The one form (一表申请), filled in from the shared data; each field shows where its value came
 * from. The parent types only what no registry holds and chooses what is theirs to choose.
 */
export function FormStep({
  policy,
  me,
  draft,
  update,
  preview,
  error,
}: {
  policy: Policy;
  me: Me;
  draft: Draft;
  update: Update;
  preview: Preview;
  error: ApiError | null;
}) {
  const t = useT();
  const tree = useDivisions();
  const f = preview.form;
  // The server's own field errors, placed on the field they name.
  const serverError = (field: string): Bilingual | null => {
    const issue =
      error?.issues.find((i) => fieldOf(i) === field) ??
      (error && fieldOf(error) === field ? { message: error.text } : null);
    return issue?.message ?? null;
  };
  const role = (r: Role | string) => (r === 'mother' ? t('母亲', 'Mother') : t('父亲', 'Father'));
  const mailItems = preview.evaluation.plan.filter((p) => p.delivery && p.delivery.options.length > 0);
  const anyMail = preview.evaluation.plan.some((p) => p.delivery?.chosen === 'mail');
  const applicant = draft.applicantRole === 'mother' ? me.mother : me.father;
  const hasDelivery = me.delivery !== null;
  const ins = preview.evaluation.insurance;
  const years = draft.choices.insuranceYears ?? ['current'];
  // Mail goes by default to the county of the registering parent's hukou, where the region allows it.
  const hukou = f?.registering.hukouDivisionCode ?? null;
  const suggestedDivision =
    hukou && (!policy.recipient?.mailWithin || policy.recipient.mailWithin.some((w) => hukou.startsWith(w)))
      ? hukou
      : null;
  const mailingDivision = draft.contact.mailingAddress?.divisionCode || suggestedDivision;

  return (
    <>
      <Card title={t('新生儿', 'The baby')}>
        <List>
          <Field label={t('姓名', 'Name')} source="typed">
            {draft.baby.surname}
            {draft.baby.givenName}
          </Field>
          {hasDelivery && f ? (
            <>
              <Field label={t('性别', 'Sex')} source="delivery-record">
                {f.baby.sex === 'male' ? t('男', 'Male') : t('女', 'Female')}
              </Field>
              <Field label={t('出生时间', 'Born')} source="delivery-record">
                {formatTime(f.baby.bornAt)}
              </Field>
              <Field label={t('出生地点', 'Place of birth')} source="delivery-record">
                {f.baby.birthPlace.institutionName} {divisionName(tree, f.baby.birthPlace.divisionCode)}
              </Field>
            </>
          ) : (
            <>
              <Field label={t('性别', 'Sex')} source="typed" error={serverError('baby.sex')}>
                <Radio.Group
                  value={draft.baby.sex}
                  onChange={(v) =>
                    update((d) => {
                      d.baby.sex = v as 'male' | 'female';
                    })
                  }
                >
                  <Space>
                    <Radio value="male">{t('男', 'Male')}</Radio>
                    <Radio value="female">{t('女', 'Female')}</Radio>
                  </Space>
                </Radio.Group>
              </Field>
              <Field
                label={t('出生时间', 'Born')}
                source="typed"
                error={
                  draft.baby.bornAt ? bornAtError(draft.baby.bornAt, new Date()) : serverError('baby.bornAt')
                }
              >
                <input
                  type="datetime-local"
                  aria-label={t('出生时间', 'Born')}
                  value={draft.baby.bornAt ?? ''}
                  onChange={(e) =>
                    update((d) => {
                      d.baby.bornAt = e.target.value;
                    })
                  }
                  style={{ width: '100%', fontSize: 16 }}
                />
              </Field>
              <Field
                label={t('出生地点', 'Place of birth')}
                source="typed"
                error={serverError('baby.birthPlace')}
              >
                <DivisionPicker
                  label={t('出生地点', 'Place of birth')}
                  testId="birth-place"
                  value={draft.baby.birthPlace?.divisionCode ?? null}
                  onChange={(code) =>
                    update((d) => {
                      d.baby.birthPlace = { kind: d.baby.birthPlace?.kind ?? 'home', divisionCode: code };
                    })
                  }
                />
              </Field>
            </>
          )}
        </List>
      </Card>

      {f && (
        <Card title={t('父母', 'The parents')} style={{ marginTop: 8 }}>
          <List>
            <Field
              label={t('母亲', 'Mother')}
              source={draft.applicantRole === 'mother' ? 'identity' : 'marriage-registry'}
            >
              {f.mother.name} · <MaskedId id={f.mother.idNumber} owner={draft.applicantRole === 'mother'} />
            </Field>
            {f.father && (
              <Field
                label={t('父亲', 'Father')}
                source={draft.applicantRole === 'father' ? 'identity' : 'marriage-registry'}
              >
                {f.father.name} · <MaskedId id={f.father.idNumber} owner={draft.applicantRole === 'father'} />
              </Field>
            )}
            {f.marriage && (
              <Field label={t('结婚登记日期', 'Marriage registered')} source="marriage-registry">
                {f.marriage.registeredOn}
              </Field>
            )}
            {applicant?.phone ? (
              <Field label={t('手机号码', 'Mobile')} source="hukou-registry">
                {applicant.phone}
              </Field>
            ) : (
              <Field
                label={t('手机号码', 'Mobile')}
                source="typed"
                error={draft.contact.phone ? phoneError(draft.contact.phone) : serverError('contact.phone')}
              >
                <Input
                  aria-label={t('手机号码', 'Mobile')}
                  type="tel"
                  value={draft.contact.phone ?? ''}
                  onChange={(v) =>
                    update((d) => {
                      d.contact.phone = v.trim() || undefined;
                    })
                  }
                  maxLength={11}
                  data-testid="phone"
                />
              </Field>
            )}
          </List>
        </Card>
      )}

      <Card title={t('落户', 'Hukou registration')} style={{ marginTop: 8 }}>
        <List>
          <Field label={t('随父 / 随母落户', 'Registered with')} source="chosen">
            {role(draft.choices.followParent)}
          </Field>
          {f?.registering.hukouDivisionCode && (
            <Field label={t('落户地', 'Registered in')} source="hukou-registry">
              {divisionName(tree, f.registering.hukouDivisionCode)}
            </Field>
          )}
        </List>
      </Card>

      {ins.stated && preview.evaluation.plan.some((p) => p.id === 'insurance-enrollment') && (
        <Card title={t('医保参保', 'Medical insurance')} style={{ marginTop: 8 }}>
          <List>
            {ins.yearsOffered.includes('next') && (
              <Field label={t('参保年度', 'Insurance years')} source="chosen">
                <Checkbox
                  checked={years.includes('next')}
                  data-testid="insurance-next"
                  onChange={(on) =>
                    update((d) => {
                      d.choices.insuranceYears = on ? ['current', 'next'] : ['current'];
                    })
                  }
                >
                  {t('同时参加下一年度', 'Also enroll for next year')}
                </Checkbox>
              </Field>
            )}
            {ins.coverage.map((c) => (
              <Field
                key={c.insuranceYear}
                label={t(`${c.year} 年度待遇期`, `Covered in ${c.year}`)}
                source="platform"
              >
                {c.start} — {c.end}
              </Field>
            ))}
            <Field label={t('缴费期限', 'Pay by')} source="platform">
              {t(
                `${ins.windowEnds} 前缴费，待遇自出生之日起`,
                `pay by ${ins.windowEnds} for cover from the birth day`,
              )}
            </Field>
            {ins.warnings.map((w, i) => (
              <List.Item key={i} data-testid="insurance-warning">
                <span style={{ color: 'var(--adm-color-warning)' }}>{t(w.text)}</span>
              </List.Item>
            ))}
          </List>
        </Card>
      )}

      {mailItems.length > 0 && (
        <Card title={t('证件领取方式', 'How you receive the documents')} style={{ marginTop: 8 }}>
          <List>
            {mailItems.map((p) => (
              <Field key={p.id} label={t(p.name)} source="chosen">
                <Radio.Group
                  value={p.delivery!.chosen ?? undefined}
                  onChange={(v) =>
                    update((d) => {
                      d.choices.delivery[p.id] = v as 'mail' | 'pickup';
                    })
                  }
                >
                  <Space direction="vertical">
                    {p.delivery!.options.map((o) => (
                      <Radio key={o.kind} value={o.kind} data-testid={`delivery-${p.id}-${o.kind}`}>
                        {o.kind === 'mail' ? t('邮寄', 'Mail') : t('自取', 'Pick up')}
                        {o.kind === 'mail' && o.fee === 'free' ? t('（免费）', ' (free)') : ''}
                        {o.kind === 'mail' && o.fee === 'paid-by-applicant'
                          ? t('（到付）', ' (you pay on delivery)')
                          : ''}
                        {o.kind === 'mail' && o.twoWay
                          ? t('，需先寄出户口簿', '; you first post the hukou book')
                          : ''}
                        {o.kind === 'pickup' && <div className="muted">{t(o.place)}</div>}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Field>
            ))}
            {anyMail && policy.recipient && policy.recipient.allowed.length > 1 && (
              <Field label={t('收件人', 'Recipient')} source="chosen">
                <Radio.Group
                  value={draft.choices.recipient ?? draft.applicantRole}
                  onChange={(v) =>
                    update((d) => {
                      d.choices.recipient = v as Role;
                    })
                  }
                >
                  <Space>
                    {policy.recipient.allowed.map((r) => (
                      <Radio key={r} value={r}>
                        {role(r)}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Field>
            )}
            {anyMail && (
              <Field
                label={t('收件地址', 'Mailing address')}
                source={
                  draft.contact.mailingAddress?.divisionCode &&
                  draft.contact.mailingAddress.divisionCode !== suggestedDivision
                    ? 'typed'
                    : 'hukou-registry'
                }
                error={
                  serverError('contact.mailingAddress.divisionCode') ?? serverError('contact.mailingAddress')
                }
              >
                <DivisionPicker
                  label={t('收件地址所在区县', 'County of the mailing address')}
                  testId="mailing-division"
                  within={policy.recipient?.mailWithin}
                  value={mailingDivision}
                  onChange={(code) =>
                    update((d) => {
                      d.contact.mailingAddress = {
                        divisionCode: code,
                        detail: d.contact.mailingAddress?.detail ?? '',
                      };
                    })
                  }
                />
                <Input
                  aria-label={t('详细地址', 'Street and number')}
                  placeholder={t('街道、门牌号', 'Street and number')}
                  value={draft.contact.mailingAddress?.detail ?? ''}
                  onChange={(v) =>
                    update((d) => {
                      d.contact.mailingAddress = {
                        divisionCode: d.contact.mailingAddress?.divisionCode || mailingDivision || '',
                        detail: v,
                      };
                    })
                  }
                  data-testid="mailing-detail"
                  style={{ marginTop: 6 }}
                />
              </Field>
            )}
          </List>
        </Card>
      )}
    </>
  );
}
