// Serves the dashboard (the static build of web/, made by `npm run build:web`, which `npm install`
// runs) at `/`. Its pages are client-side routes (/chats, /chats/42, /members...): a browser asking
// for one gets index.html. Anything under the API's prefixes keeps the API's JSON 404.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

const API_PREFIXES = ['/api/', '/auth/', '/docs', '/openapi.json', '/health', '/version'];

// The page may load only what the build ships (no CDN); inline styles are Chart.js's.
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-cache',
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>ChatLogger</title>
<p>The dashboard has not been built. Run <code>npm run build:web</code> (or <code>npm install</code>) and restart the server.
The API is running: see <a href="/docs">/docs</a>.</p>`;

export interface Dashboard {
  /** Answers a browser's request for a dashboard page with index.html; false when it is not one. */
  servePage: (request: FastifyRequest, reply: FastifyReply) => boolean;
}

const isPageRequest = (request: FastifyRequest) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const pathname = request.url.split('?')[0];
  if (API_PREFIXES.some((prefix) => pathname === prefix.replace(/\/$/, '') || pathname.startsWith(prefix))) return false;
  // A missing file (an old asset name) is a 404, not the page.
  return !path.posix.basename(pathname).includes('.');
};

export async function registerDashboard(app: FastifyInstance, webDist = WEB_DIST): Promise<Dashboard> {
  const built = fs.existsSync(path.join(webDist, 'index.html'));
  if (!built) {
    app.log.warn(`the dashboard is not built (${webDist} is missing): run npm run build:web`);
    return {
      servePage: (request, reply) => {
        if (!isPageRequest(request)) return false;
        void reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
        return true;
      },
    };
  }
  await app.register(fastifyStatic, {
    root: webDist,
    prefix: '/',
    // Files are looked up per request, so that a rebuild (npm run build:web) under a running
    // server is served at once (a list made at start-up would 404 the new asset names).
    wildcard: true,
    index: false,
    // Our own Cache-Control below (the plugin's would say max-age=0 for everything).
    cacheControl: false,
    setHeaders: (res, filePath) => {
      // Vite puts a content hash in every asset's name: cache them for good.
      if (filePath.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      else res.setHeader('cache-control', 'no-cache');
    },
  });
  const sendPage = (reply: FastifyReply) => reply.headers(PAGE_HEADERS).sendFile('index.html', { cacheControl: false });
  // `/` is a folder to the static plugin (403 without an index): the page, like every route.
  app.get('/', { schema: { hide: true } }, (_request, reply) => sendPage(reply));
  return {
    servePage: (request, reply) => {
      if (!isPageRequest(request)) return false;
      void sendPage(reply);
      return true;
    },
  };
}
