// /api/v1 routes for reports: the kinds, the subjects of a kind, and a report's model as JSON (the
// same the pages, the PDF and the bundle are made from), one route per kind with its own schema.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../web/env.ts';
import { jsonContent as json, langQuery, problemResponses } from '../web/api.ts';
import { notFound } from '../web/problem.ts';
import { translator } from '../i18n/index.ts';
import { languages } from '../language/languages.ts';
import { reportKinds } from './kinds.ts';
import { buildReport } from './service.ts';
import { reportPaths } from './frame.tsx';
import { ReportSourceSchema } from './sources.ts';

const KindSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    subjects: z.string().openapi({ description: 'Where the subjects of this kind are listed' }),
  })
  .openapi('ReportKind');

const SubjectSchema = z.object({ id: z.string(), label: z.string(), lang: z.enum(languages).optional(), note: z.string().optional() });

const subjectParam = z.object({
  subject: z
    .string()
    .min(1)
    .max(100)
    .openapi({
      param: { name: 'subject', in: 'path' },
      description: 'What the report is about: a roadmap id, an area code (KEN, 002, LDC)',
    }),
});

const Links = z.object({ html: z.string(), pdf: z.string(), zip: z.string() });

export function registerReportApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/reports',
      tags: ['Reports'],
      summary: 'The kinds of report Concord makes (roadmap report, country or group profile, ...)',
      request: { query: z.object({ lang: langQuery }) },
      responses: { 200: json(z.object({ items: z.array(KindSchema) }), 'Kinds of report') },
    }),
    (c) => {
      const t = translator(c.req.valid('query').lang);
      return c.json({
        items: reportKinds.map((k) => ({
          id: k.id,
          title: t(k.title),
          description: t(k.description),
          subjects: `/api/v1/reports/${k.id}`,
        })),
      });
    },
  );

  for (const kind of reportKinds) {
    const name = kind.id.charAt(0).toUpperCase() + kind.id.slice(1);
    api.openapi(
      createRoute({
        method: 'get',
        path: `/reports/${kind.id}`,
        tags: ['Reports'],
        summary: `Subjects a ${translator('en')(kind.title).toLowerCase()} can be made for`,
        request: { query: z.object({ lang: langQuery }) },
        responses: { 200: json(z.object({ items: z.array(SubjectSchema) }), 'Subjects') },
      }),
      async (c) => c.json({ items: await kind.subjects(c.var.store.db, c.req.valid('query').lang) }),
    );

    const Envelope = z
      .object({
        kind: z.literal(kind.id),
        subject: z.string(),
        lang: z.enum(languages),
        generatedAt: z.string().openapi({ description: 'When it was generated (ISO 8601, UTC)' }),
        address: z.string().openapi({ description: 'Where it is read online' }),
        title: z.string(),
        titleLang: z.enum(languages).optional(),
        sources: z.array(ReportSourceSchema).openapi({ description: 'The sources every figure and table cites by id' }),
        data: kind.data,
        links: Links,
      })
      .openapi(`${name}ReportEnvelope`);

    api.openapi(
      createRoute({
        method: 'get',
        path: `/reports/${kind.id}/{subject}`,
        tags: ['Reports'],
        summary: `${translator('en')(kind.title)}: its model as JSON, with the sources of every figure`,
        description: translator('en')(kind.description),
        request: {
          params: subjectParam.extend({ subject: subjectParam.shape.subject.openapi({ example: kind.exampleSubject }) }),
          query: z.object({ lang: langQuery }),
        },
        responses: { 200: json(Envelope, 'The report'), ...problemResponses },
      }),
      async (c) => {
        const { subject } = c.req.valid('param');
        const { lang } = c.req.valid('query');
        const report = await buildReport(kind, { db: c.var.store.db, subject, lang, publicUrl: c.var.config.publicUrl });
        if (!report) throw notFound(`No ${kind.id} report for ${subject}`);
        const paths = reportPaths(report);
        // Generated afresh on every request: not shared-cached for long.
        c.header('Cache-Control', 'no-cache');
        return c.json({ ...report, kind: kind.id, links: { html: paths.html, pdf: paths.pdf, zip: paths.zip } }, 200);
      },
    );
  }
}
