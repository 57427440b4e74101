import { Button, Card, Collapse, Steps, Tag, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, type ApiError } from '../api.ts';
import { ApiErrorNotice, Loading } from '../components/ErrorBlock.tsx';
import { formatTime, useApi, usePolicy } from '../hooks.ts';
import { useLang, useT } from '../i18n.tsx';
import { CASE_STATUS, DEPARTMENT, EVENT, HOLDER, ITEM_STATUS, OUTPUT, OUTPUT_VALUE } from '../status.ts';
import type { CaseItem, CaseState } from '../types.ts';

/**
 * One case: each item with its status colour, who holds it, its deadline, its timeline and its
 * parcels. A supplement request is answered here, and a finished item is rated here.
 */
export function CaseDetail() {
  const t = useT();
  const { lang } = useLang();
  const { caseId } = useParams() as { caseId: string };
  const c = useApi<CaseState>(`/api/citizen/cases/${caseId}`);
  const policy = usePolicy(c.data?.region);
  if (c.error) return <ApiErrorNotice error={c.error} />;
  if (!c.data || !policy) return <Loading />;
  const s = CASE_STATUS[c.data.status]!;
  const items = policy.items.map((i) => c.data!.items[i.id]).filter((i): i is CaseItem => !!i);
  return (
    <>
      <Card
        title={`${c.data.babyName} · ${c.data.id}`}
        extra={
          <Tag
            style={
              {
                '--background-color': s.color,
                '--border-color': s.color,
                '--text-color': '#fff',
              } as React.CSSProperties
            }
            data-testid="case-status"
          >
            {t(s.text)}
          </Tag>
        }
      >
        <p className="muted">
          {t('提交于', 'Submitted')} {formatTime(c.data.submittedAt, lang)}
          {c.data.promisedDeadline
            ? ` · ${t('承诺办结', 'promised by')} ${formatTime(c.data.promisedDeadline, lang)}`
            : ''}
        </p>
        <div className="row">
          <Button size="small" onClick={() => void c.reload()} data-testid="refresh">
            {t('刷新', 'Refresh')}
          </Button>
          <Link to={`/cases/${caseId}/shared-fields`}>
            {t('各部门收到的信息', 'What each department received')}
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
            {t('申请表 PDF', 'Form PDF')}
          </a>
        </div>
      </Card>
      {items.map((item) => (
        <ItemCard
          key={item.id}
          caseId={caseId}
          item={item}
          name={t(policy.items.find((p) => p.id === item.id)!.name)}
          onChange={() => void c.reload()}
        />
      ))}
    </>
  );
}

