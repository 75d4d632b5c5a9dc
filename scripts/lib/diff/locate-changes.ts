import { posix } from "node:path";
import type { Change, SourceLine } from "./change.js";
import type { OtherFileLine, SideSource } from "./load-side.js";

/**
 * Gives every change the line a reviewer opens in each side's spec file (the nearest line the
 * file states for the change's pointer), linked to the repository's file view when its URL is
 * known and the side is a commit. A pointer the file does not state (a part the pipeline adds)
 * falls back to its nearest stated ancestor. In a multi-file spec, that is in the file the
 * change's part was written in (a component's or operation's own file), not the root file.
 */
export function locateChanges(
  changes: Change[],
  sides: { base: SideSource; head: SideSource },
  repositoryUrl?: string,
): void {
  for (const change of changes) {
    if (!change.pointers) continue;
    const where: NonNullable<Change["where"]> = {};
    for (const side of ["base", "head"] as const) {
      const pointer = change.pointers[side];
      if (pointer === undefined) continue;
      const other = sides[side].locateInFiles?.(pointer);
      const line = other ? other.line : sides[side].locate(pointer);
      if (line !== undefined) where[side] = sourceLine(sides[side], line, repositoryUrl, other);
    }
    if (where.base || where.head) change.where = where;
  }
}

function sourceLine(
  side: SideSource,
  line: number,
  repositoryUrl?: string,
  other?: OtherFileLine,
): SourceLine {
  const found: SourceLine = { file: other?.name ?? side.file, line };
  // Another file of the spec sits where its path from the root file's folder says.
  const inRepository =
    side.repository &&
    (other ? posix.join(posix.dirname(side.repository.path), other.path) : side.repository.path);
  if (repositoryUrl && side.repository && inRepository && !inRepository.startsWith("../")) {
    const path = inRepository.split("/").map(encodeSegment).join("/");
    found.url = `${repositoryUrl.replace(/\/+$/, "")}/blob/${side.repository.commit}/${path}#L${line}`;
  }
  return found;
}

/**
 * A file name is the spec author's text: besides what encodeURIComponent escapes, `(` and `)`
 * would end a markdown link early, and `'`, `!` and `*` are escaped for good measure.
 */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[()'!*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `https://github.com/owner/repo` from `--repo-url`, else from GitHub Actions' environment. */
export function repositoryUrlFrom(
  option: string | undefined,
  env: NodeJS.ProcessEnv,
): string | undefined {
  if (option) return option;
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY)
    return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`;
  return undefined;
}
