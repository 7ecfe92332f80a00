import { readFileSync } from 'node:fs';
import { readOrgLists, seedOrgLists, type Database, type OrgLists } from '@woo/db';
import { createDetector, parseOfficialsList, type Detector } from '@woo/detect';

function listFile(file: string | undefined): string[] {
  return file ? parseOfficialsList(readFileSync(file, 'utf8')) : [];
}

/** The deployment's list files (the CLI's --officials, --keep and --redact), which seed the
 * organisation's lists in the database. */
export function listsFromEnv(env: NodeJS.ProcessEnv): Partial<OrgLists> {
  return { officials: listFile(env.WOO_OFFICIALS_FILE), keep: listFile(env.WOO_KEEP_FILE), redact: listFile(env.WOO_REDACT_FILE) };
}

/** Builds the detector of a detect job; `batchOfficials` are the officials the batch was
 * uploaded with (POST /v1/batches `officials`), on top of the organisation's own. */
export type DetectorSource = (batchOfficials?: readonly string[]) => Promise<Detector>;

/**
 * The detector for each detect job, built from the organisation's lists in the database, so a
 * list changed through the API applies to every batch detected afterwards. The files named in
 * the environment seed the lists once per process (retried after a failure); a detector is
 * built again only when the lists (or the batch's own officials) differ from the last one.
 */
export function orgDetector(db: Database, env: NodeJS.ProcessEnv = process.env): DetectorSource {
  const orgDomains = (env.WOO_ORG_DOMAINS ?? '').split(',').map((d) => d.trim()).filter(Boolean);
  const seed = listsFromEnv(env);
  let seeded: Promise<unknown> | undefined;
  let cached: { key: string; detector: Detector } | undefined;
  return async (batchOfficials = []) => {
    seeded ??= seedOrgLists(db, seed).catch((err: unknown) => {
      seeded = undefined;
      throw err;
    });
    await seeded;
    const lists = await readOrgLists(db);
    const key = JSON.stringify([lists, batchOfficials]);
    if (cached?.key !== key) {
      // the organisation's functional mailboxes stay visible like any kept string
      const officials = [...lists.officials, ...batchOfficials];
      cached = { key, detector: createDetector({ officials, keep: [...lists.keep, ...lists.mailboxes], redact: lists.redact, orgDomains }) };
    }
    return cached.detector;
  };
}
