import { Button, Card, Descriptions, Form, Input, Radio, Tag } from 'antd';
import { DivisionPicker } from '../../citizen/src/components/DivisionPicker.tsx';
import { formatTime } from '../../citizen/src/hooks.ts';
import type { z } from 'zod';
import { useT } from '../../citizen/src/i18n.tsx';
import { FIELD_VALUE_LABELS } from '../../citizen/src/status.ts';
import type { WindowFamily as Family } from '../../../src/contract/staff.ts';
import type { Application as ParentsApplication } from '../../../src/http/routes/citizen/schemas.ts';

/** The family at the counter, and what the clerk fills in that no registry holds. */

/**
 * The clerk's application as the window routes read it (their WindowApplication: the parents'
 * application for the mother, who is always the applicant), with its defaults filled in.
 */
export type Application = Omit<z.output<typeof ParentsApplication>, 'applicantRole'>;
export type { Family };

export function FamilyForm({
  family,
  app,
  setApp,
  onReview,
}: {
  family: Family;
  app: Application;
  setApp: (a: Application) => void;
  onReview: () => void;
}) {
  const t = useT();
  return (
    <Card title={`${family.mother.name} · ${t(family.hospital)}`} data-testid="window-family">
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('父亲', 'Father')}>{family.father?.name ?? '—'}</Descriptions.Item>
        {family.babies.map((b) => (
          <Descriptions.Item
            key={b.birthOrder}
            label={t(`第 ${b.birthOrder} 个宝宝`, `Baby ${b.birthOrder}`)}
          >
            {t(FIELD_VALUE_LABELS[b.sex] ?? { zh: '', en: '' })} · {formatTime(b.bornAt)}
            {b.caseId && (
              <Tag style={{ marginLeft: 8 }}>{t(`已有办件 ${b.caseId}`, `Has case ${b.caseId}`)}</Tag>
            )}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Form layout="inline" style={{ rowGap: 12 }}>
        {family.babies.length > 1 && (
          <Form.Item label={t('宝宝', 'Baby')}>
            <Radio.Group
              value={app.baby.birthOrder}
              onChange={(e) =>
                setApp({ ...app, baby: { ...app.baby, birthOrder: e.target.value as number } })
              }
              options={family.babies.map((b) => ({ value: b.birthOrder, label: String(b.birthOrder) }))}
            />
          </Form.Item>
        )}
        {/* The fields keep no form names (the application lives in state): each label names its input by id. */}
        <Form.Item label={t('宝宝的姓', "Baby's surname")} htmlFor="window-surname">
          <Input
            id="window-surname"
            data-testid="window-surname"
            value={app.baby.surname}
            onChange={(e) => setApp({ ...app, baby: { ...app.baby, surname: e.target.value } })}
          />
        </Form.Item>
        <Form.Item label={t('宝宝的名', "Baby's given name")} htmlFor="window-given-name">
          <Input
            id="window-given-name"
            data-testid="window-given-name"
            value={app.baby.givenName}
            onChange={(e) => setApp({ ...app, baby: { ...app.baby, givenName: e.target.value } })}
          />
        </Form.Item>
        <Form.Item label={t('随父 / 随母落户', 'Registered with')}>
          <Radio.Group
            value={app.choices.followParent}
            onChange={(e) =>
              setApp({ ...app, choices: { followParent: e.target.value as 'mother' | 'father' } })
            }
            options={(['father', 'mother'] as const).map((r) => ({
              value: r,
              label: t(FIELD_VALUE_LABELS[r]!),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('手机号码', 'Mobile')} htmlFor="window-phone">
          <Input
            id="window-phone"
            data-testid="window-phone"
            value={app.contact.phone ?? ''}
            onChange={(e) => setApp({ ...app, contact: { ...app.contact, phone: e.target.value } })}
          />
        </Form.Item>
      </Form>
      <div style={{ display: 'flex', gap: 16, marginTop: 12, maxWidth: 800 }}>
        <div style={{ flex: 1 }}>
          <DivisionPicker
            label={t('收件地址所在区县', 'County of the mailing address')}
            testId="window-mailing-division"
            value={app.contact.mailingAddress?.divisionCode ?? null}
            onChange={(code) =>
              setApp({
                ...app,
                contact: {
                  ...app.contact,
                  mailingAddress: { detail: '', ...app.contact.mailingAddress, divisionCode: code },
                },
              })
            }
          />
        </div>
        <Input
          style={{ flex: 1, alignSelf: 'end' }}
          data-testid="window-mailing-detail"
          aria-label={t('收件详细地址', 'Mailing address: street and number')}
          placeholder={t('详细地址', 'Street and number')}
          value={app.contact.mailingAddress?.detail ?? ''}
          onChange={(e) =>
            setApp({
              ...app,
              contact: {
                ...app.contact,
                mailingAddress: {
                  divisionCode: app.contact.mailingAddress?.divisionCode ?? '',
                  detail: e.target.value,
                },
              },
            })
          }
        />
      </div>
      <Button type="primary" style={{ marginTop: 16 }} onClick={onReview} data-testid="window-preview">
        {t('预审', 'Pre-review')}
      </Button>
    </Card>
  );
}
