/**
 * Where a failure comes from decides what it means: a rejection of the host's `fetch` (or of
 * reading a body it returned) is the network's, and may be retried where that is safe; anything
 * else thrown on the way (our code, a missing host API, a bug) is ours, and is never retried nor
 * reported as a connection failure. Every runtime rejects a failed fetch with a plain TypeError,
 * the same class a bug throws, so the class cannot tell them apart: the place can.
 */
const networkFailures = new WeakSet<object>();

/** Marks `error` as thrown by the host's network layer; returns it, for `throw markNetworkFailure(e)`. */
export function markNetworkFailure<E>(error: E): E {
  if (typeof error === "object" && error !== null) networkFailures.add(error);
  return error;
}

/** True for an error that came out of the host's fetch or a body read, not out of our own code. */
export function isNetworkFailure(error: unknown): boolean {
  return typeof error === "object" && error !== null && networkFailures.has(error);
}

/**
 * The host's (or the caller's) fetch, called as a plain function: browsers throw "Illegal
 * invocation" when `window.fetch` runs with any other `this` (as a method of an options object,
 * say), so it is never stored and called as `something.fetch(...)`. Its rejections are marked.
 */
export function hostFetch(fetchImpl: typeof fetch): typeof fetch {
  const call = fetchImpl;
  return (input, init) => {
    let pending: Promise<Response>;
    try {
      pending = call(input, init);
    } catch (error) {
      // A synchronous throw from a double or polyfill is still the fetch call's own failure.
      return Promise.reject(markNetworkFailure(error));
    }
    return pending.then(undefined, (error: unknown) => {
      throw markNetworkFailure(error);
    });
  };
}

/** Reads a body the host returned; a connection cut mid-body is the network's failure too. */
export function readText(response: Response): Promise<string> {
  return response.text().then(undefined, (error: unknown) => {
    throw markNetworkFailure(error);
  });
}

/** 2xx bodies already read and parsed within their attempt (readOkBody), by response. */
const bodiesRead = new WeakMap<Response, unknown>();

/**
 * Reads and parses a 2xx JSON body as part of its attempt, so that a body cut short or garbled
 * fails the attempt the way a reset would, and an idempotent request is retried by the same
 * rules and counts. Never for a submit: its 2xx means a paid job (its id is in the headers).
 */
export async function readOkBody(response: Response): Promise<void> {
  if (!response.ok || response.status === 204) return;
  const raw = await readText(response);
  bodiesRead.set(response, raw ? parseJson(raw) : undefined);
}

/** What readOkBody read of this response, once; undefined when it did not read it. */
export function takeBodyRead(response: Response): { data: unknown } | undefined {
  if (!bodiesRead.has(response)) return undefined;
  const data = bodiesRead.get(response);
  bodiesRead.delete(response);
  return { data };
}

/** Parses a body's text; a 2xx that is not JSON is the server's failure, not ours. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw markNetworkFailure(error);
  }
}
