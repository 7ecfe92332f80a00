import type { Category } from '@woo/core';
import { entityKey } from './text.js';

/** What a reviewer decides on once for the whole dossier. */
export type Entity =
  | { kind: 'person'; name: string }
  | { kind: 'email'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'text'; value: string };

/** A redaction (or suggestion) as far as entity matching needs it. */
export interface NamedText {
  text: string;
  category: Category;
}

/** Tussenvoegsels: they sit between the given names and the surname and never tell two people
 * apart on their own ("Jan de Vries", "J. de Vries", "De Vries"). */
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', "'t", 'te', 'ten', 'ter', 'in', 'op', 'von', 'da', 'di', 'du', 'le', 'la', 'el', 'al', 'ben', 'bin']);

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

interface NameParts {
  given: string[];
  particles: string[];
  surname: string;
}

/** "Jan de Vries" → given [jan], particles [de], surname vries; a hyphenated surname stays one. */
function nameParts(name: string): NameParts | undefined {
  const words = fold(name).replace(/[\u2010-\u2013]/g, '-').split(/\s+/).filter(Boolean);
  const surname = words.pop();
  if (!surname) return undefined;
  const given: string[] = [];
  const particles: string[] = [];
  for (const w of words) (PARTICLES.has(w) ? particles : given).push(w);
  return { given, particles, surname: surname.replace(/-/g, ' ') };
}

function initialsOf(token: string): string[] {
  return token.split('.').filter(Boolean);
}

/** True when `given` (a variant's first names or initials) fits the full name's first names. */
function givenFits(given: readonly string[], of: readonly string[]): boolean {
  if (!given.length) return true;
  if (given.every((g) => g.includes('.') || g.length === 1)) {
    const initials = given.flatMap(initialsOf);
    return initials.length <= of.length && initials.every((c, i) => of[i]?.startsWith(c));
  }
  return given.length === of.length && given.every((g, i) => g === of[i]);
}

/** True when `candidate` names the same person as `name` the way a dossier writes it again:
 * the same surname, with the same first names, matching initials, or none ("De Vries"). A
 * first name alone ("Jan") is never taken for the person: it could be anyone. */
export function isNameVariant(name: string, candidate: string): boolean {
  const full = nameParts(name);
  const other = nameParts(candidate);
  if (!full || !other || full.surname !== other.surname) return false;
  if (other.particles.length && other.particles.join(' ') !== full.particles.join(' ')) return false;
  return givenFits(other.given, full.given);
}

/** A phone number's digits, with the country code written as a leading 0. */
export function phoneDigits(text: string): string {
  const digits = text.replace(/\D/g, '');
  if (digits.startsWith('0031')) return `0${digits.slice(4)}`;
  if (text.trim().startsWith('+31')) return `0${digits.slice(2)}`;
  return digits;
}

/** True when a redaction's text is this entity (or, for a person, one of its variants). */
export function matchesEntity(entity: Entity, r: NamedText): boolean {
  switch (entity.kind) {
    case 'person':
      return r.category === 'name' && isNameVariant(entity.name, r.text);
    case 'email': {
      const key = entityKey(entity.value);
      // an address of the organisation is redacted up to the @ only
      return r.category === 'email' && (entityKey(r.text) === key || `${entityKey(r.text)}@` === key.slice(0, key.indexOf('@') + 1));
    }
    case 'phone':
      return r.category === 'phone' && phoneDigits(r.text) === phoneDigits(entity.value);
    case 'text':
      return entityKey(r.text) === entityKey(entity.value);
  }
}

/** The strings the entity is written as in the dossier: what it is given as, and every text of
 * `known` (the batch's redactions) that matches it, each once. */
export function entityVariants(entity: Entity, known: readonly NamedText[]): string[] {
  const given = entity.kind === 'person' ? entity.name : entity.value;
  const variants = new Map([[entityKey(given), given.trim()]]);
  for (const r of known) if (matchesEntity(entity, r) && !variants.has(entityKey(r.text))) variants.set(entityKey(r.text), r.text.trim());
  return [...variants.values()];
}

/** The variants that may be looked for where nobody suggested anything: for a person only the
 * forms with a first name or initials, since "De Vries" alone may be another person (a
 * wethouder the detector rightly left visible). Suggestions of every variant are decided. */
export function searchableVariants(entity: Entity, variants: readonly string[]): string[] {
  if (entity.kind !== 'person') return [...variants];
  return variants.filter((v) => (nameParts(v)?.given.length ?? 0) > 0);
}

/** The category a redaction added for the entity carries. */
export function entityCategory(entity: Entity): Category {
  return ({ person: 'name', email: 'email', phone: 'phone', text: 'manual' } as const)[entity.kind];
}

/** Dutch description, for the explanation of added redactions and the audit log. */
export function describeEntity(entity: Entity): string {
  switch (entity.kind) {
    case 'person':
      return `persoon '${entity.name}'`;
    case 'email':
      return `e-mailadres '${entity.value}'`;
    case 'phone':
      return `telefoonnummer '${entity.value}'`;
    case 'text':
      return `tekst '${entity.value}'`;
  }
}
