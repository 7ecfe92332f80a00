import { listDocumentsInStatus, type Database } from '@woo/db';
import type { JobSink } from '@woo/jobs';

/** Re-enqueues work whose job may never have reached Redis: an upload or export request that
 * committed to the database while Redis was unreachable. Run at start-up; the deterministic job
 * ids make it a no-op for everything that is already queued. */
export async function requeueStranded(db: Database, jobs: JobSink): Promise<number> {
  const queued = await listDocumentsInStatus(db, 'queued');
  for (const d of queued) await jobs.enqueueExtract(d.id);
  const exporting = await listDocumentsInStatus(db, 'exporting');
  for (const d of exporting) await jobs.enqueueExport(d.id, d.exportRevision);
  return queued.length + exporting.length;
}
