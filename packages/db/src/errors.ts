/** A request that does not fit the current state of a document (deciding while it is still being
 * processed, exporting with open suggestions). The message is Dutch: it goes to the API client. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
