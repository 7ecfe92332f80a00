import type { JobName } from '@woo/jobs';
import { StagePool, type HeavyStages } from '@woo/pipeline';

/** One pool of stage children per heavy queue, as many children as the queue's concurrency, so an
 * OCR child keeps its tesseract warm and a hostile upload in conversion or extraction never
 * touches OCR or export. Children start on first use: a process that serves only OCR starts no extract child. */
export function stagePools(concurrency: Record<JobName, number>, env?: NodeJS.ProcessEnv): { stages: HeavyStages; close(): Promise<void> } {
  const converting = new StagePool({ size: concurrency.convert, env });
  const extract = new StagePool({ size: concurrency.extract, env });
  const ocr = new StagePool({ size: concurrency.ocr, env });
  const exporting = new StagePool({ size: concurrency.export, env });
  return {
    stages: {
      convert: converting.stages.convert,
      toPdf: extract.stages.toPdf,
      extract: extract.stages.extract,
      read: extract.stages.read,
      ocrPage: ocr.stages.ocrPage,
      export: exporting.stages.export,
    },
    close: async () => {
      await Promise.all([converting.close(), extract.close(), ocr.close(), exporting.close()]);
    },
  };
}
