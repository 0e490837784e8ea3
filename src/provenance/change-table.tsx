// A record's history as a table: when, who, what, which fields. Shared by every history view.
import type { PageContext } from '../web/layout.tsx';
import type { MessageKey } from '../i18n/index.ts';
import { pgTextArray, sql, type Database } from '../store/index.ts';
import type { Change } from './history.ts';

/** The display names of the people who made these changes. */
export async function actorNames(db: Database, changes: readonly Change[]): Promise<Map<string, string>> {
  const actors = [...new Set(changes.map((ch) => ch.actor))];
  if (actors.length === 0) return new Map();
  const rows = await db.query<{ id: string; name: string }>(sql`SELECT id, name FROM users WHERE id = ANY(${pgTextArray(actors)}::text[])`);
  return new Map(rows.map((u) => [u.id, u.name]));
}

/**
 * The label a reader knows a changed field by, from the catalog (the form's own label where the
 * form has the field); a field no label covers yet is shown by its name.
 */
const fieldLabels: Partial<Record<string, MessageKey>> = {
  state: 'history.field.state',
  status: 'initiative.status',
  leadOrganizationId: 'initiative.lead',
  organizationId: 'history.field.organization',
  initiativeId: 'history.field.initiative',
  texts: 'history.field.texts',
  title: 'initiative.title',
  description: 'initiative.description',
  links: 'history.field.links',
  partners: 'initiative.partners',
  areas: 'initiative.areas',
  webLinks: 'initiative.webLinks',
  startDate: 'initiative.startDate',
  endDate: 'initiative.endDate',
  budget: 'initiative.budget',
  currency: 'initiative.budgetCurrency',
  reviewNote: 'review.note',
  metric: 'pledge.metric',
  unit: 'pledge.unit',
  baselineValue: 'pledge.baselineValue',
  baselineDate: 'pledge.baselineDate',
  targetValue: 'pledge.targetValue',
  targetDate: 'pledge.targetDate',
  beneficiaries: 'pledge.beneficiaries',
  weight: 'pledge.weight',
  kind: 'pledge.kind',
  amount: 'pledge.amount',
  date: 'pledge.date',
  value: 'pledge.value',
  narrative: 'pledge.narrative',
  evidence: 'pledge.evidence',
  evidenceUrl: 'pledge.evidence',
  pledge: 'history.field.pledge',
  update: 'history.field.update',
  note: 'pledge.note',
};

/** A changed field as the reader knows it. */
export function fieldLabel(t: PageContext['t'], field: string): string {
  const key = fieldLabels[field];
  return key ? t(key) : field;
}

export function ChangeTable(props: {
  ctx: PageContext;
  changes: readonly Change[];
  names: Map<string, string>;
  caption: string;
  hideCaption?: boolean;
}) {
  const { t } = props.ctx;
  // Focusable: on a phone the table scrolls in its own frame (concord.css), and a keyboard must reach it.
  return (
    <table tabindex={0}>
      <caption class={props.hideCaption ? 'visually-hidden' : undefined}>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('history.when')}</th>
          <th scope="col">{t('history.who')}</th>
          <th scope="col">{t('history.what')}</th>
          <th scope="col">{t('history.fields')}</th>
        </tr>
      </thead>
      <tbody>
        {props.changes.map((change) => (
          <tr>
            <td dir="ltr">{change.at.slice(0, 19).replace('T', ' ')}</td>
            <td dir="auto">{props.names.get(change.actor) ?? change.actor}</td>
            <td>
              {t(`history.action.${change.action}` as MessageKey)}
              {change.note ? (
                <>
                  {t('ui.colon')}
                  <span dir="auto">{change.note}</span>
                </>
              ) : null}
            </td>
            <td>{change.changed.map((f) => fieldLabel(t, f)).join(t('history.fieldSeparator'))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
