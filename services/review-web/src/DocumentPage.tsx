import { PERSONAL_DATA_GROUND } from '@woo/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, apiBlob, download } from './api.js';
import { AuditTrail } from './AuditTrail.js';
import { BatchSearch } from './BatchSearch.js';
import { categoryLabel, DOCUMENT_STATUS } from './format.js';
import { GroundPicker } from './GroundPicker.js';
import { commandFor, isPressable, isTyping, KEY_MAP, type Command } from './keys.js';
import { announce } from './live.js';
import { Modal } from './Modal.js';
import { PageThumbnails } from './PageThumbnails.js';
import { openPdf, type PDFDocumentProxy } from './pdf.js';
import { PdfView } from './PdfView.js';
import { click, keepListed, NO_SELECTION, toggle, type ClickModifiers, type Selection } from './selection.js';
import type { Session } from './session.js';
import { SuggestionList, type SuggestionActions } from './SuggestionList.js';
import type { DocumentDetail, Grounds, Redaction } from './types.js';
import { useReview } from './useReview.js';

type Everywhere = { redaction: Redaction; status: 'accepted' | 'rejected'; document: number; batch: number; documents: number };
type Dialog = 'help' | 'ground' | 'everywhere' | 'audit' | 'search';
const DRAWN_GROUNDS: Grounds = { ground: PERSONAL_DATA_GROUND, additionalGrounds: [] };

const decided = (status: 'accepted' | 'rejected') => (status === 'accepted' ? 'gelakt' : 'niet gelakt');

