import { clearSession, loadSession } from './session.js';

/** An API answer other than 2xx, with the server's Dutch message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let unauthorized: () => void = () => {};

/** What to do when the server says 401 (token expired or revoked): the app logs out. */
export function onUnauthorized(handler: () => void): void {
  unauthorized = handler;
}

function authHeader(): Record<string, string> {
  const session = loadSession();
  return session ? { authorization: `Bearer ${session.token}` } : {};
}

async function failure(res: Response): Promise<ApiError> {
  let message = `De server antwoordde met status ${res.status}.`;
  try {
    const body = (await res.json()) as { message?: unknown };
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // not JSON: keep the generic message
  }
  if (res.status === 401) {
    clearSession();
    unauthorized();
  }
  return new ApiError(res.status, message);
}

async function send(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { ...authHeader(), ...(init.headers as Record<string, string> | undefined) } });
  } catch {
    throw new ApiError(0, 'Geen verbinding met de server.');
  }
  if (!res.ok) throw await failure(res);
  return res;
}

/** A JSON request; `body` is sent as JSON. */
export async function api<T>(path: string, options: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = options.body === undefined ? {} : { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await send(path, { method: options.method ?? 'GET', headers, ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }) });
  return (await res.json()) as T;
}

/** A binary download (a PDF, the inventory). */
export async function apiBlob(path: string): Promise<Blob> {
  return (await send(path)).blob();
}

/** Saves a download under the name the service gives it (public files carry the inventory
 * number and a neutral title, never the upload's name); the API needs the token, so a plain link
 * cannot. */
export async function download(path: string): Promise<void> {
  const res = await send(path);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Uploads one file with progress (fetch cannot report upload progress); resolves with the
 * server's answer, rejects with its Dutch message. */
export function uploadFile(batchId: string, file: File, progress: (fraction: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/v1/batches/${batchId}/documents`);
    for (const [k, v] of Object.entries(authHeader())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && progress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'Geen verbinding met de server.'));
    xhr.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(xhr.responseText) as unknown;
        } catch {
          return undefined;
        }
      })();
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body);
      if (xhr.status === 401) {
        clearSession();
        unauthorized();
      }
      const message = (body as { message?: string } | undefined)?.message ?? `De server antwoordde met status ${xhr.status}.`;
      reject(new ApiError(xhr.status, message));
    };
    const form = new FormData();
    form.append('files', file, file.name);
    xhr.send(form);
  });
}
