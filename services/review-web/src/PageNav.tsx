import type { Redaction } from './types.js';

/** What is left to do on a page: nothing suggested there, open suggestions, or all decided. */
export function pageState(redactions: readonly Redaction[], page: number): 'leeg' | 'open' | 'klaar' {
  const on = redactions.filter((r) => r.page === page);
  if (!on.length) return 'leeg';
  return on.some((r) => r.status === 'suggested') ? 'open' : 'klaar';
}

const LABEL = { leeg: 'geen voorstellen', open: 'open voorstellen', klaar: 'beoordeeld' };

/** One button per page, marked with the page's state. */
export function PageNav({ pages, current, redactions, onPage }: { pages: number; current: number; redactions: readonly Redaction[]; onPage(page: number): void }) {
  return (
    <nav aria-label="Pagina's" className="page-nav">
      {Array.from({ length: pages }, (_, i) => i + 1).map((p) => {
        const state = pageState(redactions, p);
        return (
          <button
            key={p}
            type="button"
            className={`page-nav__page page-nav__page--${state}`}
            aria-current={p === current ? 'page' : undefined}
            aria-label={`Pagina ${p}: ${LABEL[state]}`}
            onClick={() => onPage(p)}
          >
            {p}
          </button>
        );
      })}
    </nav>
  );
}
