import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isContentAddress, type BlobStore } from './port.ts';

/**
 * Files under `<dir>/ab/cd/<sha256>`. Content is written to a temporary file in `<dir>/tmp` and
 * renamed into place only once it is complete and hashed: rename is atomic on one filesystem, so a
 * crash or a refused upload never leaves a half file under an address.
 */
export function fsBlobStore(dir: string): BlobStore {
  const tmpDir = join(dir, 'tmp');
  // Made once, here: put() must start reading its source at once, as a source left unread for a
  // moment may fail (a dropped connection) with no one listening.
  mkdirSync(tmpDir, { recursive: true });
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  const exists = async (sha256: string) => {
    if (!isContentAddress(sha256)) return false;
    try {
      return (await stat(pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  };
  return {
    exists,
    async put(content) {
      const tmp = join(tmpDir, randomUUID());
      const hash = createHash('sha256');
      let size = 0;
      const hashing = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      try {
        await pipeline(content, hashing, createWriteStream(tmp, { flags: 'wx' }));
        const sha256 = hash.digest('hex');
        // The same content already stored: keep the one copy.
        if (await exists(sha256)) await rm(tmp, { force: true });
        else {
          await mkdir(join(dir, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
          await rename(tmp, pathOf(sha256));
        }
        return { sha256, size };
      } catch (e) {
        await rm(tmp, { force: true });
        throw e;
      }
    },
    async get(sha256) {
      return (await exists(sha256)) ? createReadStream(pathOf(sha256)) : null;
    },
  };
}
