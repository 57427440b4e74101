import type { Citation, Policy } from '../types.ts';
import { useT } from '../i18n.tsx';

/** "依据《…》二 2": the document and clause a rule comes from. */
export function Clause({ policy, citation }: { policy: Policy; citation: Citation }) {
  const t = useT();
  const title = policy.sources.find((s) => s.file === citation.file)?.title ?? citation.file;
  return (
    <div className="clause" data-testid="clause">
      {t('依据', 'Source:')} 《{title}》 {citation.clause}
    </div>
  );
}
