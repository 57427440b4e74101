import { useState } from 'react';
import { maskId } from '../../../../src/domain/citizen-id.ts';
import { useT } from '../i18n.tsx';

export { maskId };

/**
 * An ID number as every page shows it: masked. The person it belongs to (or a parent, for their
 * baby's) may show the whole number on demand; nobody else can.
 */
export function MaskedId({ id, owner = false }: { id: string; owner?: boolean }) {
  const t = useT();
  const [shown, setShown] = useState(false);
  return (
    <span className="value" data-testid="masked-id">
      <span>{shown ? id : maskId(id)}</span>
      {owner && (
        <button
          type="button"
          className="link-button"
          onClick={() => setShown((s) => !s)}
          aria-pressed={shown}
        >
          {shown ? t('隐藏', 'Hide') : t('显示完整号码', 'Show in full')}
        </button>
      )}
    </span>
  );
}
