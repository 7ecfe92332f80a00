/** SIGINT (Ctrl-C) and SIGTERM during a run: the first one aborts `controller` and calls
 * `onStop` (stop the running work); a second one ends the process at once. */
export function onInterrupt(controller: AbortController, onStop: (signal: NodeJS.Signals) => void): { signal(): NodeJS.Signals | undefined; dispose(): void } {
  let received: NodeJS.Signals | undefined;
  const handler = (signal: NodeJS.Signals) => {
    if (received) process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    received = signal;
    process.stderr.write(`\nOnderbroken (${signal}): lopende documenten worden gestopt, de inventarislijst wordt geschreven en tijdelijke bestanden worden verwijderd...\n`);
    controller.abort();
    onStop(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: () => received,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
