/** What a script calling `kontext` can branch on. */
export const EXIT = {
  ok: 0,
  /** The API, the network or a job failed (batch: at least one job failed). */
  failed: 1,
  /** Bad flags, bad input files, a missing key: nothing was sent. */
  badInput: 2,
  /** Ctrl-C or SIGTERM: work is left resumable. */
  interrupted: 130,
} as const;

export class CliUsageError extends Error {}
