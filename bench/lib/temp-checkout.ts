import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * A copy of the checkout as it stands (tracked files and new ones git does not ignore) in a
 * temporary folder, sharing node_modules by a symlink. Benches build and pack there: `npm run
 * build` replaces dist/ as a whole, and doing that in the checkout breaks whatever runs beside.
 * Removed when the bench exits (the node_modules symlink goes, never what it points to).
 */
export function tempCheckout(label: string): string {
  const copy = mkdtempSync(join(tmpdir(), `bench-${label}-`));
  process.once("exit", () => rmSync(copy, { recursive: true, force: true }));
  const files = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  )
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    try {
      cpSync(join(root, file), join(copy, file));
    } catch (error) {
      // Listed by git but deleted in the work tree: the copy is of what stands.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  symlinkSync(join(root, "node_modules"), join(copy, "node_modules"), "dir");
  return copy;
}

/** Builds the package (dist/) in a temporary copy of the checkout; returns the copy's root. */
export function builtCopy(label: string): string {
  const copy = tempCheckout(label);
  execFileSync(process.execPath, [join(copy, "scripts/build-package.mjs")], {
    cwd: copy,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return copy;
}
