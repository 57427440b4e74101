import { Button, Input, Radio, Space, TextArea } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { fileOf, api, type ApiError } from '../../api.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { ApiErrorNotice } from '../../components/ErrorBlock.tsx';
import { PhotoInput } from '../../components/PhotoInput.tsx';
import { formatTime } from '../../hooks.ts';
import { useT } from '../../i18n.tsx';
import { RATING_LEVELS, RATING_REASON_AT_OR_BELOW } from '../../status.ts';
import type { CaseItem, CaseState, PaymentStarted, Policy, StoredUpload } from '../../types.ts';

type Props = { state: CaseState; item: CaseItem; policy: Policy; onChange: (next: CaseState) => void };

/** What the family can do on an item now: answer, upload, book the courier, pay, rate. */
export function ItemActions(props: Props) {
  const { item } = props;
  if (item.status === 'supplement-requested' && item.supplement) return <Supplement {...props} />;
  if (item.status === 'waiting' && item.pendingMaterials?.length) return <LaterMaterials {...props} />;
  if (item.status === 'payment-due' && item.payment) return <Payment {...props} />;
  if (item.parcels.some((p) => p.status === 'awaiting-booking')) return <Pickup {...props} />;
  if (item.status === 'dispatched' && item.payment?.paidAt) return <PaidAwaiting {...props} />;
  if (item.status === 'done' || item.rating) return <Rating {...props} />;
  return null;
}

