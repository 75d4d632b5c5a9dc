/**
 * True in a page (a window with a document and a navigator), the check openai-node and other
 * Stainless SDKs make before refusing a secret key. Node, Deno 2, Bun, workers and edge
 * functions have no `window.document`, so server code is never refused.
 */
export function isRunningInBrowser(): boolean {
  const host = globalThis as { window?: { document?: unknown }; navigator?: unknown };
  return (
    typeof host.window === "object" &&
    host.window !== null &&
    typeof host.window.document !== "undefined" &&
    typeof host.navigator !== "undefined"
  );
}
