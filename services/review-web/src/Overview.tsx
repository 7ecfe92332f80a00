import { useState, type FormEvent } from 'react';
import { api } from './api.js';
import { dateNl } from './format.js';
import { announce } from './live.js';
import { loadSession } from './session.js';
import type { BatchOverview } from './types.js';
import { useApi } from './useApi.js';

const READ = ['in_review', 'exporting', 'exported'];

function NewBatch({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const batch = await api<{ id: string }>('/v1/batches', { method: 'POST', body: { name } });
      announce(`Batch ${name} aangemaakt.`);
      onCreated();
      location.hash = `#/batches/${batch.id}`;
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form className="utrecht-form inline-form" onSubmit={submit}>
      <label className="utrecht-form-label" htmlFor="batch-name">
        Naam van de nieuwe batch
      </label>
      <input id="batch-name" className="utrecht-textbox" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        Batch aanmaken
      </button>
      {error && <p className="utrecht-form-field-error-message">{error}</p>}
    </form>
  );
}

export function Overview() {
  const { data, error, reload } = useApi<BatchOverview[]>('/v1/batches');
  const canCreate = loadSession()?.role !== 'reviewer';
  return (
    <>
      <h1 className="utrecht-heading-1">Batches</h1>
      {canCreate && <NewBatch onCreated={reload} />}
      {error && <p className="utrecht-form-field-error-message">{error}</p>}
      {data && !data.length && <p className="utrecht-paragraph">Er zijn nog geen batches die u mag zien.</p>}
      {data && data.length > 0 && (
        <table className="utrecht-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell">Batch</th>
              <th className="utrecht-table__header-cell">Gelezen</th>
              <th className="utrecht-table__header-cell">In beoordeling</th>
              <th className="utrecht-table__header-cell">Geëxporteerd</th>
              <th className="utrecht-table__header-cell">Mislukt</th>
              <th className="utrecht-table__header-cell">Open voorstellen</th>
              <th className="utrecht-table__header-cell">Aangemaakt</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {data.map((b) => {
              const total = Object.values(b.documents).reduce((x, y) => x + y, 0);
              const read = READ.reduce((n, s) => n + (b.documents[s] ?? 0), 0);
              return (
                <tr className="utrecht-table__row" key={b.id}>
                  <td className="utrecht-table__cell">
                    <a className="utrecht-link" href={`#/batches/${b.id}`}>
                      {b.name}
                    </a>
                  </td>
                  <td className="utrecht-table__cell">
                    {read} van {total}
                  </td>
                  <td className="utrecht-table__cell">{b.documents.in_review ?? 0}</td>
                  <td className="utrecht-table__cell">{b.documents.exported ?? 0}</td>
                  <td className="utrecht-table__cell">{b.documents.failed ?? 0}</td>
                  <td className="utrecht-table__cell">{b.openSuggestions}</td>
                  <td className="utrecht-table__cell">{dateNl(b.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
