import { memo, useEffect, useRef } from 'react';
import { categoryLabel, REDACTION_STATUS } from './format.js';
import type { Redaction } from './types.js';

/** What a suggestion's buttons do; kept in one stable object so that a decision re-renders only
 * the items it changed, not a list of hundreds. */
export interface SuggestionActions {
  select(id: string): void;
  decide(r: Redaction, status: 'accepted' | 'rejected'): void;
  everywhere(r: Redaction, status: 'accepted' | 'rejected'): void;
}

interface ItemProps {
  r: Redaction;
  selected: boolean;
  canDecide: boolean;
  actions: SuggestionActions;
}

const Item = memo(function Item({ r, selected, canDecide, actions }: ItemProps) {
  return (
    <li className={`suggestion suggestion--${r.status}`} aria-current={selected ? 'true' : undefined} onClick={() => actions.select(r.id)}>
      <p className="suggestion__text">
        <strong>{r.text || '(geen tekst)'}</strong> <span className={`status status--${r.status}`}>{REDACTION_STATUS[r.status]}</span>
      </p>
      <p className="suggestion__meta">
        {categoryLabel(r.category)} · grond {r.ground} · zekerheid {Math.round(r.confidence * 100)}% · pagina {r.page}
      </p>
      <p className="suggestion__why">{r.explanation}</p>
      {canDecide && (
        <div className="suggestion__actions">
          <button type="button" className="utrecht-button utrecht-button--primary-action" aria-label={`Lakken: ${r.text}`} onClick={() => actions.decide(r, 'accepted')}>
            Lakken
          </button>
          <button type="button" className="utrecht-button utrecht-button--secondary-action" aria-label={`Niet lakken: ${r.text}`} onClick={() => actions.decide(r, 'rejected')}>
            Niet lakken
          </button>
          {r.text && (
            <>
              <button type="button" className="utrecht-button utrecht-button--subtle" aria-label={`Overal lakken: ${r.text}`} onClick={() => actions.everywhere(r, 'accepted')}>
                Overal lakken
              </button>
              <button type="button" className="utrecht-button utrecht-button--subtle" aria-label={`Overal niet lakken: ${r.text}`} onClick={() => actions.everywhere(r, 'rejected')}>
                Overal niet lakken
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
});

/** The suggestions and redactions of the document, each with its decision buttons. */
export function SuggestionList({ items, selectedId, actions, canDecide }: { items: readonly Redaction[]; selectedId: string | undefined; actions: SuggestionActions; canDecide: boolean }) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  if (!items.length) return <p className="utrecht-paragraph">Geen voorstellen die aan het filter voldoen.</p>;
  return (
    <ol ref={list} className="suggestions" aria-label="Voorstellen">
      {items.map((r) => (
        <Item key={r.id} r={r} selected={r.id === selectedId} canDecide={canDecide} actions={actions} />
      ))}
    </ol>
  );
}
