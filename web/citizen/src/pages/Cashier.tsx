import { Button, Card, Result } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, type ApiError } from '../api.ts';
import { ApiErrorNotice, Loading } from '../components/ErrorBlock.tsx';
import { useApi } from '../hooks.ts';
import { useT } from '../i18n.tsx';
import type { PaymentOrder } from '../../../../src/contract/public.ts';

type Order = PaymentOrder;

/**
 * The simulated cashier (development only): where a real payment provider's page would be. Paying
 * here notifies the platform as the provider would; the tax bureau then confirms the payment.
 */
export function Cashier() {
  const t = useT();
  const navigate = useNavigate();
  const { orderId } = useParams() as { orderId: string };
  const order = useApi<Order>(`/api/dev/payments/${encodeURIComponent(orderId)}`);
  const [error, setError] = useState<ApiError | null>(null);
  const [paid, setPaid] = useState(false);
  if (order.error) return <ApiErrorNotice error={order.error} />;
  if (!order.data) return <Loading />;
  const o = order.data;
  if (paid || o.paidAt) {
    return (
      <Result
        status="success"
        title={t('支付成功', 'Paid')}
        description={
          <Button
            color="primary"
            onClick={() => navigate(`/cases/${o.caseId}`, { replace: true })}
            data-testid="back-to-case"
          >
            {t('返回办件', 'Back to the case')}
          </Button>
        }
      />
    );
  }
  const pay = async () => {
    try {
      await api.post(`/api/dev/payments/${encodeURIComponent(orderId)}/pay`);
      setPaid(true);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Card title={t('模拟收银台（开发环境）', 'Simulated cashier (development)')}>
      <p>{t(o.description)}</p>
      <p style={{ fontSize: 24 }} data-testid="cashier-amount">
        ¥ {(o.amountFen / 100).toFixed(2)}
      </p>
      <p className="muted">
        {t(
          '正式环境中，这里是银行或税务缴费渠道的支付页面。',
          "In production this is the bank's or the tax bureau's payment page.",
        )}
      </p>
      <Button block color="primary" onClick={() => void pay()} data-testid="cashier-pay">
        {t('确认支付', 'Pay now')}
      </Button>
      <ApiErrorNotice error={error} />
    </Card>
  );
}
