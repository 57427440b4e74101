import { Button, Card, List, Result } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { session } from '../api.ts';
import { ApiErrorNotice, Loading } from '../components/ErrorBlock.tsx';
import { formatTime, useApi, usePolicy } from '../hooks.ts';
import { useLang, useT, type Bilingual } from '../i18n.tsx';
import type { Me } from '../types.ts';

/**
 * Home. When the hospital's delivery record is already in the shared data, the service offers to
 * start from it (the proactive path); otherwise the parent chooses the region. What each parent
 * must do in their own login (Fujian's authorization, Anhui's confirmation) shows here too.
 */
export function Home() {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const me = useApi<Me>('/api/citizen/me');
  const regions = useApi<{ region: string; name: Bilingual }[]>('/api/regions');
  const home = me.data?.regions[0] ?? null;
  const policy = usePolicy(home);
  if (me.error)
    return (
      <>
        <ApiErrorNotice error={me.error} />
        <Button
          onClick={() => {
            session.token = null;
            navigate('/login');
          }}
        >
          {t('重新登录', 'Log in again')}
        </Button>
      </>
    );
  if (!me.data || !regions.data) return <Loading />;
  const m = me.data;
  const regionName = (id: string) =>
    t(regions.data!.find((r) => r.region === id)?.name ?? { zh: id, en: id });
  const needsAuthorization = policy?.applicants.authorizationRequired.includes('father');
  const fatherConfirms = policy?.applicants.fatherConfirms;
  // The proactive start is for a parent the region lets apply (Anhui: the mother; the father confirms).
  const canApply = !!m.role && !!policy?.applicants.roles.includes(m.role);

  return (
    <>
      <h2 style={{ fontSize: 20, margin: '4px 0 12px' }}>
        {t(`您好，${m.person.name}`, `Hello, ${m.person.name}`)}
      </h2>
      {canApply && m.delivery && home && (
        <Card title={t('为您的宝宝办理出生“一件事”', "Your baby's birth services in one application")}>
          <p>
            {t(
              `${m.delivery.institutionName}已上传分娩信息：${formatTime(m.delivery.bornAt, lang)}出生的${m.delivery.sex === 'male' ? '男' : '女'}婴。`,
              `${m.delivery.institutionName} has sent the delivery record: a ${m.delivery.sex === 'male' ? 'boy' : 'girl'} born ${formatTime(m.delivery.bornAt, lang)}.`,
            )}
          </p>
          <p className="muted">
            {t(
              '申请表已按共享数据预先填好，您只需补充少量信息。',
              'The form is filled in from the shared data already; you only add a few things.',
            )}
          </p>
          <Button
            block
            color="primary"
            onClick={() => navigate(`/apply/${home}`)}
            data-testid="start-proactive"
          >
            {t(
              `从分娩信息开始办理（${regionName(home)}）`,
              `Start from the delivery record (${regionName(home)})`,
            )}
          </Button>
        </Card>
      )}
      {m.role === 'mother' && needsAuthorization && (
        <Card title={t('授权配偶办理', 'Let your husband apply')}>
          <p className="muted">
            {t(
              '如由父亲代为申请，需要您在本人账号中签署授权委托书。',
              'If the father applies, you sign the authorization letter in your own login.',
            )}
          </p>
          {m.authorizationSignedAt ? (
            <p data-testid="authorization-status">
              {t(
                `已于 ${formatTime(m.authorizationSignedAt, lang)} 签署授权`,
                `Signed ${formatTime(m.authorizationSignedAt, lang)}`,
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
        <Card title={t('确认妻子提交的申请', "Confirm your wife's application")}>
          <p className="muted">
            {t(
              '本地区需要父亲在本人账号中经人脸识别确认。',
              'Here the father confirms in his own login, with face verification.',
            )}
          </p>
          {m.fatherConfirmedAt ? (
            <p data-testid="confirmation-status">
              {t(
                `已于 ${formatTime(m.fatherConfirmedAt, lang)} 确认`,
                `Confirmed ${formatTime(m.fatherConfirmedAt, lang)}`,
              )}
            </p>
          ) : (
            <Button block color="primary" onClick={() => navigate('/confirm')} data-testid="go-confirm">
              {t('人脸识别并确认', 'Verify my face and confirm')}
            </Button>
          )}
        </Card>
      )}
      {(m.role !== 'father' || !fatherConfirms) && (
        <Card
          title={
            m.delivery ? t('或选择办理地区', 'Or choose the region') : t('选择办理地区', 'Choose the region')
          }
          style={{ marginTop: 12 }}
        >
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
        onClick={() => {
          session.token = null;
          navigate('/login');
        }}
      >
        {t('退出登录', 'Log out')}
      </Button>
    </>
  );
}
