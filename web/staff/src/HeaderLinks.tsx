import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { session } from '../../citizen/src/api.ts';
import { OtherLanguage, useLang, useT } from '../../citizen/src/i18n.tsx';

/** The header's language switch and log-out, the same in the workbench and in supervision. */
export function HeaderLinks({ loginPath }: { loginPath: string }) {
  const t = useT();
  const { lang, setLang } = useLang();
  const navigate = useNavigate();
  return (
    <>
      {/* Buttons, not links without an address: those the keyboard cannot reach. */}
      <Button
        type="link"
        style={{ color: '#fff' }}
        data-testid="language-switch"
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      >
        <OtherLanguage />
      </Button>
      <Button
        type="link"
        style={{ color: '#fff' }}
        data-testid="logout"
        onClick={() => {
          session.token = null;
          navigate(loginPath);
        }}
      >
        {t('退出', 'Log out')}
      </Button>
    </>
  );
}
