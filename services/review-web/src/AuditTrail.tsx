import { dateNl, REDACTION_STATUS } from './format.js';
import type { AuditEntry, RedactionStatus } from './types.js';
import { useApi } from './useApi.js';

const ACTION: Record<string, string> = {
  'redaction.decided': 'beslissing',
  'redaction.added': 'handmatig gelakt',
  'page.checked': 'pagina gecontroleerd',
  'page.unchecked': 'pagina niet meer gecontroleerd',
  'document.detected': 'voorstellen gemaakt',
  'original.downloaded': 'origineel bekeken',
  'export.downloaded': 'gelakte versie bekeken',
};

/** "5.1.2e" or "5.1.2e; 5.1.2i": the grounds an entry names. */
function grounds(details: Record<string, unknown>): string {
  const further = Array.isArray(details.additionalGrounds) ? (details.additionalGrounds as unknown[]) : [];
  return [details.ground, ...further].map(String).join('; ');
}

function change(details: Record<string, unknown>): string {
  const status = (s: unknown) => REDACTION_STATUS[s as RedactionStatus] ?? String(s);
  const label = (d: Record<string, unknown>) => (Array.isArray(d.additionalGrounds) && d.additionalGrounds.length ? 'gronden' : 'grond');
  if (details.from !== undefined) return `${status(details.from)} → ${status(details.to)} (${label(details)} ${grounds(details)})`;
  if (details.text !== undefined) return `'${String(details.text)}', pagina ${String(details.page)} (${label(details)} ${grounds(details)})`;
  if (details.page !== undefined) return `pagina ${String(details.page)}`;
  return '';
}

/** Who decided what on this document, when, from what to what. */
export function AuditTrail({ documentId }: { documentId: string }) {
  const { data, error } = useApi<AuditEntry[]>(`/v1/documents/${documentId}/audit`);
  if (error) return <p className="utrecht-form-field-error-message">{error}</p>;
  if (!data) return <p className="utrecht-paragraph">Laden…</p>;
  return (
    <table className="utrecht-table audit">
      <caption className="utrecht-table__caption">Auditlog</caption>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th className="utrecht-table__header-cell">Wanneer</th>
          <th className="utrecht-table__header-cell">Wie</th>
          <th className="utrecht-table__header-cell">Wat</th>
          <th className="utrecht-table__header-cell">Wijziging</th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {data.map((e) => (
          <tr className="utrecht-table__row" key={e.id}>
            <td className="utrecht-table__cell">{dateNl(e.at)}</td>
            <td className="utrecht-table__cell">
              {e.actor} ({e.role})
            </td>
            <td className="utrecht-table__cell">{ACTION[e.action] ?? e.action}</td>
            <td className="utrecht-table__cell">{change(e.details)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
