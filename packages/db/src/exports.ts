import { acceptedByPolicy, type ExportPolicy } from '@woo/core';
import { appendAudit, SYSTEM_ACTOR, type Actor } from './audit.js';
import type { Database } from './database.js';
import { ConflictError } from './errors.js';

export interface ExportTicket {
  documentId: string;
  /** Which export request this is; the export job carries it so a stale job cannot finish a newer request. */
  revision: number;
}

const EXPORTABLE = ['in_review', 'exported'];
const STILL_PROCESSING = ['queued', 'extracting', 'ocr', 'detecting'];

/**
 * Marks documents for export under `policy`, in one transaction, and returns one ticket per
 * document to enqueue. With `accepted-only`, open suggestions refuse the whole request; with
 * `accept-suggested`, every open suggestion the policy accepts (@woo/core: not the weak hints, which
 * stay open for a reviewer) is accepted and audited on behalf of `actor`.
 * Failed documents are skipped: there is nothing to export.
 */
export async function requestExport(db: Database, documentIds: readonly string[], policy: ExportPolicy, actor: Actor): Promise<ExportTicket[]> {
  return db.transaction(async (tx) => {
    const { rows: docs } = await tx.query<{ id: string; batch_id: string; status: string; filename: string }>(
      'SELECT id, batch_id, status, filename FROM documents WHERE id = ANY($1::uuid[]) ORDER BY number FOR UPDATE',
      [documentIds],
    );
    const busy = docs.filter((d) => STILL_PROCESSING.includes(d.status) || d.status === 'exporting');
    if (busy.length) {
      throw new ConflictError(
        busy.length === 1
          ? `Het document '${busy[0]!.filename}' wordt nog verwerkt (status '${busy[0]!.status}'); exporteren kan pas als het in beoordeling staat.`
          : `${busy.length} documenten worden nog verwerkt; exporteren kan pas als ze in beoordeling staan.`,
      );
    }
    const exportable = docs.filter((d) => EXPORTABLE.includes(d.status));
    const ids = exportable.map((d) => d.id);
    if (!ids.length) return [];
    if (policy === 'accepted-only') {
      const { rows } = await tx.query<{ open: number }>(
        `SELECT count(*)::int AS open FROM redactions WHERE document_id = ANY($1::uuid[]) AND status = 'suggested'`,
        [ids],
      );
      const open = rows[0]!.open;
      if (open > 0) {
        throw new ConflictError(
          `Er ${open === 1 ? 'staat nog 1 voorstel' : `staan nog ${open} voorstellen`} open. Beoordeel ${open === 1 ? 'het' : 'ze'} eerst, ` +
            `of exporteer met policy 'accept-suggested' om alle open voorstellen te accepteren.`,
        );
      }
    } else {
      const { rows: open } = await tx.query<{ id: string; document_id: string; status: 'suggested'; confidence: number }>(
        `SELECT id, document_id, status, confidence FROM redactions WHERE document_id = ANY($1::uuid[]) AND status = 'suggested' FOR UPDATE`,
        [ids],
      );
      const accepted = open.filter((r) => acceptedByPolicy(r, policy));
      await tx.query(`UPDATE redactions SET status = 'accepted', decided_by = $2, decided_at = now() WHERE id = ANY($1::uuid[])`, [
        accepted.map((r) => r.id),
        actor.name,
      ]);
      for (const r of accepted) {
        await appendAudit(tx, actor, {
          action: 'redaction.decided',
          batchId: exportable.find((d) => d.id === r.document_id)!.batch_id,
          documentId: r.document_id,
          redactionId: r.id,
          details: { from: 'suggested', to: 'accepted', policy },
        });
      }
    }
    const { rows: tickets } = await tx.query<{ id: string; export_revision: number }>(
      `UPDATE documents SET status = 'exporting', export_policy = $2, export_revision = export_revision + 1, updated_at = now()
       WHERE id = ANY($1::uuid[]) RETURNING id, export_revision`,
      [ids, policy],
    );
    for (const d of exportable) {
      await appendAudit(tx, actor, { action: 'export.requested', batchId: d.batch_id, documentId: d.id, details: { policy } });
    }
    return tickets.map((t) => ({ documentId: t.id, revision: t.export_revision }));
  });
}

/** Records a finished export; false when the ticket is stale (a newer request, a decision since,
 * or this export already recorded by an earlier attempt of the same job). */
export async function saveExport(db: Database, ticket: ExportTicket, exportKey: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ batch_id: string }>(
      `UPDATE documents SET status = 'exported', export_key = $3, updated_at = now()
       WHERE id = $1 AND status = 'exporting' AND export_revision = $2 RETURNING batch_id`,
      [ticket.documentId, ticket.revision, exportKey],
    );
    if (!rows[0]) return false;
    await appendAudit(tx, SYSTEM_ACTOR, {
      action: 'document.exported',
      batchId: rows[0].batch_id,
      documentId: ticket.documentId,
      details: { revision: ticket.revision },
    });
    return true;
  });
}
