import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** package.json and its lock as read, and the texts they become with another version. */
export interface PackageFiles {
  version: string;
  withVersion(version: string): {
    packageJsonPath: string;
    packageJson: string;
    packageLock?: { path: string; text: string };
  };
}

/**
 * npm writes both files as JSON.stringify(value, null, 2) and a line break, so rewriting them
 * with the version changed moves nothing else; the lock follows as after `npm version`.
 */
export async function readPackageFiles(root: string): Promise<PackageFiles> {
  const packageJsonPath = join(root, "package.json");
  const pkg = JSON.parse(await readFile(packageJsonPath, "utf8")) as Record<string, unknown>;
  const lockPath = join(root, "package-lock.json");
  const lockText = await readFile(lockPath, "utf8").catch(() => undefined);
  return {
    version: String(pkg.version ?? ""),
    withVersion(version) {
      const packageJson = JSON.stringify({ ...pkg, version }, null, 2) + "\n";
      if (lockText === undefined) return { packageJsonPath, packageJson };
      const lock = JSON.parse(lockText) as {
        version?: string;
        packages?: Record<string, { version?: string }>;
      };
      if (lock.version !== undefined) lock.version = version;
      const rootPackage = lock.packages?.[""];
      if (rootPackage?.version !== undefined) rootPackage.version = version;
      return {
        packageJsonPath,
        packageJson,
        packageLock: { path: lockPath, text: JSON.stringify(lock, null, 2) + "\n" },
      };
    },
  };
}
