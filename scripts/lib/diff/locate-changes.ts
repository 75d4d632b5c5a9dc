import type { Change, SourceLine } from "./change.js";
import type { SideSource } from "./load-side.js";

/**
 * Gives every change the line a reviewer opens in each side's spec file (the nearest line the
 * file states for the change's pointer), linked to the repository's file view when its URL is
 * known and the side is a commit. A pointer the file does not state (a part the pipeline adds)
 * falls back to its nearest stated ancestor.
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
      const line = sides[side].locate(pointer);
      if (line !== undefined) where[side] = sourceLine(sides[side], line, repositoryUrl);
    }
    if (where.base || where.head) change.where = where;
  }
}

function sourceLine(side: SideSource, line: number, repositoryUrl?: string): SourceLine {
  const found: SourceLine = { file: side.file, line };
  if (repositoryUrl && side.repository) {
    const path = side.repository.path.split("/").map(encodeURIComponent).join("/");
    found.url = `${repositoryUrl.replace(/\/+$/, "")}/blob/${side.repository.commit}/${path}#L${line}`;
  }
  return found;
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
