// Assembles Concord: middleware (security headers, compression, locale), the /api/v1 router,
// the pages of each domain slice, static assets and errors.
import { sectionsOf } from './sections.tsx';
import { Hono } from 'hono';
import { compression } from './compression.ts';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import type { Store } from '../store/index.ts';
import { withRevisionsReadOnce } from '../store/revisions.ts';
import type { Config } from '../config.ts';
import type { AppEnv } from './env.ts';
import { localePath } from './locale.ts';
import { createApi, openApiDocument } from './api.ts';
import { Problem, problemResponse } from './problem.ts';
import { assets } from './assets.ts';
import { isLanguage, negotiateLanguage, type Language } from '../language/languages.ts';
import { translator } from '../i18n/index.ts';
import { registerFrameworkApi } from '../frameworks/api.ts';
import { registerFrameworkPages } from '../frameworks/pages.tsx';
import { registerHomePage } from './home.tsx';
import { registerApiReference } from './api-reference.tsx';
import { errorPage } from './error-page.tsx';
import { sessions } from './session.ts';
import { credentialCaching } from './caching.ts';
import { Refusal } from '../shared/refusal.ts';
import { registerAccountPages } from '../accounts/pages.tsx';
import { registerAccountApi } from '../accounts/api.ts';
import { registerOrganizationPages } from '../organizations/pages.tsx';
import { registerOrganizationApi } from '../organizations/api.ts';
import { membershipsOf } from '../organizations/service.ts';
import { registerInitiativeApi } from '../initiatives/api.ts';
import { registerRegistryReviewApi } from '../registries/review-api.ts';
import { registerInitiativePages } from '../initiatives/pages.tsx';
import { registerPledgePages } from '../pledges/pages.tsx';
import { registerPledgeApi } from '../pledges/api.ts';
import { registerTransferApi, registerTransferPages } from '../initiatives/transfer-pages.tsx';
import { registerDuplicatePages } from '../initiatives/duplicate-pages.tsx';
import { registerRegistryPages } from '../registries/pages.tsx';
import { registerIatiUploadPage } from '../registries/iati-upload.tsx';
import { registerRoadmapApi } from '../roadmaps/api.ts';
import { registerCoverageApi } from '../coverage/api.ts';
import { registerCoveragePages } from '../coverage/pages.tsx';
import { registerRoadmapPages } from '../roadmaps/pages.tsx';
import { registerDocumentApi } from '../documents/api.ts';
import { registerDocumentPages } from '../documents/pages.tsx';
import { registerMandateApi } from '../mandates/api.ts';
import { registerMandatePages } from '../mandates/pages.tsx';
import { registerIndicatorApi } from '../indicators/api.ts';
import { registerIndicatorPages } from '../indicators/pages.tsx';
import { registerReportApi } from '../reports/api.ts';
import { registerReportPages } from '../reports/pages.tsx';
import { registerJobApi } from '../jobs/api.ts';
import { registerJobPages } from '../jobs/pages.tsx';
import { bodyExceeded, bodyLimit, bodyTooLarge } from './upload-limit.ts';
import { isStoreValueError, requestTarget, storeValueProblem } from './bad-input.ts';

