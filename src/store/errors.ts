/** Errors from a store carry the operation and what it was working on, with the engine's error as `cause`. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  /** The store operation: 'open', 'migrate', 'putDocuments', ... */
  readonly operation: string;
  /** What the operation was working on: a path, a document id, a query. */
  readonly context: Readonly<Record<string, unknown>>;
  /** The message without the operation prefix, for wrapping into a wider error. */
  readonly reason: string;

  constructor(operation: string, message: string, context: Record<string, unknown> = {}, cause?: unknown) {
    super(`${operation}: ${message}`, cause === undefined ? undefined : { cause });
    this.operation = operation;
    this.reason = message;
    this.context = context;
  }
}

export function reasonOf(error: unknown): string {
  if (error instanceof StoreError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}
