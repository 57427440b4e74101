import { fieldError } from '../../domain/error.ts';
import { uploadsSinceLastSubmission } from '../../store/upload-quota-store.ts';
import type { EngineDeps } from '../deps.ts';

/**
 * How much one applicant may upload for one application (the uploads since their last submitted
 * case): enough for every material a region asks for, several times over, and not a disk's worth.
 */
export interface UploadQuota {
  files: number;
  bytes: number;
}
export const DEFAULT_UPLOAD_QUOTA: UploadQuota = { files: 40, bytes: 40_000_000 };

/** UPLOAD_QUOTA_FILES and UPLOAD_QUOTA_BYTES, each a whole number of at least 1. */
export function uploadQuotaFromEnv(env: Record<string, string | undefined>): UploadQuota {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`${name} must be a whole number, at least 1 (got ${raw})`);
    return n;
  };
  return {
    files: read('UPLOAD_QUOTA_FILES', DEFAULT_UPLOAD_QUOTA.files),
    bytes: read('UPLOAD_QUOTA_BYTES', DEFAULT_UPLOAD_QUOTA.bytes),
  };
}

const mb = (bytes: number) => (bytes / 1_000_000).toFixed(1);

/** Refuses an upload of `incoming` bytes (0 when not yet known) that would pass the quota. */
export async function checkUploadQuota(
  deps: EngineDeps,
  ownerIdNumber: string,
  incoming: number,
  field = 'dataUrl',
): Promise<void> {
  const quota = deps.settings.uploadQuota ?? DEFAULT_UPLOAD_QUOTA;
  const used = await uploadsSinceLastSubmission(deps.db, ownerIdNumber);
  if (used.files + 1 <= quota.files && used.bytes + incoming <= quota.bytes) return;
  throw fieldError(
    'PAYLOAD_TOO_LARGE',
    field,
    {
      zh: `本次申请已上传 ${used.files} 个文件（共 ${mb(used.bytes)} MB），每次申请最多 ${quota.files} 个、共 ${mb(quota.bytes)} MB，不能再上传；请提交申请，或拨打咨询电话`,
      en: `this application has ${used.files} files uploaded (${mb(used.bytes)} MB in all); an application takes at most ${quota.files} files and ${mb(quota.bytes)} MB, so no more can be uploaded — submit the application, or call the hotline`,
    },
    { quota: { files: quota.files, bytes: quota.bytes }, used },
  );
}
