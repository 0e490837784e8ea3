// How reports show an indicator's standing (shared by the roadmap and Compact reports): its agreed
// targets, the world's latest value and the headline assessment, and the sources they cite.
import type { Translate, MessageKey } from '../i18n/index.ts';
import type { Language } from '../language/languages.ts';
import { formatNumber } from './frame.tsx';
import type { WorldIndicator } from './world-indicators.ts';

/** The three cells after the indicator's name: agreed targets, latest world value, assessment. */
export function WorldIndicatorCells(props: { t: Translate; lang: Language; indicator: WorldIndicator }) {
  const { t, lang, indicator: i } = props;
  return (
    <>
      <td>
        {i.agreedTargets.length
          ? i.agreedTargets.map((x) => (
              <div lang="en" dir="auto">
                {x.label}
              </div>
            ))
          : '—'}
      </td>
      <td class="num">{i.world ? `${formatNumber(lang, i.world.value)} (${i.world.period})` : t('indicators.noData')}</td>
      <td>
        {i.assessment
          ? i.assessment.status === 'insufficient-data'
            ? t('indicator.insufficient')
            : t(`indicator.category.${i.assessment.category ?? 'deterioration'}` as MessageKey)
          : '—'}
      </td>
    </>
  );
}

/** Every source the indicators' figures cite, once each. */
export function worldIndicatorSources(indicators: readonly WorldIndicator[]): string[] {
  return [
    ...new Set(
      indicators.flatMap((i) => [
        i.sourceId,
        ...i.agreedTargets.map((x) => x.sourceId),
        ...(i.world ? [i.world.source] : []),
        ...(i.assessment ? [`method:${i.assessment.method}`, i.assessment.source] : []),
      ]),
    ),
  ];
}
