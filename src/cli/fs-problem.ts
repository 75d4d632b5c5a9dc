/** Words for the file system errors a user can meet and fix: full disk, permissions, a file in the way. */
const WORDS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EEXIST: "a file is in the way",
  ENOTDIR: "a file is in the way",
  EISDIR: "it is a folder",
  EMFILE: "too many open files",
  ENAMETOOLONG: "name too long",
};

/**
 * A Node.js system error of the file system (it has a `syscall` and an `E...` code): not a bug
 * of ours but the machine's state, so it is said in words, with the path when Node gave one.
 */
export function fsProblem(error: unknown): string | undefined {
  const { code, syscall, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== "string" || typeof syscall !== "string" || !/^E[A-Z]+$/.test(code))
    return undefined;
  const words = WORDS[code] ?? code;
  return `${path ? `${syscall} ${path}` : syscall}: ${words}${WORDS[code] ? ` (${code})` : ""}`;
}

/** Just the words for an error's code (`permission denied`), for messages that name the path. */
export function fsWords(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  return (code && WORDS[code]) ?? code ?? (error as Error)?.message ?? String(error);
}

/** Names the file on an error Node raised without it (a write or read on an open handle). */
export function withPath(error: unknown, path: string): unknown {
  if (error && typeof error === "object" && (error as NodeJS.ErrnoException).path === undefined)
    (error as NodeJS.ErrnoException).path = path;
  return error;
}