function ItemCard({
  caseId,
  item,
  name,
  onChange,
}: {
  caseId: string;
  item: CaseItem;
  name: string;
  onChange: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const st = ITEM_STATUS[item.status]!;
  const [note, setNote] = useState('');
  const [score, setScore] = useState(5);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const act = async (path: string, body: unknown) => {
    try {
      setError(null);
      await api.post(`/api/citizen/cases/${caseId}/items/${item.id}/${path}`, body);
      onChange();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Card
      style={{ marginTop: 8, borderLeft: `4px solid ${st.color}` }}
      title={name}
      extra={
        <Tag
          style={
            {
              '--background-color': st.color,
              '--border-color': st.color,
              '--text-color': '#fff',
            } as React.CSSProperties
          }
        >
          {t(st.text)}
        </Tag>
      }
      data-testid={`item-${item.id}`}
      data-status={item.status}
    >
      <div className="muted">
        {t(DEPARTMENT[item.department] ?? { zh: item.department, en: item.department })}
        {item.holder && ` · ${t(HOLDER[item.holder]!)}`}
        {item.deadline && ` · ${t('时限', 'due')} ${formatTime(item.deadline, lang)}`}
        {item.overdue && (
          <Tag color="danger" style={{ marginLeft: 4 }}>
            {t('已超时', 'Overdue')}
          </Tag>
        )}
      </div>
      {Object.entries(item.outputs).length > 0 && (
        <div style={{ marginTop: 6 }}>
          {Object.entries(item.outputs).map(([k, v]) => (
            <div key={k} className="value">
              <span className="muted">{t(OUTPUT[k] ?? { zh: k, en: k })}</span>{' '}
              {OUTPUT_VALUE[v] ? t(OUTPUT_VALUE[v]) : v}
            </div>
          ))}
        </div>
      )}
      {item.reason && (
        <div role="alert" style={{ color: '#b00020', marginTop: 6 }}>
          {t(item.reason)}
        </div>
      )}
      {item.status === 'supplement-requested' && item.supplement && (
        <div style={{ marginTop: 8 }} data-testid="supplement">
          <div role="alert" style={{ color: '#ad4e00' }}>
            {t(item.supplement.message)}
          </div>
          <TextArea
            aria-label={t('补件说明', 'Your answer')}
            placeholder={t('补充说明（可选）', 'A note (optional)')}
            value={note}
            onChange={setNote}
            maxLength={500}
            rows={2}
            data-testid="supplement-note"
          />
          <Button
            color="primary"
            size="small"
            onClick={() => void act('supplement', { note })}
            data-testid="supplement-send"
          >
            {t('提交补件', 'Send')}
          </Button>
        </div>
      )}
      {item.status === 'done' && !item.rating && (
        <div style={{ marginTop: 8 }} data-testid="rating">
          <div className="muted">{t('请评价本事项（好差评）', 'Rate this item')}</div>
          <div
            role="radiogroup"
            aria-label={t('评分', 'Score')}
            style={{ display: 'flex', gap: 4, margin: '4px 0' }}
          >
            {[1, 2, 3, 4, 5].map((n) => (
              <button
                key={n}
                type="button"
                role="radio"
                aria-checked={score === n}
                aria-label={t(`${n} 星`, `${n} star${n > 1 ? 's' : ''}`)}
                onClick={() => setScore(n)}
                style={{
                  fontSize: 28,
                  lineHeight: 1,
                  border: 'none',
                  background: 'none',
                  color: n <= score ? '#ad6800' : '#8c8c8c',
                  padding: 2,
                  cursor: 'pointer',
                }}
              >
                {n <= score ? '★' : '☆'}
              </button>
            ))}
          </div>
          <TextArea
            aria-label={t('评价内容', 'Comment')}
            placeholder={t('评价内容（可选）', 'Comment (optional)')}
            value={comment}
            onChange={setComment}
            maxLength={500}
            rows={2}
            data-testid="rating-comment"
          />
          <Button
            size="small"
            color="primary"
            onClick={() => void act('rating', { score, comment })}
            data-testid="rating-send"
          >
            {t('提交评价', 'Rate')}
          </Button>
        </div>
      )}
      {item.rating && (
        <div style={{ marginTop: 6 }} data-testid="rated">
          {t('您的评价', 'Your rating')}: {'★'.repeat(item.rating.score)}
          {'☆'.repeat(5 - item.rating.score)} {item.rating.comment}
        </div>
      )}
      <ApiErrorNotice error={error} />
      <Collapse>
        <Collapse.Panel key="timeline" title={t('办理过程', 'Timeline')}>
          <Steps direction="vertical">
            {item.timeline.map((e, i) => (
              <Steps.Step
                key={i}
                status="finish"
                title={t(EVENT[e.type] ?? { zh: e.type, en: e.type })}
                description={formatTime(e.at, lang)}
              />
            ))}
          </Steps>
          {item.parcels.map((p) => (
            <div key={p.id} data-testid="parcel">
              <strong>
                {t('邮件', 'Parcel')} {p.id}
              </strong>{' '}
              · {p.status}
              {p.tracking.map((e, i) => (
                <div key={i} className="muted">
                  {formatTime(e.at, lang)} {e.note || e.status}
                </div>
              ))}
            </div>
          ))}
        </Collapse.Panel>
      </Collapse>
    </Card>
  );
}
