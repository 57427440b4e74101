import { Button, Checkbox, Dialog, Steps } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useBlocker, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../api.ts';
import { ApiErrorNotice, Loading } from '../../components/ErrorBlock.tsx';
import { useApi, usePolicy } from '../../hooks.ts';
import { useT } from '../../i18n.tsx';
import type { Me, Preview } from '../../types.ts';
import { idNumberError } from '../../validation.ts';
import { applicationOf, initialDraft, type Draft, type SavedDraft, type SavedDraftAnswer } from './draft.ts';
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
 * would decide. The step is in the address, so the phone's Back goes back a step; the application
 * in progress is kept on the server as the parent goes, so a reload, a closed browser or the other
 * phone finds it again. Nothing is created until the signed form is submitted.
 */
export function Apply() {
  const t = useT();
  const navigate = useNavigate();
  const { region } = useParams() as { region: string };
  const [params, setParams] = useSearchParams();
  const birthOrder = Number(params.get('baby') ?? 1) || 1;
  const step = Math.min(Math.max(Number(params.get('step') ?? 0) || 0, 0), STEPS.length - 1);
  const policy = usePolicy(region);
  const me = useApi<Me>('/api/citizen/me');
  const [consented, setConsented] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [revision, setRevision] = useState(0);
  // What the preview on screen answers. Until it catches up with the draft, what the parent sees may
  // be out of date (a material not yet asked for, a form digest the signature would not match), so
  // nothing goes on.
  const [reviewed, setReviewed] = useState<{ draft: Draft | null; revision: number }>({
    draft: null,
    revision: -1,
  });
  const [submitted, setSubmitted] = useState(false);
  // Files still on their way to the server. Going on meanwhile would leave the parent on the signing
  // step told a material is missing, and an upload that then failed would say so on a step left behind.
  const [sending, setSending] = useState(0);
  const latest = useRef(0);
  const draftPath = `/api/citizen/drafts/${birthOrder}`;

  // The draft kept on the server, if any; else a new one from the shared data.
  useEffect(() => {
    if (!me.data || draft) return;
    void api
      .get<SavedDraftAnswer>(draftPath)
      .then((saved) => {
        if (saved.region !== region) throw new Error('another region');
        const d = saved.body.draft;
        // The other parent's draft: it becomes this parent's, and consent is theirs to give.
        if (!saved.byYou) d.applicantRole = me.data!.role ?? d.applicantRole;
        setDraft(d);
        setConsented(saved.byYou && saved.body.consented);
      })
      .catch(() => setDraft(initialDraft(me.data!, birthOrder)));
  }, [me.data, draft, draftPath, region, birthOrder]);

  // Keep the application in progress on the server, a moment after each change.
  useEffect(() => {
    if (!draft || submitted) return;
    const timer = setTimeout(() => {
      const body: SavedDraft = { step, consented, draft };
      void api.put(draftPath, { region, body }).catch(() => undefined);
    }, 400);
    return () => clearTimeout(timer);
  }, [draft, consented, step, region, draftPath, submitted]);

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
          setReviewed({ draft, revision });
        }
      } catch (e) {
        if (n === latest.current) {
          setError(e as ApiError);
          setReviewed({ draft, revision });
        }
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [draft, consented, region, revision]);

  // Leaving mid-flow asks first; the draft stays saved either way.
  const inFlow = !submitted && (consented || step > 0);
  // Read at the moment of navigating, not from the last render: on a slow phone the way to the
  // receipt can start before the render that knows the case was submitted, and must not be asked about.
  const leftForReceipt = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      !leftForReceipt.current && inFlow && currentLocation.pathname !== nextLocation.pathname,
  );
  // One question at a time: the effect may run again while the dialog is open.
  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked' || asking.current) return;
    asking.current = true;
    void Dialog.confirm({
      content: t(
        '确定离开吗？已填写的内容已保存为草稿，可随时回来继续办理。',
        'Leave the application? What you entered is kept as a draft; you can continue any time.',
      ),
      confirmText: t('离开', 'Leave'),
      cancelText: t('继续办理', 'Stay'),
    }).then((leave) => {
      asking.current = false;
      if (leave) blocker.proceed();
      else blocker.reset();
    });
  }, [blocker, t]);
  useEffect(() => {
    if (!inFlow) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [inFlow]);

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
  const goTo = (n: number) => {
    setParams({ baby: String(birthOrder), step: String(n) });
    window.scrollTo(0, 0);
  };
  // A pre-review that failed (a name the rule refuses, say) holds the parent here, whatever it said before.
  const eligible = (preview?.evaluation.eligible ?? false) && !error;
  const reviewing =
    consented &&
    !idNumberError(draft.motherIdNumber) &&
    (reviewed.draft !== draft || reviewed.revision !== revision);
  const busy = reviewing || sending > 0;
  const canGo = [consented, eligible, eligible, eligible, eligible, false][step] && !(step > 0 && busy);
  const onSubmitted = (caseId: string) => {
    leftForReceipt.current = true;
    setSubmitted(true);
    // The receipt replaces the application in the history: there is no step back into a submitted form.
    navigate(`/receipt/${caseId}`, { replace: true });
  };

  return (
    <>
      <h2 style={{ fontSize: 18, margin: '4px 0' }}>{t(policy.name)}</h2>
      <Steps current={step} style={{ '--title-font-size': '12px', padding: '8px 0' } as React.CSSProperties}>
        {STEPS.map(([zh, en]) => (
          <Steps.Step key={en} title={t(zh, en)} />
        ))}
      </Steps>
      {/* Assistive technology, and the end-to-end tests, hear when the step is being brought up to date.
          The router renders a new step in a transition, after the click: tests wait for data-step. */}
      <div aria-busy={busy} data-step={step} data-testid="apply-step">
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
        {step === 2 && preview && (
          <ItemsStep policy={policy} draft={draft} update={update} preview={preview} />
        )}
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
            me={me.data}
            region={region}
            draft={draft}
            update={update}
            preview={preview}
            onChange={() => setRevision((r) => r + 1)}
            onSending={(on) => setSending((n) => n + (on ? 1 : -1))}
          />
        )}
        {step === 5 && preview && (
          <SignStep
            region={region}
            draft={draft}
            preview={preview}
            reviewing={reviewing}
            onBack={goTo}
            onSubmitted={onSubmitted}
            onChange={() => setRevision((r) => r + 1)}
          />
        )}
      </div>
      {step !== 3 && <ApiErrorNotice error={error} />}
      <div className="row" style={{ marginTop: 16 }}>
        {step > 0 && <Button onClick={() => goTo(step - 1)}>{t('上一步', 'Back')}</Button>}
        {step < STEPS.length - 1 && (
          <Button
            color="primary"
            disabled={!canGo}
            onClick={() => goTo(step + 1)}
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
