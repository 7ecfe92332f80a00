import { WOO_GROUNDS, type GroundCode } from '@woo/core';
import { useState, type FormEvent } from 'react';
import type { Grounds } from './types.js';

/** The grounds of a box from the full catalogue of Woo grounds (code and Dutch description): a
 * primary ground, and any further grounds where the law allows more than one for the passage. */
export function GroundPicker({ subject, initial, onChoose, onCancel }: { subject: string; initial: Grounds; onChoose(grounds: Grounds): void; onCancel(): void }) {
  const [ground, setGround] = useState<GroundCode>(initial.ground);
  const [further, setFurther] = useState<ReadonlySet<GroundCode>>(new Set(initial.additionalGrounds));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // catalogue order, so the label on the box reads the same whatever order they were ticked in
    onChoose({ ground, additionalGrounds: WOO_GROUNDS.map((g) => g.code).filter((c) => c !== ground && further.has(c)) });
  };
  const flip = (code: GroundCode) =>
    setFurther((s) => {
      const next = new Set(s);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  return (
    <form onSubmit={submit}>
      <p className="utrecht-paragraph">Gronden voor {subject}</p>
      <label className="utrecht-form-label" htmlFor="ground">
        Hoofdgrond
      </label>
      <select id="ground" className="utrecht-select" value={ground} onChange={(e) => setGround(e.target.value as GroundCode)} autoFocus>
        {WOO_GROUNDS.map((g) => (
          <option key={g.code} value={g.code}>
            {g.code}: {g.description}
          </option>
        ))}
      </select>
      <fieldset className="utrecht-form-fieldset grounds">
        <legend className="utrecht-form-fieldset__legend">Aanvullende gronden</legend>
        {WOO_GROUNDS.filter((g) => g.code !== ground).map((g) => (
          <div key={g.code} className="utrecht-form-field utrecht-form-field--checkbox">
            <input id={`ground-${g.code}`} type="checkbox" className="utrecht-checkbox" checked={further.has(g.code)} onChange={() => flip(g.code)} />{' '}
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`ground-${g.code}`}>
              {g.code}: {g.description} <span className="article">({g.article})</span>
            </label>
          </div>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          Lakken met deze gronden
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onCancel}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