export function createApp(store: Store, config: Config): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const sections = sectionsOf(app);
  app.use('*', async (c, next) => {
    c.set('store', store);
    c.set('config', config);
    c.set('sections', sections);
    // A reading request reads the store's revisions once, whatever number of cached read models it shows.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') await withRevisionsReadOnce(next);
    else await next();
  });
  // Before anything that reads a body or acts on it (sessions, authentication, CSRF, parsing).
  app.use('*', bodyLimit());
  // A NUL or a malformed escape in the path or a query parameter is refused before any route reads it.
  app.use('*', requestTarget());
  app.use('*', credentialCaching());
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      crossOriginResourcePolicy: 'cross-origin',
    }),
  );
  app.use('*', compression());

  const api = createApi();
  registerFrameworkApi(api);
  registerAccountApi(api, membershipsOf);
  registerOrganizationApi(api);
  // Pledges before initiatives: POST /initiatives/{id}/pledges is more specific than /initiatives/{id}/{action}.
  registerPledgeApi(api);
  registerInitiativeApi(api);
  registerRegistryReviewApi(api);
  registerRoadmapApi(api);
  registerCoverageApi(api);
  registerTransferApi(api);
  registerDocumentApi(api);
  registerMandateApi(api);
  registerIndicatorApi(api);
  registerReportApi(api);
  registerJobApi(api);
  api.get('/openapi.json', (c) => c.json(openApiDocument(api)));
  app.route('/api/v1', api);

  for (const file of assets.files) {
    app.get(file.path, (c) =>
      c.body(file.body, 200, { 'Content-Type': file.type, 'Cache-Control': 'public, max-age=31536000, immutable' }),
    );
  }
  app.get('/healthz', (c) => c.json({ status: 'ok', store: store.dialect }));

  // The locale is the first path segment; "/" sends the reader to their language.
  app.get('/', (c) => c.redirect(`/${negotiateLanguage(c.req.header('Accept-Language'))}/`, 303));
  app.use(`${localePath}/*`, async (c, next) => {
    const lang = c.req.param('lang');
    if (!isLanguage(lang)) return c.notFound();
    c.set('lang', lang);
    c.set('t', translator(lang));
    await next();
    if (c.res.headers.get('Content-Type')?.startsWith('text/html')) {
      c.res.headers.set('Content-Language', lang);
      // A page that chose its caching (a draft: no-store) keeps it.
      if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-cache');
      c.res.headers.set('Vary', 'Accept-Encoding');
    }
  });
  // Who is reading, and the CSRF token for the page's forms.
  app.use(`${localePath}/*`, sessions());
  app.get('/:lang{[a-z]{2}}', (c) => (isLanguage(c.req.param('lang')) ? c.redirect(`/${c.req.param('lang')}/`, 308) : c.notFound()));
  registerHomePage(app);
  registerFrameworkPages(app);
  registerAccountPages(app);
  registerOrganizationPages(app);
  registerInitiativePages(app);
  registerPledgePages(app);
  registerRoadmapPages(app);
  registerCoveragePages(app);
  registerTransferPages(app);
  registerDuplicatePages(app);
  registerRegistryPages(app);
  registerIatiUploadPage(app);
  registerDocumentPages(app);
  registerMandatePages(app);
  registerIndicatorPages(app);
  registerReportPages(app);
  registerJobPages(app);
  registerApiReference(app, api);

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith('/api/')) return problemResponse(c, new Problem(404, 'Not Found', `Nothing at ${path}`));
    return errorPage(c, 404, pageLanguage(c.get('lang'), c.req.header('Accept-Language')));
  });

  app.onError((error, c) => {
    // Whatever a reader made of a body cut off at its limit, the answer is 413.
    if (bodyExceeded(c)) return bodyTooLarge(c);
    const path = new URL(c.req.url).pathname;
    const lang = pageLanguage(c.get('lang'), c.req.header('Accept-Language'));
    if (error instanceof Refusal) {
      if (path.startsWith('/api/')) {
        const message = translator('en')(error.key, error.values);
        const problem = new Problem(
          error.status,
          statusTitle(error.status),
          message,
          error.field ? [{ field: `body.${error.field}`, message }] : undefined,
        );
        return problemResponse(c, problem);
      }
      // A page that needs an account sends the reader to sign in, then back.
      if (error.status === 401) return c.redirect(`/${lang}/sign-in?next=${encodeURIComponent(path)}`, 303);
      return errorPage(c, error.status, lang, translator(lang)(error.key, error.values));
    }
    const problem =
      error instanceof Problem
        ? error
        : error instanceof HTTPException
          ? new Problem(error.status, error.message || 'Error')
          : isStoreValueError(error)
            ? storeValueProblem()
            : new Problem(500, 'Internal Server Error', 'Concord could not answer this request; the error has been logged.');
    if (problem.status >= 500) console.error(error);
    if (path.startsWith('/api/')) return problemResponse(c, problem);
    return errorPage(c, problem.status, lang);
  });

  return app;
}

function pageLanguage(fromPath: Language | undefined, acceptLanguage: string | undefined): Language {
  return fromPath ?? negotiateLanguage(acceptLanguage);
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
};

function statusTitle(status: number): string {
  return titles[status] ?? 'Error';
}
