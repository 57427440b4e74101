import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every answer (@fastify/helmet), with a Content-Security-Policy the two web
 * apps, the receipt page and Swagger UI at /docs work under: scripts only from this origin (the Vite
 * builds have no inline script); styles inline as well, since antd and antd-mobile write their
 * styles at run time and Swagger UI sets style attributes; images from data: and blob: URLs (the
 * QR code, previews of uploads); PDF.js's worker from this origin, its decoders as WebAssembly
 * (`'wasm-unsafe-eval'` allows compiling WebAssembly, not eval); PDFs the apps open as blob: URLs.
 * Outside production no upgrade to https, which a phone on the LAN over http would not survive.
 */
export async function installSecurityHeaders(
  app: FastifyInstance,
  o: { production: boolean },
): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // The apps read back the PDFs they hold as blob: URLs.
        connectSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        // The browser's own PDF viewer shows a PDF opened from a blob: URL.
        objectSrc: ["'self'", 'blob:'],
        frameSrc: ["'self'", 'blob:'],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        ...(o.production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only where the service is reached over https: production.
    strictTransportSecurity: o.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // The PDFs and images the apps fetch are their own; nothing cross-origin is embedded.
    crossOriginEmbedderPolicy: false,
  });
}
