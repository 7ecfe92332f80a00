import { memo, useEffect, useMemo, useRef } from 'react';
import type { PDFDocumentProxy } from './pdf.js';
import type { Redaction } from './types.js';

export type PageState = 'niets-open' | 'open' | 'gecontroleerd';

/** What is left to do on each page: a reviewer marked it as checked, it has open suggestions,
 * or nothing is open on it. One pass over the redactions, whatever the number of pages. */
export function pageStates(redactions: readonly Redaction[], pages: number, checked: ReadonlySet<number>): PageState[] {
  const open = new Set(redactions.filter((r) => r.status === 'suggested').map((r) => r.page));
  return Array.from({ length: pages }, (_, i) => (checked.has(i + 1) ? 'gecontroleerd' : open.has(i + 1) ? 'open' : 'niets-open'));
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

const PageButton = memo(function PageButton({ pdf, page, state, current, onPage }: {
  pdf: PDFDocumentProxy | undefined;
  page: number;
  state: PageState;
  current: boolean;
  onPage(page: number): void;
}) {
  return (
    <li>
      <button type="button" className={`thumb thumb--${state}`} aria-current={current ? 'page' : undefined} aria-label={`Pagina ${page}: ${LABEL[state]}`} onClick={() => onPage(page)}>
        {pdf ? <Thumbnail pdf={pdf} page={page} /> : <span className="thumb__image thumb__image--empty" />}
        <span className="thumb__label" aria-hidden="true">
          {page} · {LABEL[state]}
        </span>
      </button>
    </li>
  );
});

/** One thumbnail per page with the page's state; `ready` holds the drawing back until the page
 * being read is on screen. A decision re-renders only the pages whose state it changed. */
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
  const states = useMemo(() => pageStates(redactions, pages, checked), [redactions, pages, checked]);
  return (
    <nav aria-label="Pagina's" className="thumbs">
      <ol ref={list}>
        {states.map((state, i) => (
          <PageButton key={i + 1} pdf={ready ? pdf : undefined} page={i + 1} state={state} current={i + 1 === current} onPage={onPage} />
        ))}
      </ol>
    </nav>
  );
}
