import { randomUUID } from 'node:crypto';
import { isApplied, type ExtractedDocument, type GroundCode, type Redaction } from '@woo/core';
import { describeEntity, entityCategory, entityKey, entityVariants, locateAll, matchesEntity, overlapsAny, searchableVariants, type Entity, type Occurrence } from '@woo/dossier';
import { appendAudit, SYSTEM_ACTOR, type Actor } from './audit.js';
import type { Database, Queryable } from './database.js';
import { ConflictError } from './errors.js';
import { loadExtractedDocument } from './pages.js';
import { insertRedactions, listRedactions, reopenIfExported, type PriorState, type RedactionRecord } from './redactions.js';

/** A decision on one entity for the whole batch, kept so later occurrences inherit it. */
export interface BatchRule {
  id: string;
  batchId: string;
  entity: Entity;
  variants: string[];
  status: 'accepted' | 'rejected';
  ground: GroundCode;
  createdBy: string;
  createdAt: string;
}

/** What a rule does (or would do) to one document. */
export interface RulePlanItem {
  documentId: string;
  number: number;
  filename: string;
  /** Suggestions and decisions whose status or ground changes. */
  changed: number;
  /** Occurrences nobody suggested that a redact decision adds. */
  added: number;
}

export interface EntityDecisionResult {
  rule: BatchRule;
  documents: RulePlanItem[];
  /** The state of every changed redaction before the decision, to undo it with the bulk route. */
  previous: PriorState[];
}

interface RuleRow {
  id: string;
  batch_id: string;
  entity: Entity;
  variants: string[];
  status: 'accepted' | 'rejected';
  ground: GroundCode;
  created_by: string;
  created_at: Date | string;
}

