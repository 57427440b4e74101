import { Card, ProgressBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, follow } from '../../api.ts';
import { ApiErrorNotice, Loading } from '../../components/ErrorBlock.tsx';
import { Hotlines } from '../../components/Hotlines.tsx';
import { formatTime, useApi, usePolicy } from '../../hooks.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useT } from '../../i18n.tsx';
import type { AppliedAtWindow, CaseItem, CaseState } from '../../types.ts';
import { FamilyTasks, Services } from './FamilyTasks.tsx';
import { ItemCard } from './ItemCard.tsx';
import { ProvisionalMark, ProvisionalNote, recountText } from '../../components/Provisional.tsx';

/**
 * One case: progress, then each item with its status colour, who holds it, its deadline, its
 * timeline, its parcels and what the family can do on it. The page follows the case live: a
 * department's decision shows without a refresh.
 */
export function CaseDetail() {
  const t = useT();
  const { caseId } = useParams() as { caseId: string };
  const loaded = useApi<CaseState>(`/api/citizen/cases/${caseId}`);
  // A case a hospital's joint window applied for says so (staff/window.ts).
  const counter = useApi<AppliedAtWindow>(`/api/citizen/cases/${caseId}/window`);
  const [live, setLive] = useState<CaseState | null>(null);
  useEffect(() => follow<CaseState>(`/api/citizen/cases/${caseId}/live`, setLive), [caseId]);
  const c = live && (!loaded.data || live.version >= loaded.data.version) ? live : loaded.data;
  const policy = usePolicy(c?.region);
  if (loaded.error && !c) return <ApiErrorNotice error={loaded.error} />;
  if (!c || !policy) return <Loading />;
  const items = policy.items.map((i) => c.items[i.id]).filter((i): i is CaseItem => !!i);
  const finished = items.filter(
    (i) => i.status === 'done' || i.status === 'rejected' || i.status === 'cancelled',
  ).length;
  // Where no item has a limit of its own, the case's promise is said once, here, not on every item.
  const ownLimits = items.some((i) => i.sla !== null);
  return (
    <>
      <Card
        title={`${c.babyName} · ${c.id}`}
        extra={<StatusTag kind="case" status={c.status} testId="case-status" />}
      >
        <div className="row" style={{ alignItems: 'center' }}>
          <span className="progress" data-testid="progress">
            {t(`已办结 ${finished}/${items.length}`, `${finished}/${items.length} finished`)}
          </span>
          <span className="muted">{t('进度实时更新', 'Updates live')}</span>
        </div>
        <ProgressBar percent={(finished / Math.max(items.length, 1)) * 100} style={{ margin: '6px 0' }} />
        <p className="muted">
          {t('提交于', 'Submitted')} {formatTime(c.submittedAt)}
        </p>
        {counter.data?.window && (
          <p className="muted" data-testid="applied-at-window">
            {t(
              `由${counter.data.window.organisation.zh}联办窗口代为申请`,
              `Applied for at the joint window of ${counter.data.window.organisation.en}`,
            )}
          </p>
        )}
        <p className="muted" data-testid="case-promise">
          {c.promisedDeadline
            ? [
                t(
                  `承诺 ${formatTime(c.promisedDeadline)} 前全部办结`,
                  `Promised: all done by ${formatTime(c.promisedDeadline)}`,
                ),
                <ProvisionalMark key="mark" on={c.promisedDeadlineProvisional} />,
              ]
            : ownLimits
              ? ''
              : t(
                  '本地区文件未规定各事项的办理时限',
                  "This region's documents set no time limit for the items",
                )}
        </p>
        {c.promiseRecomputed && (
          <p className="muted" data-testid="promise-recomputed">
            {recountText(t, c.promiseRecomputed, c.promiseRecomputed.source)}
          </p>
        )}
        <ProvisionalNote
          on={
            !!c.promisedDeadlineProvisional ||
            items.some(
              (i) =>
                i.status !== 'done' &&
                i.status !== 'cancelled' &&
                (i.deadlineProvisional || i.plannedDeadlineProvisional),
            )
          }
        />
        <div className="row">
          <Link to={`/cases/${caseId}/shared-fields`}>
            {t('各部门收到的信息', 'What each department received')}
          </Link>
          <Link to={`/cases/${caseId}/who-saw`} data-testid="go-who-saw">
            {t('谁查看了我的信息', 'Who saw my data')}
          </Link>
          <a
            href="#"
            onClick={(e) => {
              e.preventDefault();
              void api
                .blob(`/api/citizen/cases/${caseId}/application.pdf`)
                .then((b) => window.open(URL.createObjectURL(b)));
            }}
          >
            {t('已签名的申请表', 'The signed form')}
          </a>
        </div>
      </Card>
      {/* What the family itself must do comes first: it is the one thing waiting on them. */}
      <FamilyTasks state={c} onChange={setLive} />
      {items.map((item) => (
        <ItemCard key={item.id} state={c} item={item} policy={policy} onChange={setLive} />
      ))}
      <Services state={c} />
      <Card title={t('咨询电话', 'Hotlines')} style={{ marginTop: 8 }}>
        <Hotlines policy={policy} />
      </Card>
    </>
  );
}
