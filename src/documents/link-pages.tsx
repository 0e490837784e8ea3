// Pages for the links from a document's paragraphs to framework elements: the links of one
// language version (reviewers confirm, retype or reject each with a plain form), a proposal form
// for signed-in contributors, one link's history, and the section of an element page that lists
// the paragraphs confirmed as linked to it. Works without JavaScript.
import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../web/env.ts';
import { localePath } from '../web/locale.ts';
import { href, pageContext, type PageContext } from '../web/layout.tsx';
import { requireUser } from '../web/session.ts';
import { readForm } from '../web/forms.ts';
import { formRoute } from '../web/form-page.tsx';
import { Field, PostForm, SelectField } from '../web/form-ui.tsx';
import { registerSection, type Section } from '../web/sections.tsx';
import { directionOf, isLanguage, type Language } from '../language/languages.ts';
import type { MessageKey } from '../i18n/index.ts';
import { isReviewer } from '../accounts/service.ts';
import { Refusal } from '../shared/refusal.ts';
import { getDocument, getParagraphs, versionLanguage, type DocumentDetail } from './service.ts';
import {
  decideLink,
  getParagraphLink,
  linkHistory,
  linkTypes,
  listParagraphLinks,
  proposeLink,
  explainMatches,
  type LinkDecision,
  type MatchExplanation,
  type ParagraphLink,
} from './paragraph-links.ts';
import { linkableKinds } from './links.ts';
import { CARRIER_ACTOR } from './framework-carriers.ts';
import { DocumentSubpage } from './page-parts.tsx';

type Ctx = PageContext & { csrf: string };

/** How a paragraph is referred to: its printed number, (a) for a sub-paragraph, pp1, pp2... for the unnumbered preamble. */
const paragraphLabel = (p: { kind: string; number: string | null; preamble?: number | null }) =>
  p.kind === 'subparagraph' ? `(${p.number ?? ''})` : (p.number ?? (p.preamble ? `pp${p.preamble}` : '—'));

/** The preambular paragraphs of a version in order, numbered 1, 2... (they print no number). */
function withPreambleNumbers<P extends { kind: string }>(paragraphs: readonly P[]): (P & { preamble: number | null })[] {
  let preamble = 0;
  return paragraphs.map((p) => ({ ...p, preamble: p.kind === 'preambular' ? ++preamble : null }));
}

function LinkState(props: { ctx: PageContext; link: ParagraphLink }) {
  const { t } = props.ctx;
  return (
    <>
      <span class={`badge state-${props.link.state}`}>{t(`links.state.${props.link.state}`)}</span>{' '}
      <span class="meta">{t(`links.type.${props.link.type}`)}</span>
    </>
  );
}

/** The reviewer's form for one link: the type, then confirm or reject (the buttons say which). */
function DecisionForm(props: { ctx: Ctx; documentId: string; lang: Language; link: ParagraphLink }) {
  const { ctx, link } = props;
  const { t } = ctx;
  const id = `type-${link.paragraph.id}-${link.element.id}`;
  return (
    <PostForm
      ctx={ctx}
      action={href(ctx, `/documents/${props.documentId}/links/decision?in=${props.lang}`)}
      class="inline"
      label={t('links.decide', { id: link.element.id })}
    >
      <input type="hidden" name="paragraph" value={String(link.paragraph.id)} />
      <input type="hidden" name="element" value={link.element.id} />
      <label for={id}>{t('links.typeLabel')}</label>{' '}
      <select id={id} name="type">
        {linkTypes.map((type) => (
          <option value={type} selected={type === link.type}>
            {t(`links.type.${type}`)}
          </option>
        ))}
      </select>{' '}
      <button type="submit" name="decision" value="confirm">
        {t('links.confirm')}
      </button>{' '}
      {link.state !== 'rejected' ? (
        <button type="submit" name="decision" value="reject">
          {t('links.reject')}
        </button>
      ) : null}
    </PostForm>
  );
}

/** The element's whole text; for a matcher suggestion, the words it shares with the paragraph marked, and the score. */
function ElementText(props: { ctx: PageContext; link: ParagraphLink; why: MatchExplanation | undefined }) {
  const { ctx, link, why } = props;
  const { t } = ctx;
  if (!link.element.lang) return null;
  const lang = link.element.lang;
  return (
    <>
      {why ? (
        // Escaped by explainMatches, with <mark> around the shared words.
        <p lang={lang} dir={directionOf(lang)} dangerouslySetInnerHTML={{ __html: why.marked }} />
      ) : (
        <p lang={lang} dir={directionOf(lang)}>
          {[link.element.title, link.element.text].filter(Boolean).join(' — ')}
        </p>
      )}
      {why && link.score !== null ? (
        <p class="meta">{t('links.why', { score: Math.round(link.score * 10) / 10, words: why.shared })}</p>
      ) : null}
    </>
  );
}

