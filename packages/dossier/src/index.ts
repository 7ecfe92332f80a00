/** @woo/dossier: what is decided and checked for a batch as a whole (pure, no PDF libraries):
 * duplicates, the cross-document consistency check, and entities a reviewer decides on once. */
export * from './text.js';
export * from './document-view.js';
export * from './consistency.js';
export * from './duplicates.js';
export * from './entity.js';
export * from './locate.js';
