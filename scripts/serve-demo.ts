import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiToken, type Database } from '@woo/db';

export const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'samples');

/** `npm run serve -- --demo`: two tokens and a batch of the bundled samples (two of them broken
 * on purpose, to show their Dutch reasons), uploaded over HTTP like a coordinator would. */
export async function createDemo(db: Database, url: string): Promise<void> {
  const coordinator = await createApiToken(db, 'coordinator', 'Demo-coördinator');
  const reviewer = await createApiToken(db, 'reviewer', 'Demo-jurist');
  const headers = { authorization: `Bearer ${coordinator}` };
  const created = await fetch(`${url}/v1/batches`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Demo: voorbeelddossier ${new Date().toISOString().slice(0, 16).replace('T', ' ')}` }),
  });
  if (!created.ok) throw new Error(`creating the demo batch failed: ${created.status} ${await created.text()}`);
  const batch = (await created.json()) as { id: string };
  const form = new FormData();
  const dir = path.join(SAMPLES, 'pdf');
  for (const file of readdirSync(dir).sort()) form.append('files', new Blob([readFileSync(path.join(dir, file))], { type: 'application/pdf' }), file);
  const uploaded = await fetch(`${url}/v1/batches/${batch.id}/documents`, { method: 'POST', headers, body: form });
  if (!uploaded.ok) throw new Error(`uploading the samples failed: ${uploaded.status} ${await uploaded.text()}`);
  console.log(
    [
      '',
      `Demo ready at ${url}/ (the documents are processed in the next minute or so)`,
      `  reviewer token (Toegangscode):    ${reviewer}`,
      `  coordinator token (Toegangscode): ${coordinator}`,
      '',
    ].join('\n'),
  );
}