function LinksPage(props: {
  ctx: Ctx;
  detail: DocumentDetail;
  lang: Language;
  links: ParagraphLink[];
  /** Why the matcher suggested each of its links (paragraphId:elementId). */
  why: Map<string, MatchExplanation>;
  reviewer: boolean;
  signedIn: boolean;
}) {
  const { ctx, detail, lang } = props;
  const { t } = ctx;
  const byParagraph = new Map<number, ParagraphLink[]>();
  for (const link of props.links) byParagraph.set(link.paragraph.id, [...(byParagraph.get(link.paragraph.id) ?? []), link]);
  const historyHref = (link: ParagraphLink) =>
    href(ctx, `/documents/${detail.id}/links/history?paragraph=${link.paragraph.id}&element=${encodeURIComponent(link.element.id)}`);
  return (
    <DocumentSubpage ctx={ctx} detail={detail} title={t('document.links.title')} back={`/documents/${detail.id}?in=${lang}`}>
      <p class="note">{t('links.note')}</p>
      {props.signedIn ? (
        <p>
          <a href={href(ctx, `/documents/${detail.id}/links/new?in=${lang}`)}>{t('links.propose.link')}</a>
        </p>
      ) : null}
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('document.actions.paragraph')}</th>
              <th scope="col">{t('links.column.links')}</th>
            </tr>
          </thead>
          <tbody>
            {[...byParagraph.values()].map((links) => {
              const p = links[0]!.paragraph;
              return (
                <tr id={`p-${p.id}`}>
                  <td>
                    <a href={href(ctx, `/documents/${detail.id}?in=${lang}#${p.eid}`)}>{paragraphLabel(p)}</a>
                  </td>
                  <td>
                    <ul class="links">
                      {links.map((link) => (
                        <li>
                          <a href={href(ctx, `/elements/${link.element.id}`)}>{link.element.id}</a> <LinkState ctx={ctx} link={link} />{' '}
                          <span class="meta">
                            (
                            {link.suggestedBy === 'matcher'
                              ? t('links.byMatcher')
                              : link.suggestedBy === CARRIER_ACTOR
                                ? t('links.byDocument')
                                : t('links.byPerson', { name: link.suggestedByName ?? link.suggestedBy })}{' '}
                            · <a href={historyHref(link)}>{t('links.history.link')}</a>)
                          </span>
                          <ElementText ctx={ctx} link={link} why={props.why.get(`${link.paragraph.id}:${link.element.id}`)} />
                          {link.evidence ? (
                            <p>
                              <strong>{t('links.evidence')}</strong>
                              {t('ui.colon')}
                              <span dir="auto">{link.evidence}</span>
                            </p>
                          ) : null}
                          {props.reviewer ? <DecisionForm ctx={ctx} documentId={detail.id} lang={lang} link={link} /> : null}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {byParagraph.size === 0 ? <p>{t('links.none')}</p> : null}
    </DocumentSubpage>
  );
}

function HistoryPage(props: { ctx: Ctx; detail: DocumentDetail; link: ParagraphLink; history: LinkDecision[] }) {
  const { ctx, detail, link } = props;
  const { t } = ctx;
  const lang = link.paragraph.lang;
  return (
    <DocumentSubpage ctx={ctx} detail={detail} title={t('links.history.title')} back={`/documents/${detail.id}/links?in=${lang}`}>
      <p>
        <a href={href(ctx, `/documents/${detail.id}?in=${lang}#${link.paragraph.eid}`)}>
          {t('document.actions.paragraph')} {paragraphLabel(link.paragraph)}
        </a>{' '}
        → <a href={href(ctx, `/elements/${link.element.id}`)}>{link.element.id}</a> <LinkState ctx={ctx} link={link} />
      </p>
      <blockquote lang={lang} dir={directionOf(lang)}>
        {link.paragraph.text}
      </blockquote>
      <table>
        <caption class="visually-hidden">{t('links.history.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('links.history.when')}</th>
            <th scope="col">{t('links.history.who')}</th>
            <th scope="col">{t('links.history.what')}</th>
            <th scope="col">{t('links.typeLabel')}</th>
            <th scope="col">{t('links.history.note')}</th>
          </tr>
        </thead>
        <tbody>
          {props.history.map((h) => (
            <tr>
              <td dir="ltr">{h.at.slice(0, 19).replace('T', ' ')}</td>
              <td dir="auto">{h.by === 'matcher' ? t('links.history.matcher') : (h.byName ?? h.by)}</td>
              <td>{t(`links.history.action.${h.action}`)}</td>
              <td>{t(`links.type.${h.type}`)}</td>
              <td dir="auto">{h.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </DocumentSubpage>
  );
}

/** Element pages: the document paragraphs confirmed as linked to the element or one below it. */
const elementSection: Section = async ({ db, id, ctx }) => {
  const { t } = ctx;
  const { total, items } = await listParagraphLinks(db, { element: id, descendants: true, state: 'confirmed', limit: 20 });
  return (
    <section aria-labelledby="document-links-title">
      <h2 id="document-links-title">{t('links.element.title')}</h2>
      <p class={total ? undefined : 'meta'}>{t('links.element.count', { count: total })}</p>
      {items.length ? (
        <ul>
          {items.map((link) => (
            <li>
              <a href={href(ctx, `/documents/${link.document.id}?in=${link.paragraph.lang}#${link.paragraph.eid}`)}>
                {/* A symbol and a paragraph number keep their own order on a right-to-left page. */}
                <bdi>{link.document.symbol ?? link.document.id}</bdi> {ctx.t('document.actions.paragraph')}{' '}
                <bdi>{paragraphLabel(link.paragraph)}</bdi>
              </a>{' '}
              <span class="meta">({t('links.element.via', { id: link.element.id, kind: t(`links.type.${link.type}`) })})</span>
              <p lang={link.paragraph.lang} dir={directionOf(link.paragraph.lang)}>
                {link.paragraph.text.length > 300 ? `${link.paragraph.text.slice(0, 300)}…` : link.paragraph.text}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {total > items.length ? (
        <p>
          <a href={`/api/v1/paragraph-links?element=${encodeURIComponent(id)}&state=confirmed`}>{t('links.element.all')}</a>
        </p>
      ) : null}
    </section>
  );
};

const decisionForm = z.object({
  paragraph: z.coerce.number().int().positive(),
  element: z.string().trim().min(1).max(100),
  decision: z.enum(['confirm', 'reject']),
  type: z.enum(linkTypes).optional(),
});

const proposalForm = z.object({
  paragraph: z.coerce.number({ error: 'form.chooseOne' }).int().positive('form.chooseOne'),
  element: z.string().trim().min(1, 'links.error.elementRequired').max(100, 'form.tooLong'),
  type: z.enum(linkTypes, { error: 'form.chooseOne' }),
  evidence: z.string().trim().min(1, 'links.error.evidenceRequired').max(2000, 'form.tooLong'),
});

async function documentAndLanguage(
  c: { var: AppEnv['Variables']; req: { param(name: string): string | undefined; query(name: string): string | undefined } },
  lang: Language,
): Promise<{ detail: DocumentDetail; lang: Language } | undefined> {
  const detail = await getDocument(c.var.store.db, c.req.param('id') ?? '', lang);
  if (!detail) return undefined;
  const wanted = c.req.query('in');
  const shown = versionLanguage(detail, isLanguage(wanted) ? wanted : lang);
  return shown ? { detail, lang: shown } : undefined;
}

export function registerLinkPages(app: Hono<AppEnv>): void {
  const L = localePath;
  registerSection(app, 'element', elementSection);

  app.get(`${L}/documents/:id/links`, async (c) => {
    const ctx = pageContext(c);
    const found = await documentAndLanguage(c, ctx.lang);
    if (!found) return c.notFound();
    const { items } = await listParagraphLinks(c.var.store.db, { document: found.detail.id, lang: found.lang, limit: 5000 });
    return c.html(
      <LinksPage
        ctx={ctx}
        detail={found.detail}
        lang={found.lang}
        links={items}
        why={await explainMatches(c.var.store.db, items)}
        reviewer={isReviewer(c.var.user)}
        signedIn={Boolean(c.var.user)}
      />,
    );
  });

  app.post(`${L}/documents/:id/links/decision`, async (c) => {
    const user = requireUser(c);
    const ctx = pageContext(c);
    const found = await documentAndLanguage(c, ctx.lang);
    if (!found) return c.notFound();
    const form = await readForm(c, decisionForm);
    if (!form.ok) throw new Refusal(400, 'form.invalid');
    const link = await getParagraphLink(c.var.store.db, form.data.paragraph, form.data.element);
    if (!link || link.document.id !== found.detail.id) throw new Refusal(404, 'links.error.noLink');
    await decideLink(c.var.store, user, form.data.paragraph, form.data.element, { decision: form.data.decision, type: form.data.type });
    return c.redirect(href(ctx, `/documents/${found.detail.id}/links?in=${link.paragraph.lang}#p-${link.paragraph.id}`), 303);
  });

  app.get(`${L}/documents/:id/links/history`, async (c) => {
    const ctx = pageContext(c);
    const db = c.var.store.db;
    const detail = await getDocument(db, c.req.param('id'), ctx.lang);
    const paragraph = Number(c.req.query('paragraph'));
    const element = c.req.query('element') ?? '';
    if (!detail || !Number.isSafeInteger(paragraph) || paragraph <= 0 || !element) return c.notFound();
    const link = await getParagraphLink(db, paragraph, element);
    if (!link || link.document.id !== detail.id) return c.notFound();
    return c.html(<HistoryPage ctx={ctx} detail={detail} link={link} history={await linkHistory(db, link)} />);
  });

  formRoute(app, `${L}/documents/:id/links/new`, {
    title: 'links.propose.title',
    target: async (c, ctx) => {
      const found = await documentAndLanguage(c, ctx.lang);
      if (!found) return undefined;
      const paragraphs = withPreambleNumbers(await getParagraphs(c.var.store.db, found.detail.id, found.lang)).filter((p) =>
        (linkableKinds as readonly string[]).includes(p.kind),
      );
      return {
        back: href(ctx, `/documents/${found.detail.id}/links?in=${found.lang}`),
        backLabel: `${found.detail.symbol ?? found.detail.id} · ${ctx.t('document.links.title')}`,
        detail: found.detail,
        lang: found.lang,
        paragraphs,
      };
    },
    labels: (t) => ({
      paragraph: t('links.propose.paragraph'),
      element: t('links.propose.element'),
      type: t('links.typeLabel'),
      evidence: t('links.evidence'),
    }),
    form: ({ ctx, target, errors, values }) => (
      <PostForm ctx={ctx} action={href(ctx, `/documents/${target.detail.id}/links/new?in=${target.lang}`)}>
        <SelectField
          ctx={ctx}
          name="paragraph"
          label={ctx.t('links.propose.paragraph')}
          required
          value={values?.paragraph}
          errors={errors}
          options={target.paragraphs.map((p) => ({
            value: String(p.id),
            label: `${paragraphLabel(p)} ${p.text.slice(0, 90)}${p.text.length > 90 ? '…' : ''}`,
            lang: target.lang,
          }))}
        />
        <Field
          ctx={ctx}
          name="element"
          label={ctx.t('links.propose.element')}
          hint={ctx.t('links.propose.elementHint')}
          required
          value={values?.element}
          errors={errors}
          dir="ltr"
        />
        <SelectField
          ctx={ctx}
          name="type"
          label={ctx.t('links.typeLabel')}
          required
          value={values?.type ?? 'contributes-to'}
          errors={errors}
          options={linkTypes.map((type) => ({ value: type, label: ctx.t(`links.type.${type}` as MessageKey) }))}
        />
        <Field
          ctx={ctx}
          name="evidence"
          label={ctx.t('links.evidence')}
          hint={ctx.t('links.propose.evidenceHint')}
          required
          multiline
          value={values?.evidence}
          errors={errors}
        />
        <button type="submit">{ctx.t('links.propose.submit')}</button>
      </PostForm>
    ),
    parse: (raw) => proposalForm.safeParse(raw),
    save: async (c, user, data) => {
      const found = await documentAndLanguage(c, c.var.lang);
      const paragraphs = found ? await getParagraphs(c.var.store.db, found.detail.id, found.lang) : [];
      if (!found || !paragraphs.some((p) => p.id === data.paragraph)) throw new Refusal(422, 'links.error.noParagraph', 'paragraph');
      try {
        await proposeLink(c.var.store, user, {
          paragraphId: data.paragraph,
          elementId: data.element,
          type: data.type,
          evidence: data.evidence,
        });
      } catch (error) {
        // The service names API fields; the form's are shorter.
        if (error instanceof Refusal && error.field === 'elementId') throw new Refusal(422, error.key, 'element');
        throw error;
      }
      return href(pageContext(c), `/documents/${found.detail.id}/links?in=${found.lang}#p-${data.paragraph}`);
    },
  });
}
