import { createContext, runInContext, type Context } from "node:vm";

/**
 * A realm with what a browser page or worker has and nothing Node adds: no `process`, no
 * `Buffer`, no `require`; timers that return plain numbers (no `unref`); and host functions that
 * throw "Illegal invocation" when called with a foreign `this`, as browsers' do. A bundle run
 * here fails the way it would in Chromium, in a few milliseconds.
 */
export function createStrictHost(
  page: {
    window?: boolean;
    /** Globals that replace the host's, e.g. an older browser's `AbortSignal`. */
    globals?: Record<string, unknown>;
  } = {},
): {
  context: Context;
  run(code: string): unknown;
} {
  const context = createContext({});
  const realmGlobal = runInContext("globalThis", context) as object;
  const hostFunction = <A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
    function (this: unknown, ...args: A): R {
      if (this !== undefined && this !== realmGlobal)
        throw new TypeError(`Failed to execute '${name}': Illegal invocation`);
      return fn(...args);
    };

  // Browser timers are numbers: keep Node's handles out of the realm.
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let nextTimer = 1;
  const schedule = (repeat: boolean) => (callback: () => void, ms?: number) => {
    const id = nextTimer++;
    const run = () => {
      if (!repeat) timers.delete(id);
      callback();
    };
    timers.set(id, repeat ? setInterval(run, ms) : setTimeout(run, ms));
    return id;
  };
  const clear = (id?: number) => {
    const handle = id === undefined ? undefined : timers.get(id);
    if (handle !== undefined) clearTimeout(handle);
    if (id !== undefined) timers.delete(id);
  };

  const shared = {
    URL,
    URLSearchParams,
    Headers,
    Request,
    Response,
    FormData,
    Blob,
    File,
    AbortController,
    AbortSignal,
    DOMException,
    TextEncoder,
    TextDecoder,
    ReadableStream,
    Event,
    EventTarget,
    console,
    performance,
    structuredClone,
    crypto,
  };
  Object.assign(context, shared, {
    fetch: hostFunction("fetch", (input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, init),
    ),
    setTimeout: hostFunction("setTimeout", schedule(false)),
    setInterval: hostFunction("setInterval", schedule(true)),
    clearTimeout: hostFunction("clearTimeout", clear),
    clearInterval: hostFunction("clearInterval", clear),
    queueMicrotask: hostFunction("queueMicrotask", queueMicrotask),
    btoa: hostFunction("btoa", btoa),
    atob: hostFunction("atob", atob),
  });
  Object.assign(context, page.globals);
  if (page.window) {
    Object.assign(context, { document: {}, navigator: { userAgent: "strict-host" } });
    runInContext("globalThis.window = globalThis", context);
  }
  return { context, run: (code) => runInContext(code, context) };
}