function useAct({ state, item, onChange }: Props) {
  const [error, setError] = useState<ApiError | null>(null);
  const act = async (path: string, body: unknown = {}) => {
    try {
      setError(null);
      onChange(await api.post<CaseState>(`/api/citizen/cases/${state.id}/items/${item.id}/${path}`, body));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return { act, error, setError };
}

function Supplement(props: Props) {
  const t = useT();
  const { act, error } = useAct(props);
  const [note, setNote] = useState('');
  return (
    <div style={{ marginTop: 8 }} data-testid="supplement">
      <div role="alert" style={{ color: '#ad4e00' }}>
        {t(props.item.supplement!.message)}
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
      <ApiErrorNotice error={error} />
    </div>
  );
}

/** Materials that could not exist at the application (Fujian: the baby's hukou page, after registration). */
function LaterMaterials(props: Props) {
  const t = useT();
  const { act, error, setError } = useAct(props);
  const [uploads, setUploads] = useState<Record<string, string>>({});
  const pending = props.item.pendingMaterials!;
  const upload = (material: string) => async (dataUrl: string) => {
    try {
      const r = await api.post<StoredUpload>(`/api/citizen/uploads/${material}`, fileOf(dataUrl));
      setUploads((u) => ({ ...u, [material]: r.uploadId }));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <div style={{ marginTop: 8 }} data-testid="later-materials">
      <div role="alert" style={{ color: '#ad4e00' }}>
        {t(
          '请上传以下材料，上传后本事项即送部门办理：',
          'Upload these; the item then goes to the department:',
        )}
      </div>
      {pending.map((m) => {
        const name = props.policy.materials.find((x) => x.id === m)?.name ?? { zh: '材料', en: 'Material' };
        return (
          <div key={m} style={{ marginTop: 6 }} data-testid={`later-upload-${m}`}>
            <div>{t(name)}</div>
            {uploads[m] ? (
              <span className="muted">{t('已上传', 'Uploaded')}</span>
            ) : (
              <PhotoInput
                label={t(`拍照或选择文件：${name.zh}`, `Photo or file: ${name.en}`)}
                capture="environment"
                onFile={upload(m)}
              />
            )}
          </div>
        );
      })}
      <Button
        color="primary"
        size="small"
        disabled={pending.some((m) => !uploads[m])}
        onClick={() => void act('materials', { uploads })}
        data-testid="materials-send"
      >
        {t('提交材料', 'Send')}
      </Button>
      <ApiErrorNotice error={error} />
    </div>
  );
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The premium the tax bureau assessed: how much, for which years, and the way to pay it. */
function Payment(props: Props) {
  const t = useT();
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError | null>(null);
  const p = props.item.payment!;
  const years = p.years.map((y) => y.year);
  const pay = async () => {
    try {
      const order = await api.post<PaymentStarted>(
        `/api/citizen/cases/${props.state.id}/items/${props.item.id}/payment`,
      );
      if (order.payUrl.startsWith('/#/')) navigate(order.payUrl.slice(2));
      else window.location.href = order.payUrl;
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <div style={{ marginTop: 8 }} data-testid="payment">
      <div data-testid="payment-amount">
        {t(`应缴 ${yuan(p.amountFen)} 元`, `${yuan(p.amountFen)} yuan due`)}
        <span className="muted">
          {t(
            `（${years.join('、')} 年度城乡居民医保，税务部门核定）`,
            ` (resident medical insurance for ${years.join(' and ')}, as the tax bureau assessed)`,
          )}
        </span>
      </div>
      <Button color="primary" size="small" onClick={() => void pay()} data-testid="pay">
        {t('去缴费', 'Pay')}
      </Button>
      <ApiErrorNotice error={error} />
    </div>
  );
}

function PaidAwaiting({ item }: Props) {
  const t = useT();
  return (
    <div className="muted" style={{ marginTop: 8 }} data-testid="paid">
      {t(
        `已于 ${formatTime(item.payment!.paidAt!)} 缴纳 ${yuan(item.payment!.amountFen)} 元，等待税务部门确认`,
        `Paid ${yuan(item.payment!.amountFen)} yuan on ${formatTime(item.payment!.paidAt!)}; the tax bureau is confirming it`,
      )}
    </div>
  );
}

/** Two-way EMS: book the courier to collect the family's documents for the department. */
function Pickup(props: Props) {
  const t = useT();
  const { act, error } = useAct(props);
  const [windows, setWindows] = useState<{ from: string; to: string }[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const mailing = props.state.form.contact?.mailingAddress ?? null;
  const [division, setDivision] = useState(mailing?.divisionCode ?? props.state.homeDivisionCode);
  const [detail, setDetail] = useState(mailing?.detail ?? '');
  useEffect(() => {
    void api
      .get<{ from: string; to: string }[]>(
        `/api/citizen/cases/${props.state.id}/items/${props.item.id}/pickup-windows`,
      )
      .then(setWindows);
  }, [props.state.id, props.item.id]);
  return (
    <div style={{ marginTop: 8 }} data-testid="pickup">
      <div role="alert" style={{ color: '#ad4e00' }}>
        {t(
          '请预约邮政 EMS 上门收取您要寄往办理部门的材料：',
          'Book the EMS courier to collect what you send to the department:',
        )}
      </div>
      <DivisionPicker
        label={t('取件地址所在区县', 'County of the pickup address')}
        testId="pickup-division"
        value={division}
        onChange={setDivision}
      />
      <Input
        aria-label={t('取件详细地址', 'Pickup street and number')}
        placeholder={t('街道、门牌号', 'Street and number')}
        value={detail}
        onChange={setDetail}
        data-testid="pickup-detail"
      />
      <Radio.Group value={chosen ?? undefined} onChange={(v) => setChosen(Number(v))}>
        <Space direction="vertical" style={{ marginTop: 6 }}>
          {(windows ?? []).map((w, i) => (
            <Radio key={w.from} value={i} data-testid="pickup-window">
              {formatTime(w.from)}–{formatTime(w.to).slice(11)}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <Button
        color="primary"
        size="small"
        style={{ marginTop: 6 }}
        disabled={chosen === null || detail.trim().length < 2}
        onClick={() =>
          void act('pickup', {
            address: { divisionCode: division, detail: detail.trim() },
            window: windows![chosen!],
          })
        }
        data-testid="pickup-book"
      >
        {t('预约上门取件', 'Book the pickup')}
      </Button>
      <ApiErrorNotice error={error} />
    </div>
  );
}

/** 好差评: five labelled levels, nothing chosen beforehand, and a reason for the two lowest. */
function Rating(props: Props) {
  const t = useT();
  const { act, error } = useAct(props);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const rated = props.item.rating;
  if (rated) {
    const level = RATING_LEVELS.find((l) => l.score === rated.score)!;
    return (
      <div style={{ marginTop: 6 }} data-testid="rated">
        {t('您的评价', 'Your rating')}: {t(level.label)}
        {rated.comment && ` · ${rated.comment}`}
      </div>
    );
  }
  const reasonNeeded = score !== null && score <= RATING_REASON_AT_OR_BELOW;
  return (
    <div style={{ marginTop: 8 }} data-testid="rating">
      <div className="muted">{t('请评价本事项（好差评）', 'Rate this item')}</div>
      <Radio.Group value={score ?? undefined} onChange={(v) => setScore(Number(v))}>
        <Space wrap style={{ margin: '4px 0' }}>
          {RATING_LEVELS.map((l) => (
            <Radio key={l.score} value={l.score} data-testid={`rating-${l.score}`}>
              {t(l.label)}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <TextArea
        aria-label={t('评价内容', 'Comment')}
        placeholder={
          reasonNeeded
            ? t('请写明不满意的原因（必填）', 'Say why (required)')
            : t('评价内容（可选）', 'Comment (optional)')
        }
        value={comment}
        onChange={setComment}
        maxLength={500}
        rows={2}
        data-testid="rating-comment"
      />
      <Button
        size="small"
        color="primary"
        disabled={score === null || (reasonNeeded && !comment.trim())}
        onClick={() => void act('rating', { score, comment })}
        data-testid="rating-send"
      >
        {t('提交评价', 'Rate')}
      </Button>
      <ApiErrorNotice error={error} />
    </div>
  );
}
