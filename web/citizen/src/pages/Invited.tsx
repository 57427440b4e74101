import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../api.ts';
import { Loading } from '../components/ErrorBlock.tsx';

/**
 * The link in the invitation a delivery record brings (免申即办): counts the opening for
 * supervision's funnel, then starts the application from the delivery record, as Home does.
 */
export function Invited() {
  const { region, birthOrder } = useParams();
  const navigate = useNavigate();
  useEffect(() => {
    const go = () => navigate(`/apply/${region}?baby=${birthOrder}`, { replace: true });
    // The opening is counted on a best-effort basis: the application must start either way.
    api.post(`/api/citizen/proactive/${birthOrder}/opened`).then(go, go);
  }, [region, birthOrder, navigate]);
  return <Loading />;
}
