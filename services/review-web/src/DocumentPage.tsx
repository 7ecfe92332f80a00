import { PERSONAL_DATA_GROUND, WOO_GROUNDS } from '@woo/core';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, apiBlob, download } from './api.js';
import { AuditTrail } from './AuditTrail.js';
import { categoryLabel, DOCUMENT_STATUS } from './format.js';
import { commandFor, isTyping, KEY_MAP, type Command } from './keys.js';
import { announce } from './live.js';
import { Modal } from './Modal.js';
import { PageNav } from './PageNav.js';
import { openPdf, type PDFDocumentProxy } from './pdf.js';
import { PdfView } from './PdfView.js';
import type { Session } from './session.js';
import { SuggestionList, type SuggestionActions } from './SuggestionList.js';
import type { DocumentDetail, Redaction } from './types.js';
import { useReview } from './useReview.js';

type Everywhere = { redaction: Redaction; status: 'accepted' | 'rejected'; document: number; batch: number; documents: number };

export function DocumentPage({ id, session }: { id: string; session: Session }) {
  const [doc, setDoc] = useState<DocumentDetail>();
  const [pdf, setPdf] = useState<PDFDocumentProxy>();
  const [view, setView] = useState<'original' | 'export'>('original');
  const [page, setPage] = useState(1);
  const [scale, setScale] = useState(1.25);
  const [selectedId, setSelectedId] = useState<string>();
  const [filter, setFilter] = useState({ status: 'all', category: 'all', text: '' });
  const [dialog, setDialog] = useState<'help' | 'ground' | 'everywhere' | 'audit'>();
  const [pending, setPending] = useState<Everywhere>();
  const [ground, setGround] = useState<string>(PERSONAL_DATA_GROUND);
  const [search, setSearch] = useState('');
  const [loadError, setLoadError] = useState('');
  const searchField = useRef<HTMLInputElement>(null);
  const review = useReview(id, doc?.batchId);
  const canDecide = session.role !== 'coordinator';
  const coordinator = session.role !== 'reviewer';

  const loadDocument = useCallback(async () => setDoc(await api<DocumentDetail>(`/v1/documents/${id}`)), [id]);
  useEffect(() => {
    void (async () => {
      try {
        const [, , bytes] = await Promise.all([loadDocument(), review.load(), apiBlob(`/v1/documents/${id}/original.pdf`).then((b) => b.arrayBuffer())]);
        setPdf(await openPdf(bytes));
      } catch (err) {
        setLoadError((err as Error).message);
      }
    })();
  }, [id]);

  // while an export runs, follow the document's status
  useEffect(() => {
    if (doc?.status !== 'exporting') return;
    const timer = setInterval(() => void loadDocument(), 1000);
    return () => clearInterval(timer);
  }, [doc?.status, loadDocument]);

  const items = useMemo(() => {
    const text = filter.text.trim().toLowerCase();
    return review.redactions.filter(
      (r) =>
        (filter.status === 'all' || r.status === filter.status) &&
        (filter.category === 'all' || r.category === filter.category) &&
        (!text || r.text.toLowerCase().includes(text)),
    );
  }, [review.redactions, filter]);
  const categories = useMemo(() => [...new Set(review.redactions.map((r) => r.category))].sort(), [review.redactions]);
  const selected = review.redactions.find((r) => r.id === selectedId);

  const select = (r: Redaction | undefined) => {
    if (!r) return;
    setSelectedId(r.id);
    setPage(r.page);
  };
  const step = (delta: number) => {
    const at = items.findIndex((r) => r.id === selectedId);
    select(items[Math.min(items.length - 1, Math.max(0, at + delta))] ?? items[0]);
  };
  const decideOne = async (r: Redaction, status: 'accepted' | 'rejected', chosenGround?: string) => {
    await review.decide([r.id], status, `'${r.text}' ${status === 'accepted' ? 'gelakt' : 'niet gelakt'}${chosenGround ? ` (grond ${chosenGround})` : ''}.`, chosenGround);
  };
  const askEverywhere = async (r: Redaction, status: 'accepted' | 'rejected') => {
    const counted = await review.count(r.text);
    if (!counted) return;
    setPending({ redaction: r, status, ...counted });
    setDialog('everywhere');
  };
  const confirmEverywhere = async (inBatch: boolean) => {
    setDialog(undefined);
    if (pending) await review.everywhere(pending.redaction.text, pending.status, inBatch);
  };
  const changePage = (p: number) => doc && setPage(Math.min(doc.pages, Math.max(1, p)));

  const run = (command: Command) => {
    const actions: Record<Command, () => void> = {
      next: () => step(1),
      prev: () => step(-1),
      accept: () => selected && canDecide && void decideOne(selected, 'accepted').then(() => step(1)),
      reject: () => selected && canDecide && void decideOne(selected, 'rejected').then(() => step(1)),
      ground: () => selected && canDecide && (setGround(selected.ground), setDialog('ground')),
      undo: () => void review.undo(),
      redo: () => void review.redo(),
      search: () => searchField.current?.focus(),
      pageNext: () => changePage(page + 1),
      pagePrev: () => changePage(page - 1),
      help: () => setDialog('help'),
    };
    actions[command]();
  };
  const runRef = useRef(run);
  runRef.current = run;
  // the list's buttons call the current handlers through one object that never changes
  const selectId = (rid: string) => select(review.redactions.find((r) => r.id === rid));
  const handlers = useRef({ selectId, decideOne, askEverywhere });
  handlers.current = { selectId, decideOne, askEverywhere };
  const actions = useMemo<SuggestionActions>(
    () => ({
      select: (rid) => handlers.current.selectId(rid),
      decide: (r, status) => void handlers.current.decideOne(r, status),
      everywhere: (r, status) => void handlers.current.askEverywhere(r, status),
    }),
    [],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || document.querySelector('dialog[open]')) return;
      const command = commandFor(e);
      if (!command) return;
      e.preventDefault();
      runRef.current(command);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const searchAndRedact = async (e: FormEvent) => {
    e.preventDefault();
    if (search.trim() && (await review.add({ text: search.trim() }, PERSONAL_DATA_GROUND))) setSearch('');
  };
  const showExport = async () => {
    try {
      setPdf(await openPdf(await (await apiBlob(`/v1/documents/${id}/export.pdf`)).arrayBuffer()));
      setView('export');
      announce('De gelakte versie wordt getoond.');
    } catch (err) {
      announce((err as Error).message);
    }
  };
  const showOriginal = async () => {
    setPdf(await openPdf(await (await apiBlob(`/v1/documents/${id}/original.pdf`)).arrayBuffer()));
    setView('original');
  };
  const exportDocument = async () => {
    try {
      await api(`/v1/documents/${id}/export`, { method: 'POST', body: {} });
      announce('Het document wordt geëxporteerd.');
      await loadDocument();
    } catch (err) {
      announce((err as Error).message);
    }
  };

  if (loadError) return <p className="utrecht-form-field-error-message">{loadError}</p>;
  if (!doc) return <p className="utrecht-paragraph">Laden…</p>;
  const open = review.redactions.filter((r) => r.status === 'suggested').length;
  return (
    <>
      <nav aria-label="Kruimelpad" className="crumbs">
        <a className="utrecht-link" href="#/">
          Batches
        </a>{' '}
        ›{' '}
        <a className="utrecht-link" href={`#/batches/${doc.batchId}`}>
          Batch
        </a>
      </nav>
      <h1 className="utrecht-heading-1">{doc.filename}</h1>
      <p className="utrecht-paragraph">
        {DOCUMENT_STATUS[doc.status]} · {doc.pages} pagina's · {open} open voorstellen
      </p>
      <div className="actions">
        {view === 'original' ? (
          <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={doc.status !== 'exported'} onClick={() => void showExport()}>
            Gelakte versie bekijken
          </button>
        ) : (
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => void showOriginal()}>
            Origineel met voorstellen
          </button>
        )}
        {coordinator && (
          <button type="button" className="utrecht-button utrecht-button--primary-action" disabled={!['in_review', 'exported'].includes(doc.status)} onClick={() => void exportDocument()}>
            Document exporteren
          </button>
        )}
        {doc.status === 'exported' && (
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => void download(`/v1/documents/${id}/export.pdf`, doc.filename.replace(/\.[^.]+$/, '') + '.redacted.pdf')}>
            Gelakte PDF downloaden
          </button>
        )}
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setDialog('audit')}>
          Auditlog
        </button>
        {canDecide && (
          <>
            <button type="button" className="utrecht-button utrecht-button--subtle" disabled={!review.canUndo} onClick={() => void review.undo()}>
              Ongedaan maken
            </button>
            <button type="button" className="utrecht-button utrecht-button--subtle" disabled={!review.canRedo} onClick={() => void review.redo()}>
              Opnieuw doen
            </button>
          </>
        )}
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setDialog('help')}>
          Sneltoetsen (?)
        </button>
      </div>
      {review.error && (
        <p className="utrecht-form-field-error-message" role="alert">
          {review.error}
        </p>
      )}
      <div className="review">
        <section className="review__page" aria-label="Pagina">
          <div className="toolbar">
            <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => changePage(page - 1)} disabled={page <= 1}>
              Vorige pagina
            </button>
            <span>
              Pagina {page} van {doc.pages}
            </span>
            <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => changePage(page + 1)} disabled={page >= doc.pages}>
              Volgende pagina
            </button>
            <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setScale((s) => Math.max(0.5, s - 0.25))}>
              Uitzoomen
            </button>
            <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setScale((s) => Math.min(4, s + 0.25))}>
              Inzoomen
            </button>
          </div>
          {view === 'original' && <PageNav pages={doc.pages} current={page} redactions={review.redactions} onPage={changePage} />}
          {canDecide && view === 'original' && <p className="hint">Sleep over de pagina om te lakken: het vak springt naar de woorden eronder (houd Alt ingedrukt voor precies het getekende vak).</p>}
          {pdf && (
            <PdfView
              pdf={pdf}
              page={page}
              scale={scale}
              redactions={view === 'original' ? review.redactions.filter((r) => r.page === page) : []}
              selectedId={selectedId}
              onSelect={selectId}
              {...(canDecide && view === 'original' ? { onDraw: (box, snap) => void review.add({ page, boxes: [box], snap }, PERSONAL_DATA_GROUND) } : {})}
            />
          )}
        </section>
        <section className="review__list" aria-label="Voorstellen">
          {canDecide && (
            <form className="utrecht-form inline-form" onSubmit={searchAndRedact} role="search">
              <label className="utrecht-form-label" htmlFor="search">
                Zoeken en lakken
              </label>
              <input id="search" ref={searchField} className="utrecht-textbox" value={search} onChange={(e) => setSearch(e.target.value)} />
              <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                Alle treffers lakken
              </button>
            </form>
          )}
          <fieldset className="utrecht-form-fieldset filters">
            <legend className="utrecht-form-fieldset__legend">Filters</legend>
            <label className="utrecht-form-label" htmlFor="f-status">
              Status
            </label>
            <select id="f-status" className="utrecht-select" value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value })}>
              <option value="all">alle</option>
              <option value="suggested">open</option>
              <option value="accepted">gelakt</option>
              <option value="rejected">niet gelakt</option>
              <option value="manual">handmatig</option>
            </select>
            <label className="utrecht-form-label" htmlFor="f-category">
              Categorie
            </label>
            <select id="f-category" className="utrecht-select" value={filter.category} onChange={(e) => setFilter({ ...filter, category: e.target.value })}>
              <option value="all">alle</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {categoryLabel(c)}
                </option>
              ))}
            </select>
            <label className="utrecht-form-label" htmlFor="f-text">
              Persoon of tekst
            </label>
            <input id="f-text" className="utrecht-textbox" value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
          </fieldset>
          <SuggestionList items={items} selectedId={selectedId} actions={actions} canDecide={canDecide && view === 'original'} />
        </section>
      </div>

      <Modal title="Sneltoetsen" open={dialog === 'help'} onClose={() => setDialog(undefined)}>
        <dl className="keys">
          {KEY_MAP.map((k) => (
            <div key={k.keys}>
              <dt>{k.keys}</dt>
              <dd>{k.label}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => setDialog(undefined)}>
          Sluiten
        </button>
      </Modal>

      <Modal title="Weigeringsgrond" open={dialog === 'ground'} onClose={() => setDialog(undefined)}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setDialog(undefined);
            if (selected) void decideOne(selected, 'accepted', ground);
          }}
        >
          <label className="utrecht-form-label" htmlFor="ground">
            Grond voor &lsquo;{selected?.text}&rsquo;
          </label>
          <select id="ground" className="utrecht-select" value={ground} onChange={(e) => setGround(e.target.value)} autoFocus>
            {WOO_GROUNDS.map((g) => (
              <option key={g.code} value={g.code}>
                {g.code}: {g.description}
              </option>
            ))}
          </select>
          <div className="actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              Lakken met deze grond
            </button>
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setDialog(undefined)}>
              Annuleren
            </button>
          </div>
        </form>
      </Modal>

      <Modal title={pending?.status === 'accepted' ? 'Overal lakken' : 'Overal niet lakken'} open={dialog === 'everywhere'} onClose={() => setDialog(undefined)}>
        {pending && (
          <>
            <p className="utrecht-paragraph">
              &lsquo;{pending.redaction.text}&rsquo; komt {pending.document} keer voor in dit document en {pending.batch} keer in {pending.documents} documenten van de batch.
            </p>
            <div className="actions">
              <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => void confirmEverywhere(false)}>
                In dit document ({pending.document})
              </button>
              <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => void confirmEverywhere(true)}>
                In de hele batch ({pending.batch})
              </button>
              <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setDialog(undefined)}>
                Annuleren
              </button>
            </div>
          </>
        )}
      </Modal>

      <Modal title="Auditlog" open={dialog === 'audit'} onClose={() => setDialog(undefined)}>
        {dialog === 'audit' && <AuditTrail documentId={id} />}
        <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => setDialog(undefined)}>
          Sluiten
        </button>
      </Modal>
    </>
  );
}
