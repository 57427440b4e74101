import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The parents' app (web/citizen), built by Vite, served at `/` by the same server so the app and
 * the API share one origin. Hashed assets are cached for good; index.html never is, so a new
 * build reaches phones at once. The app routes by URL hash, so no fallback route is needed.
 */
export async function serveWebApp(app: FastifyInstance, root: string): Promise<boolean> {
  if (!existsSync(`${root}/index.html`)) return false;
  // The staff workbench is built into the same root, under /staff/.
  app.get('/staff', (_req, reply) => reply.redirect('/staff/'));
  // Supervision is a part of the staff app, reached by its own address.
  app.get('/supervision', (_req, reply) => reply.redirect('/staff/#/supervision'));
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return true;
}
