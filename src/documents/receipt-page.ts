import { CASE_STATUS_LABELS } from '../domain/labels.ts';
import { formatInstant } from '../domain/local-date.ts';
import type { Bilingual } from '../domain/text.ts';

/**
 * The page a scanned receipt opens in a browser: whether the receipt is genuine and the case's
 * status, in Chinese and English, readable on a phone. Never the family's data.
 */
export type ReceiptCheck =
  | { valid: true; caseId: string; region: string; submittedAt: string; status: string }
  | { valid: false; message: Bilingual };

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function receiptPage(check: ReceiptCheck, regionName: Bilingual | null): string {
  const rows = (zh: string, en: string, value: string) =>
    `<tr><th>${zh}<br><small>${en}</small></th><td>${escape(value)}</td></tr>`;
  const body = check.valid
    ? `<p class="ok">✔ 回执真实有效<br><small>The receipt is genuine</small></p>
       <table>
         ${rows('办件编号', 'Case number', check.caseId)}
         ${rows('办理地区', 'Region', regionName ? `${regionName.zh} / ${regionName.en}` : '')}
         ${rows('提交时间', 'Submitted', `${formatInstant(check.submittedAt)}（北京时间 / Beijing time）`)}
         ${rows('办理状态', 'Status', `${CASE_STATUS_LABELS[check.status]?.zh ?? ''} / ${CASE_STATUS_LABELS[check.status]?.en ?? ''}`)}
       </table>`
    : `<p class="bad">✘ ${escape(check.message.zh)}<br><small>${escape(check.message.en)}</small></p>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>收件回执核验 / Receipt check</title>
<style>
  body { font-family: -apple-system, 'PingFang SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', sans-serif; margin: 0; padding: 16px; color: #1a1a1a; background: #f5f5f5; }
  main { max-width: 480px; margin: 0 auto; background: #fff; padding: 16px; border-radius: 8px; }
  h1 { font-size: 20px; margin: 0 0 12px; } small { color: #595959; font-weight: normal; }
  .ok { color: #00703c; font-size: 18px; } .bad { color: #b00020; font-size: 18px; }
  table { width: 100%; border-collapse: collapse; } th, td { text-align: left; padding: 8px 4px; border-top: 1px solid #ddd; vertical-align: top; }
  th { width: 40%; font-weight: 600; }
</style></head>
<body><main>
<h1>新生儿出生“一件事” 收件回执核验<br><small>Newborn one-thing service: receipt check</small></h1>
${body}
<p><small>本页只显示回执是否真实及办理状态，不显示家庭信息。<br>This page shows only whether the receipt is genuine and the case's status, never the family's details.</small></p>
</main></body></html>`;
}
