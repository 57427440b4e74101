import { createHash } from 'node:crypto';
import { insertUpload } from '../../store/upload-store.ts';
import type { EngineDeps } from '../deps.ts';

/**
 * A material the shared data cannot supply, uploaded before submission. Kept by content hash;
 * the signed form names the hash, so a swapped file shows.
 */
export async function upload(
  deps: EngineDeps,
  ownerIdNumber: string,
  material: string,
  mime: string,
  bytes: Buffer,
) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // The same file for the same material is one upload; for another material it is another.
  const uploadId = `U${createHash('sha256').update(`${material}\u0000${sha256}`).digest('hex').slice(0, 24)}`;
  await insertUpload(deps.db, {
    id: uploadId,
    ownerIdNumber,
    material,
    mime,
    sha256,
    bytes,
    createdAt: deps.clock.now().toISOString(),
  });
  return { uploadId, material, sha256, mime, size: bytes.length };
}
