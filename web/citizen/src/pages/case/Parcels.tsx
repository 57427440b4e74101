import { formatTime } from '../../hooks.ts';
import { useT } from '../../i18n.tsx';
import { PARCEL_DIRECTION_LABELS, PARCEL_STATUS_LABELS } from '../../status.ts';
import type { Parcel } from '../../types.ts';

/** An item's parcels: which way, the EMS waybill once the courier has one, and each tracking step. */
export function Parcels({ parcels }: { parcels: Parcel[] }) {
  const t = useT();
  return (
    <>
      {parcels.map((p) => (
        <div key={p.id} data-testid="parcel" data-parcel-status={p.status} style={{ marginTop: 8 }}>
          <strong>{t(PARCEL_DIRECTION_LABELS[p.direction]!)}</strong> · {t(PARCEL_STATUS_LABELS[p.status]!)}
          {p.waybill && (
            <div className="muted">{t(`邮政 EMS 运单号 ${p.waybill}`, `EMS waybill ${p.waybill}`)}</div>
          )}
          {p.pickup && (
            <div className="muted">
              {t(
                `上门取件：${formatTime(p.pickup.window.from)}–${formatTime(p.pickup.window.to).slice(11)}，${p.pickup.address.detail}`,
                `Pickup: ${formatTime(p.pickup.window.from)}–${formatTime(p.pickup.window.to).slice(11)}, ${p.pickup.address.detail}`,
              )}
            </div>
          )}
          {p.tracking.map((e, i) => (
            <div key={i} className="muted">
              {formatTime(e.at)} {t(PARCEL_STATUS_LABELS[e.status]!)}
            </div>
          ))}
        </div>
      ))}
    </>
  );
}
