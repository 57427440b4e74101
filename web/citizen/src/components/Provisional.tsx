import { useT } from '../i18n.tsx';
import { formatTime } from '../hooks.ts';
import { PROVISIONAL_DEADLINE_LABELS } from '../status.ts';

/**
 * A deadline counted on a year the State Council has not yet published its holiday arrangement for
 * reads "（暂定）" / "(provisional)" beside the date; the reason is said once per page, below.
 */
export function ProvisionalMark({ on }: { on: boolean | undefined }) {
  const t = useT();
  return on ? <span data-testid="provisional-mark">{t(PROVISIONAL_DEADLINE_LABELS.mark)}</span> : null;
}

export function ProvisionalNote({ on }: { on: boolean }) {
  const t = useT();
  return on ? (
    <p className="muted" data-testid="provisional-note">
      {t(PROVISIONAL_DEADLINE_LABELS.explanation)}
    </p>
  ) : null;
}

/** What a recount after the official arrangement changed, for the timeline and under a promise. */
export function recountText(
  t: ReturnType<typeof useT>,
  change: { from: string | null; to: string | null } | undefined,
  source: string,
): string {
  const date = (d: string | null) => (d ? formatTime(d) : t('未定', 'not set'));
  const moved = change ? `${date(change.from)} → ${date(change.to)}` : '';
  return `${t(PROVISIONAL_DEADLINE_LABELS.recomputed)}${t(`（${source}）`, ` (${source})`)}${moved && ` ${moved}`}`;
}
