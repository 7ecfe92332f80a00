import { groundLabel } from '@woo/core';
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { REDACTION_STATUS } from './format.js';
import type { PDFDocumentProxy } from './pdf.js';
import type { Box, Redaction } from './types.js';

interface Props {
  pdf: PDFDocumentProxy;
  page: number;
  /** CSS pixels per PDF point. */
  scale: number;
  redactions: readonly Redaction[];
  selectedId: string | undefined;
  onSelect(id: string): void;
  /** Called with a box drawn on the page (in PDF points, from the top left) and whether to snap it
   * to the words under it (unless Alt was held); no drawing without it. */
  onDraw?(box: Box, snap: boolean): void;
  onRendered?(): void;
}

const MIN_POINTS = 3;

/** One page of the PDF on a canvas, the redactions over it as boxes coloured by status, and a
 * layer to draw a new box on. */
export function PdfView({ pdf, page, scale, redactions, selectedId, onSelect, onDraw, onRendered }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number }>();

  useEffect(() => {
    let cancelled = false;
    let task: { cancel(): void } | undefined;
    void (async () => {
      const p = await pdf.getPage(page);
      if (cancelled) return;
      const viewport = p.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      const c = canvas.current!;
      c.width = Math.floor(viewport.width * ratio);
      c.height = Math.floor(viewport.height * ratio);
      setSize({ width: viewport.width, height: viewport.height });
      const render = p.render({ canvas: c, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      task = render;
      try {
        await render.promise;
        if (!cancelled) onRendered?.();
      } catch {
        // cancelled because the page or zoom changed
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, page, scale, onRendered]);

  const point = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: (e.clientX - r.left) / scale, y: (e.clientY - r.top) / scale };
  };
  const down = (e: PointerEvent<HTMLDivElement>) => {
    if (!onDraw || e.target !== e.currentTarget || e.button !== 0) return;
    const p = point(e);
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const p = point(e);
    setDrag({ ...drag, x1: p.x, y1: p.y });
  };
  const up = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const box = { x: Math.min(drag.x0, drag.x1), y: Math.min(drag.y0, drag.y1), width: Math.abs(drag.x1 - drag.x0), height: Math.abs(drag.y1 - drag.y0) };
    setDrag(undefined);
    if (box.width >= MIN_POINTS && box.height >= MIN_POINTS) onDraw?.(box, !e.altKey);
  };
  const px = (b: Box) => ({ left: b.x * scale, top: b.y * scale, width: b.width * scale, height: b.height * scale });

  return (
    <div className="page-view" style={{ width: size.width, height: size.height }}>
      <canvas ref={canvas} style={{ width: size.width, height: size.height }} aria-label={`Pagina ${page}`} role="img" />
      <div
        className={`overlay${onDraw ? ' overlay--draw' : ''}`}
        data-testid="page-overlay"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
      >
        {redactions.flatMap((r) =>
          r.boxes.map((b, i) => (
            <div
              key={`${r.id}-${i}`}
              className={`box box--${r.status}${r.id === selectedId ? ' box--selected' : ''}`}
              style={px(b)}
              title={`${r.text} (${REDACTION_STATUS[r.status]}, ${groundLabel(r)})`}
              aria-hidden="true"
              onPointerDown={(e) => {
                e.stopPropagation();
                onSelect(r.id);
              }}
            />
          )),
        )}
        {drag && <div className="box box--drawing" style={px({ x: Math.min(drag.x0, drag.x1), y: Math.min(drag.y0, drag.y1), width: Math.abs(drag.x1 - drag.x0), height: Math.abs(drag.y1 - drag.y0) })} />}
      </div>
    </div>
  );
}
