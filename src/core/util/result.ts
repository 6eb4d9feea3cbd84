// How core functions report failure: as data the caller must look at, never as a thrown error.

/** A failure said in one sentence the person can act on. */
export interface Failure {
  ok: false;
  message: string;
}

/**
 * What a function that can fail with a message returns: `{ ok: true, ...fields }` or a
 * `Failure`. The success fields sit beside `ok` (`Result<{ date: string }>` gives `result.date`),
 * so callers read what they asked for without unwrapping. `F` adds fields to the failure, such
 * as a reason code.
 */
export type Result<T extends object = object, F extends object = object> = ({ ok: true } & T) | (Failure & F);

/** The message of anything thrown, for a log line or a problem: `Error`s give their message. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Like `errorMessage`, with the stack when there is one: for the log, not for the person. */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
