import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseOfficialsList } from '@woo/detect';
import { collectInputs, type InputFile } from './inputs.js';

/* The unattended (nightly) run through the services' HTTP API: one batch per run, named by the
 * coordinator; upload, wait, export under the nightly policy, download. Every error stops the run
 * with a Dutch message and a non-zero exit code; nothing is overwritten or skipped silently. */

export interface NightlyOptions {
  /** Base URL of the intake API; `reviewApi` of the review API (the same with `npm run serve`). */
  api: string;
  reviewApi?: string;
  tokenFile: string;
  name: string;
  officials: string;
  out: string;
  pollSeconds: number;
  timeoutMinutes: number;
}

interface DocumentView {
  id: string;
  filename: string;
  status: string;
  error?: string;
  /** Attachments and archive members: the uploaded document they came out of (`id`). */
  family?: { id: string; position: number };
}

/** The uploaded document a document of the batch came out of (itself, unless it is an attachment
 * or archive member of an e-mail or zip the service converted). */
const uploadOf = (doc: DocumentView) => doc.family?.id ?? doc.id;

/** A document's name for the coordinator: the uploaded file's path, then the path inside it. */
function shownName(doc: DocumentView, file: InputFile): string {
  const inside = doc.filename.indexOf(' › ');
  return inside < 0 ? file.displayName : file.displayName + doc.filename.slice(inside);
}

const PROCESSING = new Set(['queued', 'extracting', 'ocr', 'detecting', 'exporting']);
/** Files per upload request: small enough for the upload limits, few enough requests per token. */
const FILES_PER_UPLOAD = 20;
/** Tries of one request the API answered 429 or 503 (it says when to come back). */
const TRIES = 20;

class NightlyError extends Error {}

