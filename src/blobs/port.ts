import type { Readable } from 'node:stream';

/**
 * Where uploaded files live: outside the database tables, addressed by their SHA-256, so the same
 * content is kept once and a row names its file by a hash the signed form already carries. The
 * filesystem by default (fs-blob-store.ts); an S3-compatible store is an adapter behind this port.
 */
export interface BlobStore {
  /**
   * Streams the content in and returns its address. Whatever the source throws (a size limit, a
   * wrong file type, a broken connection) is rethrown, and nothing is left under any address.
   */
  put(content: AsyncIterable<Uint8Array>): Promise<{ sha256: string; size: number }>;
  /** The content as a stream, or null if there is none under this address. */
  get(sha256: string): Promise<Readable | null>;
  exists(sha256: string): Promise<boolean>;
}

export const isContentAddress = (s: string) => /^[0-9a-f]{64}$/.test(s);
