import { defineConfig } from "vitest/config";
import { startsProcesses } from "./test/setup/classify-tests.js";

/**
 * Two projects, split by what a test does rather than by where it lives: `unit` runs in the
 * test's own process (`npm run test:fast`, the inner loop); `e2e` starts processes (the
 * generator, the CLI, npm, a browser), which is where the time goes.
 *
 * Unit files share their worker's modules (`isolate: false`): they load the compiler, prettier
 * and ts-morph once per worker, not once per file. They keep no global state to leak.
 *
 * Tuned for the 2-core machines this runs on, busy or not: two workers (vitest's default
 * leaves one core idle while a test waits on its child process), and timeouts that are
 * safety nets for a stuck test, never part of what a test asserts: no test races the clock.
 */
const ALL = ["test/**/*.test.ts"];
const E2E = startsProcesses();

export default defineConfig({
  test: {
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    teardownTimeout: 30_000,
    projects: [
      { extends: true, test: { name: "unit", include: ALL, exclude: E2E, isolate: false } },
      {
        extends: true,
        test: { name: "e2e", include: E2E, globalSetup: ["test/setup/build-once.ts"] },
      },
    ],
  },
});
