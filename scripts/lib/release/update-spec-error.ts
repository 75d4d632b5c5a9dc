/**
 * A user-fixable problem of `npm run update-spec`: an unreadable source, a refused URL, an export
 * that does not generate, an unusable version. The command prints its message and exits 2
 * (1 for an export that does not generate), having written nothing.
 */
export class UpdateSpecError extends Error {
  constructor(
    message: string,
    /** The process exit code this problem maps to. @default 2 */
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = "UpdateSpecError";
  }
}
