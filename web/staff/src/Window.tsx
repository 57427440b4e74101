import { Alert, Button, Card, Input, Radio, Space } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { api, ApiError } from '../../citizen/src/api.ts';
import { useT } from '../../citizen/src/i18n.tsx';
import type { StoredUpload } from '../../../src/contract/citizen.ts';
import type { SigningSessionView as SigningView, WindowPreview } from '../../../src/contract/staff.ts';
import { FamilyForm, type Application, type Family } from './window-form.tsx';
import { Materials, Outbox, Papers, SignsInOwnLogin, TabletSigning } from './window-parts.tsx';
import { clearSent, submitThroughOutbox, useOutbox } from './window-queue.ts';

const W = '/api/staff/window';

/**
 * 联办窗口: the hospital clerk applies for a mother who gave birth here. Look her up by ID number,
 * fill in what no registry holds, scan the originals she hands over, have the letter (where the
 * region has one) and the form signed on the counter tablet, and submit. A submission goes through
 * the outbox, so a network outage only delays it.
 */
export function Window() {
  const t = useT();
  const outbox = useOutbox();
  const [family, setFamily] = useState<Family | null>(null);
  const [app, setApp] = useState<Application | null>(null);
  const [preview, setPreview] = useState<WindowPreview | null>(null);
  const [form, setForm] = useState<SigningView | null>(null);
  const [fatherPresent, setFatherPresent] = useState(true);
  const [caseId, setCaseId] = useState<string | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // One id per application: sent again after an outage, it is still the same application.
  const [txn, setTxn] = useState(() => crypto.randomUUID());
  // Only the latest pre-review counts: an older answer arriving late would show materials as missing.
  const latestReview = useRef(0);

  const run = async <T,>(f: () => Promise<T>): Promise<T | null> => {
    try {
      setError(null);
      return await f();
    } catch (e) {
      setError(e as ApiError);
      return null;
    }
  };
  const lookUp = async (id: string) => {
    const f = await run(() => api.get<Family>(`${W}/families/${id.trim().toUpperCase()}`));
    if (!f) return;
    setFamily(f);
    setPreview(null);
    setForm(null);
    setCaseId(null);
    setApp({
      motherIdNumber: f.mother.idNumber,
      baby: { surname: '', givenName: '', birthOrder: f.babies.find((b) => !b.caseId)?.birthOrder ?? 1 },
      choices: { followParent: 'father' },
      contact: {
        ...(f.mother.phone ? { phone: f.mother.phone } : {}),
        ...(f.hukouDivisionCode ? { mailingAddress: { divisionCode: f.hukouDivisionCode, detail: '' } } : {}),
      },
      uploads: {},
    });
  };
  const body = (a: Application) => ({
    ...a,
    contact: {
      ...(a.contact.phone ? { phone: a.contact.phone } : {}),
      ...(a.contact.mailingAddress?.detail.trim() ? { mailingAddress: a.contact.mailingAddress } : {}),
    },
  });
  const review = async (a: Application) => {
    setForm(null);
    const n = ++latestReview.current;
    const p = await run(() => api.post<WindowPreview>(`${W}/preview`, body(a)));
    if (p && n === latestReview.current) setPreview(p);
  };
  const scan = async (material: string, dataUrl: string) => {
    const up = await run(() =>
      api.post<StoredUpload>(`${W}/uploads`, {
        motherIdNumber: app!.motherIdNumber,
        material,
        dataUrl,
      }),
    );
    if (!up) return;
    const next = { ...app!, uploads: { ...app!.uploads, [material]: up.uploadId } };
    setApp(next);
    await review(next);
  };
  const invite = (id: string, a: Application) =>
    api.post<SigningView>(`${W}/signing-sessions/${id}/invitation`, { application: body(a) });
  // The father not at the counter is invited as the session opens: the same digest the mother signs.
  const signForm = async (a: Application) => {
    const s = await api.post<SigningView>(`${W}/signing-sessions`, {
      purpose: 'form',
      application: body(a),
      fatherPresent,
    });
    if (!s.ownLogin.some((o) => !o.invitedAt && !o.signedAt)) return s;
    // Not sent (say, the network): the clerk sends it again once the mother has signed.
    return invite(s.id, a).catch(() => s);
  };
  const onLetter = useCallback(() => void (app && review(app)), [app]);
  const onForm = useCallback((s: SigningView) => setForm(s), []);
  const submit = async () => {
    if (!app || !form) return;
    setWaiting(true);
    const id = await submitThroughOutbox({
      clientTxnId: txn,
      body: { clientTxnId: txn, signingSessionId: form.id, application: body(app) },
      babyName: `${app.baby.surname}${app.baby.givenName}`,
    });
    setWaiting(false);
    if (id) setCaseId(id);
  };
  const next = () => {
    clearSent();
    setFamily(null);
    setApp(null);
    setPreview(null);
    setForm(null);
    setCaseId(null);
    setTxn(crypto.randomUUID());
  };
  const sent = outbox.find((q) => q.clientTxnId === txn && q.state === 'sent');
  const done = caseId ?? sent?.caseId ?? null;
  // The letter comes first where the region has one: the form lists it as a material.
  const ready = !!preview?.form && !preview.missing.length && (!family?.letter || !!preview.letterSignedAt);
  const fatherSigns = preview?.coSigners.some((c) => c.role === 'father' && !c.signedAt);

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="window">
      <Card
        title={t(
          '联办窗口：为在本院分娩的母亲代为申请',
          'Joint window: apply for a mother who gave birth here',
        )}
      >
        <Input.Search
          data-testid="window-mother-id"
          placeholder={t('母亲身份证号', "Mother's ID number")}
          enterButton={t('查询', 'Look up')}
          onSearch={(v) => void lookUp(v)}
          style={{ maxWidth: 420 }}
        />
      </Card>
      {error && <Alert type="error" message={t(error.text)} data-testid="window-error" />}
      {family && app && !done && (
        <FamilyForm family={family} app={app} setApp={setApp} onReview={() => void review(app)} />
      )}
      {preview && app && !done && (
        <Card title={t('预审结果与材料', 'Pre-review and materials')} data-testid="window-review">
          {preview.form ? (
            <Alert
              type="success"
              message={t('符合联办条件', 'Eligible for joint handling')}
              data-testid="window-eligible"
            />
          ) : (
            <Alert
              type="warning"
              data-testid="window-refused"
              message={preview.evaluation.findings
                .filter((f) => f.outcome === 'failed')
                .map((f) => t(f.reason ?? f.requirement))
                .join('；')}
            />
          )}
          {preview.form && <Materials preview={preview} uploads={app.uploads} onScan={scan} />}
          {preview.missing.length > 0 && (
            <Alert
              type="info"
              style={{ marginTop: 12 }}
              data-testid="window-missing"
              message={preview.missing.map((m) => t(m.message)).join('；')}
            />
          )}
          {preview.form && !preview.missing.length && (
            <Space direction="vertical" style={{ marginTop: 16 }}>
              {family?.letter && (
                <TabletSigning
                  testId="window-sign-letter"
                  title={
                    preview.letterSignedAt
                      ? { zh: '重新签署授权委托书', en: 'Sign the authorization letter again' }
                      : { zh: '在平板上签署授权委托书', en: 'Sign the authorization letter on the tablet' }
                  }
                  start={() =>
                    api.post<SigningView>(`${W}/signing-sessions`, {
                      purpose: 'letter',
                      application: body(app),
                    })
                  }
                  onComplete={onLetter}
                />
              )}
              {fatherSigns && (
                <Radio.Group
                  value={fatherPresent}
                  onChange={(e) => setFatherPresent(e.target.value as boolean)}
                  data-testid="window-father-present"
                >
                  <Space direction="vertical">
                    <Radio value={true} data-testid="window-father-here">
                      {t('父亲在场，一同在平板上签名', 'The father is here and signs on the tablet too')}
                    </Radio>
                    <Radio value={false} data-testid="window-father-away">
                      {t(
                        '父亲不在场：请他在本人手机上签名',
                        'The father is not here: he signs on his own phone',
                      )}
                    </Radio>
                  </Space>
                </Radio.Group>
              )}
              {ready && (
                <TabletSigning
                  testId="window-sign-form"
                  title={{ zh: '在平板上签署申请表', en: 'Sign the form on the tablet' }}
                  start={() => signForm(app)}
                  onComplete={onForm}
                />
              )}
              {form?.complete && form.ownLogin.length > 0 && (
                <SignsInOwnLogin session={form} invite={() => invite(form.id, app)} onChange={setForm} />
              )}
              {form?.ready && (
                <Button
                  type="primary"
                  size="large"
                  loading={waiting}
                  onClick={() => void submit()}
                  data-testid="window-submit"
                >
                  {t('提交申请', 'Submit the application')}
                </Button>
              )}
            </Space>
          )}
        </Card>
      )}
      {done && (
        <>
          <Papers caseId={done} letter={!!family?.letter} />
          <Button onClick={next} data-testid="window-next">
            {t('办理下一位', 'Next family')}
          </Button>
        </>
      )}
      <Outbox items={outbox} />
    </Space>
  );
}