/** A folder name from the batch name: readable, no path separators or control characters. */
export function folderName(batchName: string): string {
  const name = batchName.normalize('NFC').replace(/[/\\:*?"<>|\p{Cc}]+/gu, '-').replace(/^[.\s-]+|[.\s]+$/g, '');
  if (!name) throw new NightlyError(`Van de batchnaam '${batchName}' is geen mapnaam te maken; kies een naam met letters of cijfers.`);
  return name;
}

function client(token: string, signal: AbortSignal) {
  const call = async (base: string, method: string, route: string, body?: string | FormData, headers: Record<string, string> = {}): Promise<Response> => {
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(new URL(route, base), { method, body, headers: { authorization: `Bearer ${token}`, ...headers }, signal }).catch((err: unknown) => {
        throw new NightlyError(`De dienst op ${base} is niet bereikbaar: ${err instanceof Error ? err.message : String(err)}`);
      });
      if ((res.status === 429 || res.status === 503) && attempt < TRIES) {
        const wait = Math.min(60, Number(res.headers.get('retry-after')) || 5);
        await new Promise((r) => setTimeout(r, wait * 1000));
        continue;
      }
      if (!res.ok) {
        const text = await res.text();
        const message = (() => {
          try {
            return (JSON.parse(text) as { message?: string }).message ?? text;
          } catch {
            return text;
          }
        })();
        throw new NightlyError(`${method} ${route} gaf ${res.status}: ${message}`);
      }
      return res;
    }
  };
  const json = async <T>(base: string, method: string, route: string, payload?: object): Promise<T> =>
    (await call(base, method, route, payload && JSON.stringify(payload), payload ? { 'content-type': 'application/json' } : {})).json() as Promise<T>;
  return { call, json };
}

/** Runs the nightly recipe; returns the exit code (0: every document exported, 1: any failed). */
export async function nightlyCommand(inputs: string[], opts: NightlyOptions): Promise<number> {
  const token = (await readFile(opts.tokenFile, 'utf8')).trim();
  if (!token) throw new NightlyError(`Het tokenbestand ${opts.tokenFile} is leeg.`);
  const officials = parseOfficialsList(await readFile(opts.officials, 'utf8'));
  const files = await collectInputs(inputs);
  if (!files.length) throw new NightlyError(`Geen documenten gevonden in ${inputs.join(', ')}.`);
  const dir = path.join(opts.out, folderName(opts.name));
  await mkdir(opts.out, { recursive: true });
  // never into the folder of an earlier run: a second run with the same name stops here
  await mkdir(dir).catch((err: NodeJS.ErrnoException) => {
    throw new NightlyError(err.code === 'EEXIST' ? `De uitvoermap ${dir} bestaat al; kies een andere batchnaam of verplaats de oude uitvoer.` : err.message);
  });

  const signal = AbortSignal.timeout(opts.timeoutMinutes * 60_000);
  const { call, json } = client(token, signal);
  const review = opts.reviewApi ?? opts.api;
  const batch = await json<{ id: string }>(opts.api, 'POST', '/v1/batches', { name: opts.name, officials });
  log(`batch ${batch.id} ('${opts.name}'), ${files.length} document(en), ${officials.length} bestuurder(s) zichtbaar`);

  const uploaded = await upload(call, opts.api, batch.id, files);
  const settled = async (): Promise<DocumentView[]> => {
    for (;;) {
      const { documents } = await json<{ documents: DocumentView[] }>(opts.api, 'GET', `/v1/batches/${batch.id}`);
      if (!documents.some((d) => PROCESSING.has(d.status))) return documents;
      await new Promise((r) => setTimeout(r, opts.pollSeconds * 1000));
    }
  };
  await settled();
  await json(review, 'POST', `/v1/batches/${batch.id}/export`, { policy: 'accept-suggested' });
  const documents = await settled();
  const uploads = new Set(documents.map(uploadOf));
  if (uploads.size !== files.length) throw new NightlyError(`De batch heeft ${uploads.size} geüploade documenten; er zijn er ${files.length} geüpload.`);

  // what is to be published, as the CLI writes it (openbaar/); nothing in it names an upload
  const publicDir = path.join(dir, 'openbaar');
  await mkdir(publicDir);
  let failed = 0;
  for (const doc of documents) {
    const file = uploaded.get(uploadOf(doc));
    if (!file) throw new NightlyError(`Het document '${doc.filename}' (${doc.id}) staat in de batch maar is niet door deze run geüpload.`);
    if (doc.status !== 'exported') {
      failed++;
      process.stderr.write(`NIET GELAKT: ${shownName(doc, file)}: ${doc.error ?? `status '${doc.status}'`}\n`);
      continue;
    }
    const response = await call(review, 'GET', `/v1/documents/${doc.id}/export.pdf`);
    // the service names it by inventory number and neutral title, never after the upload
    const published = /filename="([\w.-]+\.pdf)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
    if (!published) throw new NightlyError(`De download van ${shownName(doc, file)} heeft geen bestandsnaam.`);
    const pdf = new Uint8Array(await response.arrayBuffer());
    if (!Buffer.from(pdf.subarray(0, 5)).toString('latin1').startsWith('%PDF-')) throw new NightlyError(`De download van ${shownName(doc, file)} is geen PDF.`);
    await writeFile(path.join(publicDir, published), pdf, { flag: 'wx' });
  }
  await writeFile(path.join(publicDir, 'inventarislijst.csv'), await (await call(review, 'GET', `/v1/batches/${batch.id}/inventory.csv`)).text(), { flag: 'wx' });
  const xlsx = new Uint8Array(await (await call(review, 'GET', `/v1/batches/${batch.id}/inventory.xlsx`)).arrayBuffer());
  await writeFile(path.join(publicDir, 'inventarislijst.xlsx'), xlsx, { flag: 'wx' });
  log(`${documents.length - failed} van ${documents.length} documenten gelakt; uitvoer in ${dir}`);
  return failed ? 1 : 0;
}

/** Uploads the files in requests of FILES_PER_UPLOAD, each with its own Idempotency-Key, so a
 * request retried after a time-out never adds copies. Returns the input file of each document. */
async function upload(call: ReturnType<typeof client>['call'], api: string, batchId: string, files: readonly InputFile[]): Promise<Map<string, InputFile>> {
  const byDocument = new Map<string, InputFile>();
  for (let start = 0; start < files.length; start += FILES_PER_UPLOAD) {
    const chunk = files.slice(start, start + FILES_PER_UPLOAD);
    const form = new FormData();
    for (const f of chunk) form.append('files', new Blob([await readFile(f.path)]), path.basename(f.path));
    const res = await call(api, 'POST', `/v1/batches/${batchId}/documents`, form, { 'idempotency-key': randomUUID() });
    const docs = (await res.json()) as DocumentView[];
    if (docs.length !== chunk.length) throw new NightlyError(`De dienst legde ${docs.length} van ${chunk.length} bestanden vast.`);
    docs.forEach((d, i) => byDocument.set(d.id, chunk[i]!));
  }
  return byDocument;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}