function toRule(r: RuleRow): BatchRule {
  return {
    id: r.id,
    batchId: r.batch_id,
    entity: r.entity,
    variants: r.variants,
    status: r.status,
    ground: r.ground,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function listBatchRules(q: Queryable, batchId: string): Promise<BatchRule[]> {
  const { rows } = await q.query<RuleRow>('SELECT * FROM batch_rules WHERE batch_id = $1 ORDER BY created_at, id', [batchId]);
  return rows.map(toRule);
}

/** Documents already detected: a rule applies to them now; the others inherit it when detected. */
const DETECTED = ['in_review', 'exported'];

interface DocumentPlan {
  change: RedactionRecord[];
  add: Occurrence[];
}

/** What `rule` changes in one document: matching suggestions and decisions (never a reviewer's
 * own manual boxes), and for a redact decision every whole-word occurrence of a searchable
 * variant that no redaction covers yet. */
async function planDocument(
  q: Queryable,
  documentId: string,
  rule: Pick<BatchRule, 'entity' | 'variants' | 'status' | 'ground'>,
  words: () => Promise<ExtractedDocument> = () => loadExtractedDocument(q, documentId),
): Promise<DocumentPlan> {
  const redactions = await listRedactions(q, documentId);
  const variantKeys = new Set(rule.variants.map(entityKey));
  const matching = redactions.filter((r) => r.status !== 'manual' && (matchesEntity(rule.entity, r) || variantKeys.has(entityKey(r.text))));
  const change = matching.filter((r) => r.status !== rule.status || r.ground !== rule.ground);
  if (rule.status !== 'accepted') return { change, add: [] };
  const covering = [...matching, ...redactions.filter(isApplied)];
  const add = locateAll(await words(), searchableVariants(rule.entity, rule.variants)).filter((o) => !overlapsAny(covering, o.page, o.boxes));
  return { change, add };
}

async function applyPlan(tx: Queryable, documentId: string, rule: BatchRule, plan: DocumentPlan, actor: Actor): Promise<void> {
  if (!plan.change.length && !plan.add.length) return;
  await reopenIfExported(tx, documentId);
  if (plan.change.length) {
    await tx.query(
      `UPDATE redactions SET status = $2::redaction_status, ground = $3, decided_by = $4, decided_at = now() WHERE id = ANY($1::uuid[])`,
      [plan.change.map((r) => r.id), rule.status, rule.ground, actor.name],
    );
  }
  if (plan.add.length) {
    const added: Redaction[] = plan.add.map((o) => ({
      id: randomUUID(),
      page: o.page,
      boxes: o.boxes,
      text: o.text,
      category: entityCategory(rule.entity),
      ground: rule.ground,
      confidence: 1,
      detector: 'dossier/rule',
      explanation: `besluit voor het hele dossier over ${describeEntity(rule.entity)}`,
      status: 'accepted',
      needsReview: false,
    }));
    await insertRedactions(tx, documentId, 'reviewer', added);
    await tx.query('UPDATE redactions SET decided_by = $2, decided_at = now() WHERE id = ANY($1::uuid[])', [added.map((r) => r.id), actor.name]);
  }
}

function describeScope(documents: readonly RulePlanItem[]) {
  return documents.map((d) => ({ documentId: d.documentId, number: d.number, changed: d.changed, added: d.added }));
}

interface BatchDocument {
  id: string;
  number: number;
  filename: string;
  status: string;
}

async function plans(q: Queryable, batchId: string, rule: Pick<BatchRule, 'entity' | 'variants' | 'status' | 'ground'>) {
  const { rows: docs } = await q.query<BatchDocument>('SELECT id, number, filename, status FROM documents WHERE batch_id = $1 ORDER BY number', [batchId]);
  const busy = docs.find((d) => d.status === 'exporting');
  const planned: Array<{ doc: BatchDocument; plan: DocumentPlan }> = [];
  for (const doc of docs.filter((d) => DETECTED.includes(d.status))) {
    const plan = await planDocument(q, doc.id, rule);
    if (plan.change.length || plan.add.length) planned.push({ doc, plan });
  }
  return { busy, planned };
}

async function knownVariants(q: Queryable, batchId: string, entity: Entity): Promise<string[]> {
  const { rows } = await q.query<Pick<RedactionRecord, 'text' | 'category'>>(
    'SELECT DISTINCT text, category FROM redactions WHERE document_id IN (SELECT id FROM documents WHERE batch_id = $1)',
    [batchId],
  );
  return entityVariants(entity, rows);
}

function planItems(planned: ReadonlyArray<{ doc: BatchDocument; plan: DocumentPlan }>): RulePlanItem[] {
  return planned.map(({ doc, plan }) => ({ documentId: doc.id, number: doc.number, filename: doc.filename, changed: plan.change.length, added: plan.add.length }));
}

export interface EntityDecision {
  entity: Entity;
  status: 'accepted' | 'rejected';
  ground: GroundCode;
}

/** The dry run: per document, what deciding on `entity` would change, and the variants it covers. */
export async function previewEntityDecision(q: Queryable, batchId: string, decision: EntityDecision): Promise<{ variants: string[]; documents: RulePlanItem[] }> {
  const variants = await knownVariants(q, batchId, decision.entity);
  const { planned } = await plans(q, batchId, { ...decision, variants });
  return { variants, documents: planItems(planned) };
}

/**
 * One decision on an entity for the whole batch: every matching suggestion and decision takes
 * it, a redact decision also covers occurrences nobody suggested, and the decision is kept as
 * a rule that documents detected later inherit. The audit log gets ONE entry with its scope.
 * All or nothing; refused (409) while a document of the batch is being exported.
 */
export async function decideEntityInBatch(db: Database, batchId: string, decision: EntityDecision, actor: Actor): Promise<EntityDecisionResult> {
  return db.transaction(async (tx) => {
    // excludes detections of this batch being saved meanwhile (they lock it FOR SHARE), so a
    // document is either planned here or sees the rule when its detection is saved
    await tx.query('SELECT 1 FROM batches WHERE id = $1 FOR UPDATE', [batchId]);
    const variants = await knownVariants(tx, batchId, decision.entity);
    const rule: BatchRule = { id: randomUUID(), batchId, ...decision, variants, createdBy: actor.name, createdAt: new Date().toISOString() };
    const { busy, planned } = await plans(tx, batchId, rule);
    if (busy) throw new ConflictError(`Het document '${busy.filename}' wordt nu geëxporteerd; neem het besluit als de export klaar is.`);
    await tx.query(
      `INSERT INTO batch_rules (id, batch_id, entity, variants, status, ground, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [rule.id, batchId, JSON.stringify(rule.entity), variants, rule.status, rule.ground, actor.name],
    );
    for (const { doc, plan } of planned) {
      await tx.query('SELECT 1 FROM documents WHERE id = $1 FOR UPDATE', [doc.id]);
      await applyPlan(tx, doc.id, rule, plan, actor);
    }
    const documents = planItems(planned);
    const previous = planned.flatMap(({ plan }) => plan.change.map((r) => ({ id: r.id, status: r.status, ground: r.ground, additionalGrounds: r.additionalGrounds })));
    await appendAudit(tx, actor, {
      action: 'batch.decided',
      batchId,
      details: { ruleId: rule.id, entity: rule.entity, variants, status: rule.status, ground: rule.ground, documents: describeScope(documents), previous },
    });
    return { rule, documents, previous };
  });
}

/** The batch's rules applied to one document just detected (a new upload, a re-detection),
 * inside the transaction that stores its suggestions. Audited once per rule that changed it. */
export async function applyBatchRulesIn(tx: Queryable, batchId: string, documentId: string): Promise<void> {
  await tx.query('SELECT 1 FROM batches WHERE id = $1 FOR SHARE', [batchId]);
  let doc: Promise<ExtractedDocument> | undefined;
  // the words are read once, and only when a redact rule needs to search them
  const words = () => (doc ??= loadExtractedDocument(tx, documentId));
  for (const rule of await listBatchRules(tx, batchId)) {
    const own = await listRedactions(tx, documentId);
    const variants = [...new Set([...rule.variants, ...entityVariants(rule.entity, own)])];
    const plan = await planDocument(tx, documentId, { ...rule, variants }, words);
    if (!plan.change.length && !plan.add.length) continue;
    await applyPlan(tx, documentId, rule, plan, SYSTEM_ACTOR);
    await appendAudit(tx, SYSTEM_ACTOR, {
      action: 'decision.inherited',
      batchId,
      documentId,
      details: { ruleId: rule.id, entity: rule.entity, status: rule.status, changed: plan.change.length, added: plan.add.length, decidedBy: rule.createdBy },
    });
  }
}
