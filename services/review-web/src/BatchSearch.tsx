import { PERSONAL_DATA_GROUND, WOO_GROUNDS, type GroundCode } from '@woo/core';
import { useState, type FormEvent } from 'react';
import { api } from './api.js';
import type { BatchSearch as SearchResult, Grounds } from './types.js';

/** Hits listed per document before the rest is summarised: enough to judge a search. */
const SHOWN_HITS = 8;

/** The words around a hit with the hit marked. */
function Highlighted({ context, hit }: { context: string; hit: string }) {
  const at = context.toLowerCase().indexOf(hit.toLowerCase());
  if (at < 0) return <>{context}</>;
  return (
    <>
      {context.slice(0, at)}
      <mark>{context.slice(at, at + hit.length)}</mark>
      {context.slice(at + hit.length)}
    </>
  );
}

/** "/": a word or phrase searched as whole words in every document of the batch, hits listed per
 * document with the words around them, and every hit not yet blacked out redacted at once with a
 * ground (manual redactions, audited). */
export function BatchSearch({ batchId, currentDocument, onGoTo, onRedact }: {
  batchId: string;
  currentDocument: string;
  onGoTo(page: number): void;
  onRedact(text: string, grounds: Grounds): Promise<unknown>;
}) {
  const [text, setText] = useState('');
  const [ground, setGround] = useState<GroundCode>(PERSONAL_DATA_GROUND);
  const [result, setResult] = useState<{ text: string; found: SearchResult }>();
  const [error, setError] = useState('');

  const search = async (e: FormEvent) => {
    e.preventDefault();
    const wanted = text.trim();
    if (!wanted) return;
    try {
      setError('');
      setResult({ text: wanted, found: await api<SearchResult>(`/v1/batches/${batchId}/search?text=${encodeURIComponent(wanted)}`) });
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const redact = async () => {
    if (!result) return;
    if ((await onRedact(result.text, { ground, additionalGrounds: [] })) !== undefined) setResult(undefined);
  };

  const hits = result?.found.documents.flatMap((d) => d.hits) ?? [];
  const open = hits.filter((h) => !h.redacted).length;
  const documents = result?.found.documents.filter((d) => d.hits.some((h) => !h.redacted)).length ?? 0;
  return (
    <>
      <form className="utrecht-form inline-form" onSubmit={search} role="search" aria-label="Zoeken in de batch">
        <label className="utrecht-form-label" htmlFor="batch-search">
          Woord of woordgroep
        </label>
        <input id="batch-search" className="utrecht-textbox" value={text} onChange={(e) => setText(e.target.value)} autoFocus />
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          Zoeken
        </button>
      </form>
      <p className="hint">Alleen hele woorden: &lsquo;Jan&rsquo; vindt niet &lsquo;Jansen&rsquo;. Hoofdletters maken niet uit.</p>
      {error && (
        <p className="utrecht-form-field-error-message" role="alert">
          {error}
        </p>
      )}
      {result && (
        <section aria-label="Zoekresultaten" className="search-results">
          <p className="utrecht-paragraph" role="status">
            {hits.length ? `${hits.length} treffers voor '${result.text}' in ${result.found.documents.length} documenten; ${open} nog niet gelakt.` : `Geen treffers voor '${result.text}'.`}
          </p>
          {result.found.notSearchable.length > 0 && <p className="hint">Nog niet doorzocht (in verwerking of mislukt): {result.found.notSearchable.join(', ')}.</p>}
          {result.found.documents.map((d) => (
            <div key={d.documentId} className="search-results__document">
              <h3 className="utrecht-heading-3">
                {d.documentId === currentDocument ? `${d.filename} (dit document)` : <a className="utrecht-link" href={`#/documents/${d.documentId}`}>{d.filename}</a>} · {d.hits.length}
              </h3>
              <ul className="utrecht-unordered-list">
                {d.hits.slice(0, SHOWN_HITS).map((h, i) => (
                  <li key={i}>
                    {d.documentId === currentDocument ? (
                      <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => onGoTo(h.page)}>
                        pagina {h.page}
                      </button>
                    ) : (
                      `pagina ${h.page}`
                    )}
                    : <Highlighted context={h.context} hit={h.text} /> {h.redacted && <span className="status status--accepted">al gelakt</span>}
                  </li>
                ))}
                {d.hits.length > SHOWN_HITS && <li>en nog {d.hits.length - SHOWN_HITS}</li>}
              </ul>
            </div>
          ))}
          {open > 0 && (
            <div className="inline-form">
              <label className="utrecht-form-label" htmlFor="search-ground">
                Grond
              </label>
              <select id="search-ground" className="utrecht-select" value={ground} onChange={(e) => setGround(e.target.value as GroundCode)}>
                {WOO_GROUNDS.map((g) => (
                  <option key={g.code} value={g.code}>
                    {g.code}: {g.description}
                  </option>
                ))}
              </select>
              <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => void redact()}>
                Alle treffers lakken ({open} in {documents} documenten)
              </button>
            </div>
          )}
        </section>
      )}
    </>
  );
}
