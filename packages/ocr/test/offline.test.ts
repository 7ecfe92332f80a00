// OCR must run with no network at all: models come from the npm data packages on disk.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Worker } from 'node:worker_threads';
import { createOcrEngine } from '../src/index.js';
import { offlineWorkerOptions } from '../src/pool.js';
import { prepareLangDir } from '../src/langdata.js';
import { DPI, renderLetter } from './render.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('offline OCR', () => {
  it('starts and reads with every network path of this thread throwing', async () => {
    const refuse = () => {
      throw new Error('network used');
    };
    const attempts = [
      vi.spyOn(globalThis, 'fetch').mockImplementation(refuse),
      vi.spyOn(http, 'request').mockImplementation(refuse),
      vi.spyOn(http, 'get').mockImplementation(refuse),
      vi.spyOn(https, 'request').mockImplementation(refuse),
      vi.spyOn(https, 'get').mockImplementation(refuse),
      vi.spyOn(net, 'connect').mockImplementation(refuse),
      vi.spyOn(net, 'createConnection').mockImplementation(refuse),
    ];
    const engine = await createOcrEngine({ workers: 1 });
    try {
      // Worker threads have their own globals, so the spies above do not reach them: check that
      // nothing they are given points off this machine.
      const { langPath, workerPath, cacheMethod } = engine.workerOptions;
      for (const value of Object.values(engine.workerOptions)) expect(String(value)).not.toMatch(/:\/\//);
      expect(path.isAbsolute(langPath)).toBe(true);
      expect(fs.existsSync(path.join(langPath, 'nld.traineddata.gz'))).toBe(true);
      expect(fs.existsSync(path.join(langPath, 'eng.traineddata.gz'))).toBe(true);
      expect(fs.existsSync(workerPath)).toBe(true);
      expect(cacheMethod).toBe('none');

      const page = renderLetter();
      const result = await engine.recognizePage({ data: page.gray, width: page.width, height: page.height, dpi: DPI }, page.pageSize);
      expect(result.words.map((w) => w.text)).toContain('j.devries@gemeente.nl');
    } finally {
      await engine.terminate();
    }
    for (const spy of attempts) expect(spy).not.toHaveBeenCalled();
  });

  it('refuses, inside the worker, to fetch a model from a URL', async () => {
    // Talk to the worker entry the engine uses as tesseract.js does, asking for a model from the
    // CDN (tesseract.js's own default): its fetch must refuse.
    const worker = new Worker(offlineWorkerOptions(prepareLangDir(['eng'])).workerPath);
    try {
      // Progress messages come first; the job ends with 'resolve' or 'reject'.
      const reply = new Promise<{ status: string; data: unknown }>((resolve) =>
        worker.on('message', (message: { status: string; data: unknown }) => {
          if (message.status !== 'progress') resolve(message);
        }),
      );
      worker.postMessage({
        workerId: 'test',
        jobId: 'job-1',
        action: 'loadLanguage',
        payload: { langs: 'eng', options: { langPath: 'https://cdn.jsdelivr.net/npm/@tesseract.js-data/eng/4.0.0_best_int', cacheMethod: 'none', gzip: true } },
      });
      const { status, data } = await reply;
      expect(status).toBe('reject');
      expect(String(data)).toMatch(/OCR is offline: refused to fetch https:\/\/cdn\.jsdelivr\.net/);
    } finally {
      await worker.terminate();
    }
  });
});
