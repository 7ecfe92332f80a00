import { useEffect, useRef } from 'react';
import { categoryLabel, REDACTION_STATUS } from './format.js';
import type { Redaction } from './types.js';

interface Props {
  items: readonly Redaction[];
  selectedId: string | undefined;
  onSelect(id: string): void;
  onDecide(r: Redaction, status: 'accepted' | 'rejected'): void;
  onEverywhere(r: Redaction, status: 'accepted' | 'rejected'): void;
  canDecide: boolean;
}

/** The suggestions and redactions of the document, each with its decision buttons. */
export function SuggestionList({ items, selectedId, onSelect, onDecide, onEverywhere, canDecide }: Props) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  if (!items.length) return <p className="utrecht-paragraph">Geen voorstellen die aan het filter voldoen.</p>;
  return (
    <ol ref={list} className="suggestions" aria-label="Voorstellen">
      {items.map((r) => (
        <li
          key={r.id}
          className={`suggestion suggestion--${r.status}`}
          aria-current={r.id === selectedId ? 'true' : undefined}
          onClick={() => onSelect(r.id)}
        >
          <p className="suggestion__text">
            <strong>{r.text || '(geen tekst)'}</strong> <span className={`status status--${r.status}`}>{REDACTION_STATUS[r.status]}</span>
          </p>
          <p className="suggestion__meta">
            {categoryLabel(r.category)} · grond {r.ground} · zekerheid {Math.round(r.confidence * 100)}% · pagina {r.page}
          </p>
          <p className="suggestion__why">{r.explanation}</p>
          {canDecide && (
            <div className="suggestion__actions">
              <button type="button" className="utrecht-button utrecht-button--primary-action" aria-label={`Lakken: ${r.text}`} onClick={() => onDecide(r, 'accepted')}>
                Lakken
              </button>
              <button type="button" className="utrecht-button utrecht-button--secondary-action" aria-label={`Niet lakken: ${r.text}`} onClick={() => onDecide(r, 'rejected')}>
                Niet lakken
              </button>
              {r.text && (
                <>
                  <button type="button" className="utrecht-button utrecht-button--subtle" aria-label={`Overal lakken: ${r.text}`} onClick={() => onEverywhere(r, 'accepted')}>
                    Overal lakken
                  </button>
                  <button type="button" className="utrecht-button utrecht-button--subtle" aria-label={`Overal niet lakken: ${r.text}`} onClick={() => onEverywhere(r, 'rejected')}>
                    Overal niet lakken
                  </button>
                </>
              )}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
