// Two texts side by side: two language versions of one document, or an earlier and a later text
// paragraph by paragraph (what changed).
import { href } from '../web/layout.tsx';
import { directionOf, endonyms, type Language } from '../language/languages.ts';
import { type DocumentDetail, type DocumentSummary, type ParagraphView } from './service.ts';
import type { AlignedPair } from './align.ts';
import type { RevisionPair } from './versions.ts';
import type { Ctx } from './page-parts.tsx';
import { DocumentSubpage } from './page-parts.tsx';

export function ComparePage(props: { ctx: Ctx; detail: DocumentDetail; a: Language; b: Language; pairs: AlignedPair<ParagraphView>[] }) {
  const { ctx, detail, a, b } = props;
  const { t } = ctx;
  const cell = (p: ParagraphView | null, lang: Language) =>
    p ? (
      <td lang={lang} dir={directionOf(lang)}>
        {p.number ? <span class="para-number">{p.kind === 'subparagraph' ? `(${p.number})` : `${p.number}.`} </span> : null}
        {p.text}
      </td>
    ) : (
      <td>
        <span class="meta">{t('document.compare.missing')}</span>
      </td>
    );
  const choose = (name: 'a' | 'b', value: Language, label: string) => (
    <div>
      <label for={name}>{label}</label>
      <select id={name} name={name}>
        {detail.versions.map((v) => (
          <option value={v.lang} selected={v.lang === value} lang={v.lang}>
            {endonyms[v.lang]}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <DocumentSubpage ctx={ctx} detail={detail} title={t('document.compare.title')} back={`/documents/${detail.id}`}>
      <form class="inline" method="get" action={href(ctx, `/documents/${detail.id}/compare`)}>
        {choose('a', a, t('document.compare.left'))}
        {choose('b', b, t('document.compare.right'))}
        <button type="submit">{t('document.compare.submit')}</button>
      </form>
      <div class="scroll">
        <table class="compare">
          <thead>
            <tr>
              <th scope="col" lang={a}>
                {endonyms[a]}
              </th>
              <th scope="col" lang={b}>
                {endonyms[b]}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.pairs.map((pair) => (
              <tr>
                {cell(pair.a, a)}
                {cell(pair.b, b)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </DocumentSubpage>
  );
}

// ---------------------------------------------------------------- versions (diff)

function DiffText(props: { pair: RevisionPair; side: 'before' | 'after' }) {
  const { pair, side } = props;
  const p = pair[side];
  if (!p) return null;
  const number = p.number ? <span class="para-number">{p.kind === 'subparagraph' ? `(${p.number})` : `${p.number}.`} </span> : null;
  if (pair.status !== 'changed')
    return (
      <>
        {number}
        {p.text}
      </>
    );
  return (
    <>
      {number}
      {pair.changes.map((c) =>
        c.added ? side === 'after' ? <ins>{c.value}</ins> : null : c.removed ? side === 'before' ? <del>{c.value}</del> : null : c.value,
      )}
    </>
  );
}

export function DiffPage(props: {
  ctx: Ctx;
  detail: DocumentDetail;
  lang: Language;
  others: DocumentSummary[];
  against: DocumentDetail | null;
  pairs: RevisionPair[] | null;
}) {
  const { ctx, detail, lang, pairs } = props;
  const { t } = ctx;
  const count = (status: RevisionPair['status']) => pairs?.filter((p) => p.status === status).length ?? 0;
  return (
    <DocumentSubpage ctx={ctx} detail={detail} title={t('document.diff.title')} back={`/documents/${detail.id}`}>
      <form class="inline" method="get" action={href(ctx, `/documents/${detail.id}/diff`)}>
        <input type="hidden" name="in" value={lang} />
        <div>
          <label for="against">{t('document.diff.against')}</label>
          <select id="against" name="against">
            {props.others.map((d) => (
              <option value={d.id} selected={props.against?.id === d.id}>
                {d.symbol ?? d.id}
                {d.title ? ` — ${d.title.slice(0, 80)}` : ''}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('document.diff.submit')}</button>
      </form>
      {pairs && props.against ? (
        <>
          <h2>{t('document.diff.summary', { changed: count('changed'), added: count('added'), removed: count('removed') })}</h2>
          <div class="scroll">
            <table class="compare">
              <thead>
                <tr>
                  <th scope="col">{t('document.diff.status')}</th>
                  <th scope="col">{props.against.symbol ?? props.against.id}</th>
                  <th scope="col">{detail.symbol ?? detail.id}</th>
                </tr>
              </thead>
              <tbody>
                {pairs.map((pair) => (
                  <tr class={`diff-${pair.status}`}>
                    <td>
                      {pair.status === 'renumbered' || (pair.status === 'changed' && pair.before?.number !== pair.after?.number)
                        ? t(`document.diff.${pair.status}`) +
                          ' · ' +
                          t('document.diff.numbers', { from: pair.before?.number ?? '', to: pair.after?.number ?? '' })
                        : t(`document.diff.${pair.status}`)}
                    </td>
                    <td lang={lang} dir={directionOf(lang)}>
                      <DiffText pair={pair} side="before" />
                    </td>
                    <td lang={lang} dir={directionOf(lang)}>
                      <DiffText pair={pair} side="after" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>{t('document.diff.choose')}</p>
      )}
    </DocumentSubpage>
  );
}
