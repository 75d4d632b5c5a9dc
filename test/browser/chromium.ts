import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/**
 * Debian's Chromium (`playwright install` downloads are not possible here, apt is), or the
 * Chrome or Chromium at `CHROMIUM_PATH` (GitHub's runners ship Chrome, and do not run as root).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Quiet and offline: no GPU, no QUIC, no background calls home, no first-run UI. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Installs Debian's chromium when it is missing (CI runs as root on a fresh machine), and fails
 * loudly when it cannot: a browser test that skips itself proves nothing.
 */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      `${CHROMIUM} is missing and only root can install it: run apt-get install -y chromium`,
    );
  const apt = (args: string[]) =>
    execFileSync("apt-get", args, {
      stdio: "pipe",
      timeout: 10 * 60_000,
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  try {
    apt(["update"]);
    apt(["install", "-y", "chromium"]);
  } catch (error) {
    const output = (error as { stderr?: Buffer }).stderr?.toString().slice(-2000) ?? "";
    throw new Error(`could not install chromium with apt-get: ${output}`, { cause: error });
  }
  if (!existsSync(CHROMIUM))
    throw new Error(`apt-get installed chromium, but ${CHROMIUM} is absent`);
}

/** A headless Chromium with a fresh profile; `close` also removes the profile. */
export async function launchChromium(): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  ensureChromium();
  const profile = mkdtempSync(join(tmpdir(), "chainhub-chromium-"));
  // A persistent context is how playwright takes a user-data-dir of our choosing.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    timeout: 60_000,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
