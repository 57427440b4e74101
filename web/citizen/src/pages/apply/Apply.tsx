import { Button, Checkbox, Steps } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, ApiError } from '../../api.ts';
import { ApiErrorNotice, Loading } from '../../components/ErrorBlock.tsx';
import { useApi, usePolicy } from '../../hooks.ts';
import { useT } from '../../i18n.tsx';
import type { Me, Preview } from '../../types.ts';
import { idNumberError } from '../../validation.ts';
import { applicationOf, initialDraft, type Draft } from './draft.ts';
import { EligibilityStep, ItemsStep, NoticeStep } from './decision-steps.tsx';
import { FormStep } from './FormStep.tsx';
import { MaterialsStep } from './MaterialsStep.tsx';
import { SignStep } from './SignStep.tsx';

const STEPS = [
  ['须知', 'Notice'],
  ['资格', 'Eligibility'],
  ['事项', 'Items'],
  ['表单', 'Form'],
  ['材料', 'Materials'],
  ['签名', 'Sign'],
] as const;

/**
 * One application, step by step. Every change is pre-reviewed by the server (智能预审) against the
 * shared data, so what the parent sees — findings, plan, deadlines, the form — is what submitting
 * would decide. Nothing is created until the signed form is submitted.
 */
export function Apply() {
  const t = useT();
  const { region } = useParams() as { region: string };
  const policy = usePolicy(region);
  const me = useApi<Me>('/api/citizen/me');
  const [step, setStep] = useState(0);
  const [consented, setConsented] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [revision, setRevision] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (me.data && !draft) setDraft(initialDraft(me.data));
  }, [me.data, draft]);

  // Pre-review the draft whenever it changes (debounced); only the latest answer counts.
  useEffect(() => {
    if (!draft || !consented || idNumberError(draft.motherIdNumber)) return;
    const n = ++latest.current;
    const timer = setTimeout(async () => {
      try {
        const p = await api.post<Preview>('/api/citizen/evaluate', {
          region,
          application: applicationOf(draft),
        });
        if (n === latest.current) {
          setPreview(p);
          setError(null);
        }
      } catch (e) {
        if (n === latest.current) setError(e as ApiError);
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [draft, consented, region, revision]);

  if (!policy || !me.data || !draft)
    return (
      <>
        <ApiErrorNotice error={me.error} />
        <Loading />
      </>
    );
  const update = (change: (d: Draft) => void) =>
    setDraft((d) => {
      const next = structuredClone(d!);
      change(next);
      return next;
    });
  const eligible = preview?.evaluation.eligible ?? false;
  const canGo = [consented, eligible, eligible, eligible, eligible, false][step];

  return (
    <>
      <h2 style={{ fontSize: 18, margin: '4px 0' }}>{t(policy.name)}</h2>
      <Steps
        current={step}
        style={{ '--title-font-size': '12px', padding: '8px 0', overflowX: 'auto' } as React.CSSProperties}
      >
        {STEPS.map(([zh, en]) => (
          <Steps.Step key={en} title={t(zh, en)} />
        ))}
      </Steps>
      {step === 0 && (
        <>
          <NoticeStep policy={policy} scenario={preview?.evaluation.scenario.id ?? null} />
          <Checkbox
            checked={consented}
            onChange={setConsented}
            data-testid="consent"
            style={{ margin: '12px 0' }}
          >
            {t('我已阅读并同意以上办理须知', 'I have read and accept the notice above')}
          </Checkbox>
        </>
      )}
      {step === 1 && (
        <EligibilityStep policy={policy} me={me.data} draft={draft} update={update} preview={preview} />
      )}
      {step === 2 && preview && <ItemsStep policy={policy} draft={draft} update={update} preview={preview} />}
      {step === 3 && preview && (
        <FormStep
          policy={policy}
          me={me.data}
          draft={draft}
          update={update}
          preview={preview}
          error={error}
        />
      )}
      {step === 4 && preview && (
        <MaterialsStep
          policy={policy}
          draft={draft}
          update={update}
          preview={preview}
          onVerified={() => setRevision((r) => r + 1)}
        />
      )}
      {step === 5 && preview && <SignStep region={region} draft={draft} preview={preview} onBack={setStep} />}
      {step !== 3 && <ApiErrorNotice error={error} />}
      <div className="row" style={{ marginTop: 16 }}>
        {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('上一步', 'Back')}</Button>}
        {step < STEPS.length - 1 && (
          <Button
            color="primary"
            disabled={!canGo}
            onClick={() => {
              setStep(step + 1);
              window.scrollTo(0, 0);
            }}
            data-testid="next"
            style={{ flex: 1 }}
          >
            {t('下一步', 'Next')}
          </Button>
        )}
      </div>
    </>
  );
}
