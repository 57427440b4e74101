import { citationText } from '../../../../src/policy/citation-text.ts';
import { useT } from '../i18n.tsx';
import type { Citation, Policy } from '../types.ts';

/** "依据《…》二 2": the document and clause a rule comes from, as the server words it too. */
export function Clause({ policy, citation }: { policy: Policy; citation: Citation }) {
  const t = useT();
  return (
    <div className="clause" data-testid="clause">
      {t('依据', 'Source:')} {citationText(policy, citation)}
    </div>
  );
}
