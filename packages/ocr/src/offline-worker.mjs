// Entry point of every tesseract.js worker thread (passed as `workerPath`). It removes the one
// network path of the worker script, `fetch` (used only when `langPath` is a URL), before loading
// the real script, so a misconfiguration fails loudly instead of downloading models from a CDN.
// The worker script captures `globalThis.fetch` when it loads, hence the dynamic import after the
// replacement (a static import would run first). Messages sent meanwhile wait in the port's queue.
globalThis.fetch = async (input) => {
  throw new Error(`OCR is offline: refused to fetch ${String(input)}`);
};
await import('tesseract.js/src/worker-script/node/index.js');
