import { Button, Card, Checkbox } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { session } from '../../../citizen/src/api.ts';
import { useApi } from '../../../citizen/src/hooks.ts';
import { useT } from '../../../citizen/src/i18n.tsx';
import { DEV_SUPERVISOR_PREFIX } from './context.ts';
import type { RegionSummary } from '../../../../src/contract/public.ts';

/** Development login: the supervisor chooses the regions they answer for. */
export function SupervisionLogin() {
  const t = useT();
  const navigate = useNavigate();
  const regions = useApi<RegionSummary[]>('/api/regions');
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <Card
      title={t('监察人员登录（开发环境）', 'Supervisor login (development)')}
      style={{ maxWidth: 720, margin: '40px auto' }}
    >
      <p>{t('选择负责的地区：', 'Choose the regions you supervise:')}</p>
      <Checkbox.Group
        data-testid="supervision-regions"
        value={chosen}
        onChange={(v) => setChosen(v as string[])}
        options={(regions.data ?? []).map((r) => ({ value: r.region, label: t(r.shortName) }))}
      />
      <div style={{ marginTop: 16 }}>
        <Button
          type="primary"
          data-testid="supervision-login"
          disabled={!chosen.length}
          onClick={() => {
            session.token = `${DEV_SUPERVISOR_PREFIX}${chosen.join(',')}`;
            navigate('/supervision');
          }}
        >
          {t('登录', 'Log in')}
        </Button>
      </div>
    </Card>
  );
}
