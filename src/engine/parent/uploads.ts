import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { fieldError } from '../../domain/error.ts';
import { insertUpload } from '../../store/upload-store.ts';
import type { EngineDeps } from '../deps.ts';

/** What may be uploaded: photos or scans of a paper, at most 1.5 MB, recognised by content. */
export const UPLOAD_TYPES = [
  { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
] as const;
export const MAX_UPLOAD_BYTES = 1_500_000;
const MAGIC_LENGTH = 4;
export const uploadTypeOf = (b: Uint8Array) =>
  UPLOAD_TYPES.find((t) => t.magic.every((byte, i) => b[i] === byte))?.mime;

const tooLarge = (field: string) =>
  fieldError('PAYLOAD_TOO_LARGE', field, {
    zh: '文件不能超过 1.5 MB，请压缩或重新拍摄',
    en: 'the file must be at most 1.5 MB; compress it or take the photo again',
  });
const wrongType = (field: string) =>
  fieldError('INVALID_INPUT', field, {
    zh: '只能上传 JPG、PNG 图片或 PDF 文件',
    en: 'only JPG or PNG images or PDF files can be uploaded',
  });

/**
 * The content as it streams in, refused the moment it passes the size limit or its first bytes are
 * not a JPEG, PNG or PDF: the blob store then drops what it had written, and nothing is kept.
 */
async function* checked(
  content: AsyncIterable<Uint8Array>,
  field: string,
  seen: { mime?: string },
): AsyncGenerator<Uint8Array> {
  let size = 0;
  let head = Buffer.alloc(0);
  for await (const chunk of content) {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES) throw tooLarge(field);
    if (!seen.mime) {
      head = Buffer.concat([head, chunk]);
      if (head.length >= MAGIC_LENGTH) seen.mime = uploadTypeOf(head) ?? failType(field);
    }
    yield chunk;
  }
  seen.mime ??= uploadTypeOf(head) ?? failType(field);
}
const failType = (field: string): never => {
  throw wrongType(field);
};

/**
 * A material the shared data cannot supply, uploaded before submission. The content goes to the
 * blob store as it arrives (never whole in memory); the table keeps who uploaded what under which
 * content hash. The signed form names the hash, so a swapped file shows.
 */
export async function uploadStream(
  deps: EngineDeps,
  ownerIdNumber: string,
  material: string,
  content: AsyncIterable<Uint8Array>,
  field = 'body',
) {
  const seen: { mime?: string } = {};
  const { sha256, size } = await deps.blobs.put(checked(content, field, seen));
  // The same file for the same material is one upload; for another material it is another.
  const uploadId = `U${createHash('sha256').update(`${material}\u0000${sha256}`).digest('hex').slice(0, 24)}`;
  const mime = seen.mime!;
  await insertUpload(deps.db, {
    id: uploadId,
    ownerIdNumber,
    material,
    mime,
    sha256,
    size,
    createdAt: deps.clock.now().toISOString(),
  });
  return { uploadId, material, sha256, mime, size };
}

/** A file already in memory (a data URL from the app, a paper the window produced). */
export const upload = (deps: EngineDeps, ownerIdNumber: string, material: string, bytes: Buffer) =>
  uploadStream(deps, ownerIdNumber, material, Readable.from([bytes]), 'dataUrl');
