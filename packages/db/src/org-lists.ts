import { entityKey } from '@woo/dossier';
import { appendAudit, SYSTEM_ACTOR, type Actor } from './audit.js';
import type { Database, Queryable } from './database.js';

/** The organisation's own lists, applied to every batch. */
export const ORG_LISTS = ['officials', 'mailboxes', 'keep', 'redact'] as const;
export type OrgList = (typeof ORG_LISTS)[number];
export type OrgLists = Record<OrgList, string[]>;

export async function readOrgLists(q: Queryable): Promise<OrgLists> {
  const { rows } = await q.query<{ list: OrgList; value: string }>('SELECT list, value FROM org_list_entries ORDER BY list, value_key');
  const lists: OrgLists = { officials: [], mailboxes: [], keep: [], redact: [] };
  for (const r of rows) lists[r.list].push(r.value);
  return lists;
}

async function insertEntries(tx: Queryable, list: OrgList, values: readonly string[], actor: Actor): Promise<string[]> {
  const { rows } = await tx.query<{ value: string }>(
    `INSERT INTO org_list_entries (list, value, value_key, added_by)
     SELECT $1, v.value, v.key, $4 FROM unnest($2::text[], $3::text[]) AS v(value, key)
     ON CONFLICT (list, value_key) DO NOTHING RETURNING value`,
    [list, values.map((v) => v.trim()), values.map(entityKey), actor.name],
  );
  return rows.map((r) => r.value);
}

/** Adds entries to a list (an entry already there, in any spelling of case or spaces, is left
 * alone) and audits what was added. Returns the added values. */
export async function addOrgListEntries(db: Database, list: OrgList, values: readonly string[], actor: Actor): Promise<string[]> {
  return db.transaction(async (tx) => {
    const added = await insertEntries(tx, list, [...new Set(values.map((v) => v.trim()).filter(Boolean))], actor);
    if (added.length) await appendAudit(tx, actor, { action: 'orglist.changed', details: { list, added } });
    return added;
  });
}

/** Removes one entry; false when the list has no such entry. */
export async function removeOrgListEntry(db: Database, list: OrgList, value: string, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ value: string }>('DELETE FROM org_list_entries WHERE list = $1 AND value_key = $2 RETURNING value', [list, entityKey(value)]);
    if (!rows[0]) return false;
    await appendAudit(tx, actor, { action: 'orglist.changed', details: { list, removed: [rows[0].value] } });
    return true;
  });
}

/** Seeds the lists from a deployment's files (WOO_OFFICIALS_FILE, WOO_KEEP_FILE, WOO_REDACT_FILE):
 * what is missing is added on behalf of the system; nothing is ever removed, so an entry deleted
 * through the API stays deleted only until the file names it again. */
export async function seedOrgLists(db: Database, seed: Partial<OrgLists>): Promise<number> {
  let added = 0;
  for (const list of ORG_LISTS) {
    const values = seed[list] ?? [];
    if (values.length) added += (await addOrgListEntries(db, list, values, SYSTEM_ACTOR)).length;
  }
  return added;
}
