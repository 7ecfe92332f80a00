import { useEffect, useState } from 'react';
import { api, download } from './api.js';
import { DOCUMENT_STATUS } from './format.js';
import { announce } from './live.js';
import type { Session } from './session.js';
import type { BatchDetail } from './types.js';
import { Upload } from './Upload.js';
import { useApi } from './useApi.js';

const BUSY = ['queued', 'extracting', 'ocr', 'detecting', 'exporting'];

export function BatchPage({ id, session }: { id: string; session: Session }) {
  const { data, error, reload } = useApi<BatchDetail>(`/v1/batches/${id}`);
  const [message, setMessage] = useState('');
  const busy = data?.documents.some((d) => BUSY.includes(d.status)) ?? false;
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => void reload(), 2000);
    return () => clearInterval(timer);
  }, [busy, reload]);
  const coordinator = session.role !== 'reviewer';

  const exportBatch = async () => {
    try {
      const { documents } = await api<{ documents: unknown[] }>(`/v1/batches/${id}/export`, { method: 'POST', body: {} });
      setMessage(`${documents.length} documenten worden geëxporteerd.`);
      announce(`${documents.length} documenten worden geëxporteerd.`);
      await reload();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };

  if (error) return <p className="utrecht-form-field-error-message">{error}</p>;
  if (!data) return <p className="utrecht-paragraph">Laden…</p>;
  return (
    <>
      <nav aria-label="Kruimelpad" className="crumbs">
        <a className="utrecht-link" href="#/">
          Batches
        </a>
      </nav>
      <h1 className="utrecht-heading-1">{data.name}</h1>
      <div className="actions">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => void download(`/v1/batches/${id}/inventory.csv`)}>
          Inventarislijst downloaden
        </button>
        {coordinator && (
          <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => void exportBatch()}>
            Batch exporteren
          </button>
        )}
      </div>
      {message && <p className="utrecht-paragraph">{message}</p>}
      <table className="utrecht-table">
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell">Document</th>
            <th className="utrecht-table__header-cell">Status</th>
            <th className="utrecht-table__header-cell">Pagina's</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {data.documents.map((d) => (
            <tr className="utrecht-table__row" key={d.id}>
              <td className="utrecht-table__cell">
                <a className="utrecht-link" href={`#/documents/${d.id}`}>
                  {d.filename}
                </a>
              </td>
              <td className="utrecht-table__cell">
                {DOCUMENT_STATUS[d.status]}
                {d.error && <span className="utrecht-form-field-error-message">: {d.error}</span>}
              </td>
              <td className="utrecht-table__cell">{d.pages}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {coordinator && <Upload batchId={id} onUploaded={() => void reload()} />}
    </>
  );
}