export function DocumentPage({ id, session }: { id: string; session: Session }) {
  const [doc, setDoc] = useState<DocumentDetail>();
  const [pdf, setPdf] = useState<PDFDocumentProxy>();
  const [rendered, setRendered] = useState(false);
  const [view, setView] = useState<'original' | 'export'>('original');
  const [page, setPage] = useState(1);
  const [scale, setScale] = useState(1.25);
  const [currentId, setCurrentId] = useState<string>();
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [checkedPages, setCheckedPages] = useState<ReadonlySet<number>>(new Set());
  const [filter, setFilter] = useState({ status: 'all', category: 'all', text: '' });
  const [dialog, setDialog] = useState<Dialog>();
  const [pending, setPending] = useState<Everywhere>();
  const [loadError, setLoadError] = useState('');
  const review = useReview(id, doc?.batchId);
  const canDecide = session.role !== 'coordinator';
  const coordinator = session.role !== 'reviewer';

  const loadDocument = useCallback(async () => setDoc(await api<DocumentDetail>(`/v1/documents/${id}`)), [id]);
  useEffect(() => {
    // each part shows as soon as it is there: the first page does not wait for the checklist
    const failed = (err: unknown) => setLoadError((err as Error).message);
    loadDocument().catch(failed);
    review.load().catch(failed);
    api<{ checkedPages: number[] }>(`/v1/documents/${id}/page-checks`)
      .then((checks) => setCheckedPages(new Set(checks.checkedPages)))
      .catch(failed);
    apiBlob(`/v1/documents/${id}/original.pdf`)
      .then(async (b) => setPdf(await openPdf(await b.arrayBuffer())))
      .catch(failed);
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
  const order = useMemo(() => items.map((r) => r.id), [items]);
  // a decision can take selected items out of a filtered list: they are no longer selected
  useEffect(() => setSelection((s) => keepListed(s, order)), [order]);
  const categories = useMemo(() => [...new Set(review.redactions.map((r) => r.category))].sort(), [review.redactions]);
  const current = review.redactions.find((r) => r.id === currentId);
  const selected = review.redactions.filter((r) => selection.ids.has(r.id));
  /** What A, R and G act on: the selection when there is one, else the current suggestion. */
  const targets = selected.length ? selected : current ? [current] : [];

  const goTo = (r: Redaction | undefined) => {
    if (!r) return;
    setCurrentId(r.id);
    setPage(r.page);
  };
  const step = (delta: number) => {
    const at = items.findIndex((r) => r.id === currentId);
    goTo(items[Math.min(items.length - 1, Math.max(0, at + delta))] ?? items[0]);
  };
  /** One decision on the targets: shown at once, one undo step however many. */
  const decide = (on: readonly Redaction[], status: 'accepted' | 'rejected', grounds?: Grounds) => {
    if (!on.length) return;
    const what = on.length === 1 ? `'${on[0]!.text}'` : `${on.length} voorstellen`;
    const groundsText = grounds ? ` (${[grounds.ground, ...grounds.additionalGrounds].join('; ')})` : '';
    void review.decide(
      on.map((r) => r.id),
      status,
      `${what} ${decided(status)}${groundsText}.`,
      grounds,
    );
    if (on.length > 1) setSelection(NO_SELECTION);
  };
  const decideByKey = (status: 'accepted' | 'rejected') => {
    const single = !selected.length;
    decide(targets, status);
    if (single) step(1);
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
  const pageCount = doc?.pages ?? 1;
  // stable, so a decision does not re-render every page thumbnail
  const changePage = useCallback((p: number) => setPage(Math.min(pageCount, Math.max(1, p))), [pageCount]);
  const toggleChecked = async (p: number) => {
    const checked = !checkedPages.has(p);
    try {
      const result = await api<{ checkedPages: number[] }>(`/v1/documents/${id}/page-checks`, { method: 'PUT', body: { page: p, checked } });
      setCheckedPages(new Set(result.checkedPages));
      announce(`Pagina ${p} ${checked ? 'gemarkeerd als gecontroleerd' : 'niet meer gemarkeerd als gecontroleerd'}.`);
    } catch (err) {
      announce((err as Error).message);
    }
  };

  const run = (command: Command) => {
    const actions: Record<Command, () => void> = {
      next: () => step(1),
      prev: () => step(-1),
      accept: () => canDecide && decideByKey('accepted'),
      reject: () => canDecide && decideByKey('rejected'),
      ground: () => canDecide && targets.length > 0 && setDialog('ground'),
      toggle: () => canDecide && current && setSelection((s) => toggle(s, current.id)),
      undo: () => review.undo(),
      redo: () => review.redo(),
      search: () => canDecide && setDialog('search'),
      pageNext: () => changePage(page + 1),
      pagePrev: () => changePage(page - 1),
      checkPage: () => canDecide && void toggleChecked(page),
      help: () => setDialog('help'),
    };
    actions[command]();
  };
  const runRef = useRef(run);
  runRef.current = run;
  // the list's buttons call the current handlers through one object that never changes
  const clickItem = (rid: string, mods: ClickModifiers) => {
    goTo(review.redactions.find((r) => r.id === rid));
    if (canDecide) setSelection((s) => click(s, order, rid, mods));
  };
  const handlers = useRef({ clickItem, decide, askEverywhere });
  handlers.current = { clickItem, decide, askEverywhere };
  const actions = useMemo<SuggestionActions>(
    () => ({
      click: (rid, mods) => handlers.current.clickItem(rid, mods),
      toggle: (rid) => setSelection((s) => toggle(s, rid)),
      decide: (r, status) => handlers.current.decide([r], status),
      everywhere: (r, status) => void handlers.current.askEverywhere(r, status),
    }),
    [],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || document.querySelector('dialog[open]')) return;
      const command = commandFor(e);
      if (!command || (command === 'toggle' && isPressable(e.target))) return;
      e.preventDefault();
      runRef.current(command);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
  const onRendered = useCallback(() => setRendered(true), []);

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
  const deciding = canDecide && view === 'original';
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
        {DOCUMENT_STATUS[doc.status]} · {doc.pages} pagina's · {open} open voorstellen · {checkedPages.size} van {doc.pages} pagina's gecontroleerd ·{' '}
        <span className="saving" data-saving={review.saving}>
          {review.saving ? 'bezig met opslaan…' : 'alles opgeslagen'}
        </span>
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
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => void download(`/v1/documents/${id}/export.pdf`)}>
            Gelakte PDF downloaden
          </button>
        )}
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setDialog('audit')}>
          Auditlog
        </button>
        {canDecide && (
          <>
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setDialog('search')}>
              Zoeken in de batch (/)
            </button>
            <button type="button" className="utrecht-button utrecht-button--subtle" disabled={!review.canUndo} onClick={() => review.undo()}>
              Ongedaan maken
            </button>
            <button type="button" className="utrecht-button utrecht-button--subtle" disabled={!review.canRedo} onClick={() => review.redo()}>
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
        <PageThumbnails pdf={pdf} ready={rendered} pages={doc.pages} current={page} redactions={review.redactions} checked={checkedPages} onPage={changePage} />
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
            {deciding && (
              <label className="utrecht-form-label page-check">
                <input type="checkbox" className="utrecht-checkbox" checked={checkedPages.has(page)} onChange={() => void toggleChecked(page)} /> Pagina {page} gecontroleerd (C)
              </label>
            )}
          </div>
          {deciding && <p className="hint">Sleep over de pagina om te lakken: het vak springt naar de woorden eronder (houd Alt ingedrukt voor precies het getekende vak).</p>}
          {pdf && (
            <PdfView
              pdf={pdf}
              page={page}
              scale={scale}
              redactions={view === 'original' ? review.redactions.filter((r) => r.page === page) : []}
              selectedId={currentId}
              onSelect={(rid) => goTo(review.redactions.find((r) => r.id === rid))}
              onRendered={onRendered}
              {...(deciding ? { onDraw: (box, snap) => void review.draw(page, box, snap, DRAWN_GROUNDS) } : {})}
            />
          )}
        </section>
        <section className="review__list" aria-label="Voorstellen">
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
          {deciding && selected.length > 0 && (
            <div className="selection-bar" role="group" aria-label="Selectie">
              <span>{selected.length} geselecteerd</span>
              <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => decide(selected, 'accepted')}>
                Selectie lakken
              </button>
              <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => decide(selected, 'rejected')}>
                Selectie niet lakken
              </button>
              <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setDialog('ground')}>
                Gronden kiezen (G)
              </button>
              <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setSelection(NO_SELECTION)}>
                Selectie opheffen
              </button>
            </div>
          )}
          <SuggestionList items={items} currentId={currentId} selection={selection.ids} actions={actions} canDecide={deciding} />
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

      <Modal title="Weigeringsgronden" open={dialog === 'ground'} onClose={() => setDialog(undefined)}>
        {dialog === 'ground' && targets.length > 0 && (
          <GroundPicker
            subject={targets.length === 1 ? `'${targets[0]!.text}'` : `${targets.length} geselecteerde voorstellen`}
            initial={{ ground: targets[0]!.ground, additionalGrounds: targets[0]!.additionalGrounds }}
            onChoose={(grounds) => {
              setDialog(undefined);
              decide(targets, 'accepted', grounds);
            }}
            onCancel={() => setDialog(undefined)}
          />
        )}
      </Modal>

      <Modal title="Zoeken in de batch" open={dialog === 'search'} onClose={() => setDialog(undefined)}>
        {dialog === 'search' && (
          <BatchSearch
            batchId={doc.batchId}
            currentDocument={id}
            onGoTo={(p) => {
              setDialog(undefined);
              changePage(p);
            }}
            onRedact={async (text, grounds) => {
              const added = await review.redactHits(text, grounds);
              if (added) setDialog(undefined);
              return added;
            }}
          />
        )}
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setDialog(undefined)}>
          Sluiten
        </button>
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
