import { Button, Card, List, Tag } from 'antd-mobile';
import { useState } from 'react';
import { api, type ApiError } from '../../api.ts';
import { ApiErrorNotice } from '../../components/ErrorBlock.tsx';
import { ProvisionalMark } from '../../components/Provisional.tsx';
import { formatTime } from '../../hooks.ts';
import { useT } from '../../i18n.tsx';
import type { CaseState } from '../../types.ts';

type Props = { state: CaseState; onChange: (next: CaseState) => void };

/**
 * What the family itself must do by a date, once an item is done: Gansu's visit to the police
 * station within 3 working days, Zibo's premium from 3 working days to 6 months after enrollment.
 */
export function FamilyTasks({ state, onChange }: Props) {
  const t = useT();
  const [error, setError] = useState<ApiError | null>(null);
  const tasks = state.familyDeadlines ?? [];
  if (!tasks.length) return null;
  const done = async (id: string) => {
    try {
      setError(null);
      onChange(await api.post<CaseState>(`/api/citizen/cases/${state.id}/family-deadlines/${id}/done`, {}));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Card title={t('需要您办理', 'For you to do')} style={{ marginTop: 8 }} data-testid="family-tasks">
      <List>
        {tasks.map((f) => (
          <List.Item
            key={f.id}
            description={
              <>
                {f.opensAt && (
                  <div>
                    {t('可办理时间：', 'From: ')}
                    {formatTime(f.opensAt)}
                  </div>
                )}
                {f.due && (
                  <div>
                    {t('截止：', 'By: ')}
                    {formatTime(f.due)}
                    <ProvisionalMark on={f.dueProvisional} />
                  </div>
                )}
              </>
            }
            extra={
              f.metAt ? (
                <Tag color="success">{t('已办理', 'Done')}</Tag>
              ) : (
                <Button size="small" color="primary" fill="outline" onClick={() => void done(f.id)}>
                  {t('我已办理', 'I have done it')}
                </Button>
              )
            }
          >
            {t(f.task)}
            {f.overdue && !f.metAt && (
              <Tag color="danger" style={{ marginLeft: 6 }}>
                {t('已超期', 'Overdue')}
              </Tag>
            )}
          </List.Item>
        ))}
      </List>
      {error && <ApiErrorNotice error={error} />}
    </Card>
  );
}

/** 服务事项: what the family may use along the way; not sent to a department, not timed. */
export function Services({ state }: { state: CaseState }) {
  const t = useT();
  const services = state.terms?.services ?? [];
  if (!services.length) return null;
  return (
    <Card title={t('可享受的服务', 'Services along the way')} style={{ marginTop: 8 }} data-testid="services">
      <p className="muted">
        {t(
          '以下为服务事项，不派发给部门、不计办理时限，可在办理过程中向相关机构申请。',
          'These services are not sent to a department and have no time limit; ask the institution for them along the way.',
        )}
      </p>
      <List>
        {services.map((s) => (
          <List.Item key={s.id}>{t(s.name)}</List.Item>
        ))}
      </List>
    </Card>
  );
}
