import { groundLabel } from '@woo/core';
import { memo, useEffect, useRef, type MouseEvent } from 'react';
import { categoryLabel, REDACTION_STATUS } from './format.js';
import type { ClickModifiers } from './selection.js';
import type { Redaction } from './types.js';

/** What a suggestion's buttons do; kept in one stable object so that a decision re-renders only
 * the items it changed, not a list of hundreds. */
export interface SuggestionActions {
  /** A click on the item: makes it current, and with Shift/Ctrl changes the selection. */
  click(id: string, mods: ClickModifiers): void;
  /** The item's checkbox: in or out of the selection. */
  toggle(id: string): void;
  decide(r: Redaction, status: 'accepted' | 'rejected'): void;
  everywhere(r: Redaction, status: 'accepted' | 'rejected'): void;
}

interface ItemProps {
  r: Redaction;
  current: boolean;
  selected: boolean;
  canDecide: boolean;
  actions: SuggestionActions;
}

const Item = memo(function Item({ r, current, selected, canDecide, actions }: ItemProps) {
  const onClick = (e: MouseEvent) => {
    // a button or the checkbox does its own thing
    if ((e.target as HTMLElement).closest('button, input')) return;
    actions.click(r.id, e);
  };
  // Shift+click selects a range of suggestions, not the text between them
  const onMouseDown = (e: MouseEvent) => e.shiftKey && e.preventDefault();
  return (
    <li className={`suggestion suggestion--${r.status}${selected ? ' suggestion--selected' : ''}`} aria-current={current ? 'true' : undefined} onClick={onClick} onMouseDown={onMouseDown}>
      <p className="suggestion__text">
        {canDecide && <input type="checkbox" className="utrecht-checkbox" checked={selected} onChange={() => actions.toggle(r.id)} aria-label={`Selecteren: ${r.text}, pagina ${r.page}`} />}{' '}
        <strong>{r.text || '(geen tekst)'}</strong> <span className={`status status--${r.status}`}>{REDACTION_STATUS[r.status]}</span>
      </p>
      <p className="suggestion__meta">
        {categoryLabel(r.category)} · {r.additionalGrounds.length ? 'gronden' : 'grond'} {groundLabel(r)} · zekerheid {Math.round(r.confidence * 100)}% · pagina {r.page}
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
export function SuggestionList({ items, currentId, selection, actions, canDecide }: {
  items: readonly Redaction[];
  currentId: string | undefined;
  selection: ReadonlySet<string>;
  actions: SuggestionActions;
  canDecide: boolean;
}) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [currentId]);
  if (!items.length) return <p className="utrecht-paragraph">Geen voorstellen die aan het filter voldoen.</p>;
  return (
    <ol ref={list} className="suggestions" aria-label="Voorstellen">
      {items.map((r) => (
        <Item key={r.id} r={r} current={r.id === currentId} selected={selection.has(r.id)} canDecide={canDecide} actions={actions} />
      ))}
    </ol>
  );
}
