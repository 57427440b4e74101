import { Button, Card, List, Result } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { session } from '../api.ts';
import { ApiErrorNotice, Loading } from '../components/ErrorBlock.tsx';
import { formatTime, useApi, usePolicy } from '../hooks.ts';
import { useT } from '../i18n.tsx';
import { ROLE_LABELS } from '../status.ts';
import type { Baby, Me, RegionSummary } from '../types.ts';

const TASKS = {
  sign: { zh: '签署申请表', en: 'sign the form' },
  face: { zh: '人脸识别', en: 'verify your face' },
  confirm: { zh: '人脸识别确认', en: 'confirm with your face' },
} as const;

/**
 * Home. When the hospital's delivery record is in the shared data, the service offers to start
 * from it (the proactive path), baby by baby; a baby with a case offers that case, one with a draft
 * offers to continue it. What this parent must do in their own login — sign the authorization,
 * confirm, or what the other parent invited them to do — comes first.
 */
export function Home() {
  const t = useT();
  const navigate = useNavigate();
  const me = useApi<Me>('/api/citizen/me');
  const regions = useApi<RegionSummary[]>('/api/regions');
  const home = me.data?.regions[0] ?? null;
  const policy = usePolicy(home);
  if (me.error)
    return (
      <>
        <ApiErrorNotice error={me.error} />
        <Button onClick={() => ((session.token = null), navigate('/login'))}>
          {t('重新登录', 'Log in again')}
        </Button>
      </>
    );
  if (!me.data || !regions.data) return <Loading />;
  const m = me.data;
  const regionName = (id: string) =>
    t(regions.data!.find((r) => r.region === id)?.name ?? { zh: '', en: '' });
  const needsAuthorization = policy?.applicants.authorizationRequired.includes('father');
  const fatherConfirms = policy?.applicants.fatherConfirms;
  // The proactive start is for a parent the region lets apply (Anhui: the mother; the father confirms).
  const canApply = !!m.role && !!policy?.applicants.roles.includes(m.role);
  const twins = m.babies.length > 1;
  const babyText = (b: Baby) =>
    t(
      `${twins ? `第 ${b.birthOrder} 个宝宝，` : ''}${formatTime(b.bornAt)} 出生的${b.sex === 'male' ? '男' : '女'}婴`,
      `${twins ? `Baby ${b.birthOrder}: ` : ''}a ${b.sex === 'male' ? 'boy' : 'girl'} born ${formatTime(b.bornAt)}`,
    );

  return (
    <>
      <h2 style={{ fontSize: 20, margin: '4px 0 12px' }}>
        {t(`您好，${m.person.name}`, `Hello, ${m.person.name}`)}
      </h2>
      {m.invitations.map((i) => (
        <Card
          key={i.id}
          title={t('待您处理', 'Waiting for you')}
          style={{ marginBottom: 12 }}
          data-testid="invitation"
        >
          <p>
            {t(
              `宝宝的${ROLE_LABELS[i.from].zh}邀请您为${i.babyName || '宝宝'}的申请${i.open.map((x) => TASKS[x].zh).join('、')}`,
              `The baby's ${ROLE_LABELS[i.from].en.toLowerCase()} asks you to ${i.open.map((x) => TASKS[x].en).join(' and ')} for ${i.babyName || 'the baby'}'s application`,
            )}
          </p>
          <Button
            block
            color="primary"
            onClick={() => navigate(`/invitations/${i.id}`)}
            data-testid="open-invitation"
          >
            {t('去处理', 'Open')}
          </Button>
        </Card>
      ))}
      {canApply && m.delivery && home && (
        <Card title={t('为您的宝宝办理出生“一件事”', "Your baby's birth services in one application")}>
          <p>
            {t(
              `${m.delivery.institutionName}已上传分娩信息。`,
              `${m.delivery.institutionName} has sent the delivery record.`,
            )}
          </p>
          {m.babies.map((b) => (
            <div key={b.birthOrder} style={{ margin: '8px 0' }} data-testid={`baby-${b.birthOrder}`}>
              <p className="muted">{babyText(b)}</p>
              {b.caseId ? (
                <Button
                  block
                  color="success"
                  onClick={() => navigate(`/cases/${b.caseId}`)}
                  data-testid="my-case"
                >
                  {t('查看我的办件', 'See my case')}
                </Button>
              ) : (
                <Button
                  block
                  color="primary"
                  onClick={() => navigate(`/apply/${home}?baby=${b.birthOrder}`)}
                  data-testid="start-proactive"
                >
                  {b.draftUpdatedAt
                    ? t(
                        `继续办理（草稿保存于 ${formatTime(b.draftUpdatedAt)}）`,
                        `Continue (draft saved ${formatTime(b.draftUpdatedAt)})`,
                      )
                    : t(
                        `从分娩信息开始办理（${regionName(home)}）`,
                        `Start from the delivery record (${regionName(home)})`,
                      )}
                </Button>
              )}
            </div>
          ))}
          <p className="muted">
            {t(
              '申请表已按共享数据预先填好，您只需补充少量信息。',
              'The form is filled in from the shared data already; you only add a few things.',
            )}
          </p>
        </Card>
      )}
      {m.role === 'mother' && needsAuthorization && (
        <Card title={t('授权配偶办理', 'Let your husband apply')} style={{ marginTop: 12 }}>
          <p className="muted">
            {t(
              '如由父亲代为申请，需要您在本人账号中签署授权委托书。',
              'If the father applies, you sign the authorization letter in your own login.',
            )}
          </p>
          {m.authorizationSignedAt ? (
            <p data-testid="authorization-status">
              {t(
                `已于 ${formatTime(m.authorizationSignedAt)} 签署授权`,
                `Signed ${formatTime(m.authorizationSignedAt)}`,
              )}
            </p>
          ) : (
            <Button block onClick={() => navigate('/authorize')} data-testid="go-authorize">
              {t('签署授权委托书', 'Sign the authorization letter')}
            </Button>
          )}
        </Card>
      )}
      {m.role === 'father' && fatherConfirms && (
        <Card title={t('确认妻子提交的申请', "Confirm your wife's application")} style={{ marginTop: 12 }}>
          <p className="muted">
            {t(
              '本地区需要父亲在本人账号中经人脸识别确认。',
              'Here the father confirms in his own login, with face verification.',
            )}
          </p>
          {m.fatherConfirmedAt ? (
            <p data-testid="confirmation-status">
              {t(
                `已于 ${formatTime(m.fatherConfirmedAt)} 确认`,
                `Confirmed ${formatTime(m.fatherConfirmedAt)}`,
              )}
            </p>
          ) : (
            <Button block color="primary" onClick={() => navigate('/confirm')} data-testid="go-confirm">
              {t('人脸识别并确认', 'Verify my face and confirm')}
            </Button>
          )}
        </Card>
      )}
      {m.hasCases && !m.delivery && (
        <Button
          block
          color="success"
          style={{ marginTop: 12 }}
          onClick={() => navigate('/cases')}
          data-testid="my-cases"
        >
          {t('查看我的办件', 'See my cases')}
        </Button>
      )}
      {!m.delivery && (m.role !== 'father' || !fatherConfirms) && (
        <Card title={t('选择办理地区', 'Choose the region')} style={{ marginTop: 12 }}>
          <List>
            {regions.data.map((r) => (
              <List.Item key={r.region} onClick={() => navigate(`/apply/${r.region}`)} arrow>
                {t(r.name)}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      {!m.role && (
        <Result
          status="info"
          title={t('共享数据中没有查到您的新生儿', 'The shared data shows no newborn of yours')}
          description={t(
            '您仍可选择地区，填写母亲身份证号后预审。',
            'You can still choose a region and enter the mother’s ID number for a pre-review.',
          )}
        />
      )}
      <Button
        block
        fill="none"
        style={{ marginTop: 16 }}
        onClick={() => ((session.token = null), navigate('/login'))}
      >
        {t('退出登录', 'Log out')}
      </Button>
    </>
  );
}
