import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { fieldError } from '../../../domain/error.ts';
import { MAX_UPLOAD_BYTES } from '../../../engine/parent/uploads.ts';
import type { AppDeps } from '../../app.ts';
import { StoredUpload } from '../../../contract/citizen.ts';
import { security } from './schemas.ts';

/** The file itself as the body, in any of these types; the content decides what it is. */
const RAW_TYPES = ['application/octet-stream', 'image/jpeg', 'image/png', 'application/pdf'];

/**
 * An upload as the raw file, streamed to the blob store as it arrives: never whole in memory, and
 * refused while streaming once it passes 1.5 MB (a declared Content-Length over it, at once).
 */
export const uploadStreamRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Only in this plugin: the body is handed over unread, as the request stream.
    app.addContentTypeParser(RAW_TYPES, (_req, payload, done) => done(null, payload));
    app.post(
      '/uploads/:material',
      {
        schema: {
          operationId: 'uploadMaterialFile',
          response: { 201: StoredUpload },
          summary:
            'Upload a material as the file itself (body: the JPEG, PNG or PDF, at most 1.5 MB), streamed to storage',
          tags: ['citizen'],
          security,
          params: z.strictObject({
            material: z
              .string()
              .regex(/^[a-z0-9-]+$/, 'material id')
              .max(60),
          }),
        },
      },
      async (req, reply) => {
        const body = req.body as Readable | undefined;
        if (!body || typeof (body as Partial<Readable>).pipe !== 'function')
          throw fieldError('INVALID_INPUT', 'body', {
            zh: `请以文件本身作为请求内容上传（${RAW_TYPES.join('、')}）`,
            en: `send the file itself as the body (${RAW_TYPES.join(', ')})`,
          });
        if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES)
          throw fieldError('PAYLOAD_TOO_LARGE', 'body', {
            zh: '文件不能超过 1.5 MB，请压缩或重新拍摄',
            en: 'the file must be at most 1.5 MB; compress it or take the photo again',
          });
        const stored = await deps.engine.parent.uploadStream(req.citizenId, req.params.material, body);
        return reply.status(201).send(stored);
      },
    );
  };
