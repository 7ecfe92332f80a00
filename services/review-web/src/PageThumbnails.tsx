import { memo, useEffect, useRef } from 'react';
import type { PDFDocumentProxy } from './pdf.js';
import type { Redaction } from './types.js';

export type PageState = 'niets-open' | 'open' | 'gecontroleerd';

/** What is left to do on a page: a reviewer marked it as checked, it has open suggestions, or
 * nothing is open on it. */
export function pageState(redactions: readonly Redaction[], page: number, checked: ReadonlySet<number>): PageState {
  if (checked.has(page)) return 'gecontroleerd';
  return redactions.some((r) => r.page === page && r.status === 'suggested') ? 'open' : 'niets-open';
}

const LABEL: Record<PageState, string> = { 'niets-open': 'niets open', open: 'open voorstellen', gecontroleerd: 'gecontroleerd' };
const THUMB_WIDTH = 84;

/** Thumbnails are drawn one at a time, and only once visible: a 100-page document must show its
 * first page first. */
let drawing: Promise<unknown> = Promise.resolve();

const Thumbnail = memo(function Thumbnail({ pdf, page }: { pdf: PDFDocumentProxy; page: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let cancelled = false;
    const c = canvas.current!;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      drawing = drawing.then(async () => {
        if (cancelled) return;
        const p = await pdf.getPage(page);
        const viewport = p.getViewport({ scale: THUMB_WIDTH / p.getViewport({ scale: 1 }).width });
        c.width = Math.floor(viewport.width);
        c.height = Math.floor(viewport.height);
        await p.render({ canvas: c, viewport }).promise.catch(() => undefined);
      });
    });
    observer.observe(c);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [pdf, page]);
  return <canvas ref={canvas} className="thumb__image" width={THUMB_WIDTH} height={Math.round(THUMB_WIDTH * 1.414)} aria-hidden="true" />;
});

/** One thumbnail per page with the page's state; `ready` holds the drawing back until the page
 * being read is on screen. */
export function PageThumbnails({ pdf, ready, pages, current, redactions, checked, onPage }: {
  pdf: PDFDocumentProxy | undefined;
  ready: boolean;
  pages: number;
  current: number;
  redactions: readonly Redaction[];
  checked: ReadonlySet<number>;
  onPage(page: number): void;
}) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  return (
    <nav aria-label="Pagina's" className="thumbs">
      <ol ref={list}>
        {Array.from({ length: pages }, (_, i) => i + 1).map((p) => {
          const state = pageState(redactions, p, checked);
          return (
            <li key={p}>
              <button
                type="button"
                className={`thumb thumb--${state}`}
                aria-current={p === current ? 'page' : undefined}
                aria-label={`Pagina ${p}: ${LABEL[state]}`}
                onClick={() => onPage(p)}
              >
                {pdf && ready ? <Thumbnail pdf={pdf} page={p} /> : <span className="thumb__image thumb__image--empty" />}
                <span className="thumb__label" aria-hidden="true">
                  {p} · {LABEL[state]}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
