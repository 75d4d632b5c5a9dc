import type { Middleware } from "openapi-fetch";
import { ConfigurationError } from "./errors/configuration-error.js";
import { DEFAULT_MAX_INLINE_BYTES } from "./files/file-inputs.js";
import { defaultContract, type Contract, type ContractTypes } from "./internal/contract.js";
import { DEFAULT_RETRY, type RetryOptions } from "./internal/retry-policy.js";
import { createRedactor, type Redactor } from "./internal/redact.js";
import { hostFetch } from "./internal/host-fetch.js";
import { usableTimeoutMs } from "./internal/stop-waiting.js";
import { isRunningInBrowser } from "./internal/host-check.js";
import type { Logger } from "./middleware/logging.js";
import type { RetryEvent } from "./middleware/retry.js";
import type { createClient } from "./client.js";

/** The environment variable holding the API key when `apiKey` is not given. */
export const API_KEY_ENV = "CHAINHUB_API_KEY";
/** The environment variable holding the base URL when `baseUrl` is not given (e.g. an emulator's). */
export const BASE_URL_ENV = "CHAINHUB_BASE_URL";

/** Options of {@link createClient}; every one has a default. */
export interface ClientOptions<C extends Contract = typeof defaultContract> {
  /**
   * The spec this client speaks: the `contract` export of any generated folder
   * (`generate --spec your-export.yaml --out src/api`, then `import { contract } from
   * "./api/index.gen.js"`). Every call is typed and checked from it.
   * @default the ChainHub spec bundled with this package
   */
  contract?: C;
  /** The API key, sent as the spec's securitySchemes declare (Bearer when they say nothing). @default process.env.CHAINHUB_API_KEY */
  apiKey?: string;
  /**
   * Lets `apiKey` be used in a browser, where every visitor of the page can read it. Leave it
   * off and use `proxyUrl` (a server-side `createProxy` holds the key) unless the page is only
   * ever yours, as in an internal tool.
   * @default false
   */
  dangerouslyAllowBrowser?: boolean;
  /**
   * Browser apps: send every call to your own server-side proxy (`createProxy` from
   * `chainhub-fal-client/proxy`) instead of the relay. No key is needed or sent; a relative URL
   * resolves against the page.
   */
  proxyUrl?: string;
  /** @default process.env.CHAINHUB_BASE_URL, else the spec's first server (https://api.chainhub.tech) */
  baseUrl?: string;
  /** Any WHATWG fetch (Node 20+, browsers, Deno, Bun, or a test double). @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Deadline for each HTTP attempt. 0 disables it. @default 60000 */
  timeoutMs?: number;
  /** Retries after the first attempt; see `retry` for the rest. @default 3 */
  maxRetries?: number;
  /** Which statuses and errors are retried and how long to back off. @default see {@link RetryOptions} */
  retry?: Partial<RetryOptions>;
  /**
   * The longest pause between status polls: polls start at 50 ms (or this, if shorter) and back
   * off to it; a `Retry-After` on a status answer overrides it. @default 500
   */
  pollIntervalMs?: number;
  /** Extra openapi-fetch middleware, run before auth and retries. */
  middleware?: Middleware[];
  /** Receives one line per request and retry; never headers or bodies. */
  logger?: Logger;
  /** Called before each retry (for metrics or progress output). */
  onRetry?: (event: RetryEvent) => void;
  /** Check inputs against the spec before sending. @default true */
  validate?: boolean;
  /** Largest local file inlined as a data URI. @default 10 MiB */
  maxInlineBytes?: number;
}

export interface ResolvedOptions {
  /** Empty when calls go through a proxy that holds the key. */
  apiKey: string;
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: RetryOptions;
  pollIntervalMs: number;
  middleware: Middleware[];
  logger: Logger | undefined;
  onRetry: ((event: RetryEvent) => void) | undefined;
  validate: boolean;
  maxInlineBytes: number;
  /** Scrubs the key (and any authorization value) from everything the client lets out as text. */
  redactor: Redactor;
}

/** Fills every default once, so the rest of the client never checks for undefined. */
export function resolveOptions(
  // Any contract: only its servers are read here.
  options: ClientOptions<Contract<ContractTypes>>,
  env: Record<string, string | undefined> = globalThis.process?.env ?? {},
  /** Who is being set up, for the messages: the proxy resolves the same options. */
  caller: "createClient" | "createProxy" = "createClient",
): ResolvedOptions {
  if (options.proxyUrl !== undefined) return resolveBehindProxy(options, options.proxyUrl);
  const apiKey = options.apiKey ?? env[API_KEY_ENV];
  if (!apiKey) {
    throw new ConfigurationError(`no API key: pass { apiKey } to ${caller} or set ${API_KEY_ENV}`);
  }
  checkKeyCharacters(apiKey);
  if (!options.dangerouslyAllowBrowser && isRunningInBrowser()) {
    throw new ConfigurationError(
      "an API key in a browser is readable by anyone who opens the page: " +
        "call createClient({ proxyUrl }) against a server-side createProxy (chainhub-fal-client/proxy) " +
        "that holds the key, or pass { dangerouslyAllowBrowser: true } if you accept that risk",
    );
  }
  // Widened on purpose: a spec with no servers generates `[]`, and then the caller must say.
  const specServer: string | undefined = (options.contract ?? defaultContract).serverUrls[0];
  const chosen = options.baseUrl ?? env[BASE_URL_ENV] ?? specServer;
  if (!chosen) {
    throw new ConfigurationError(
      `no base URL: the spec lists no server, so pass { baseUrl } to ${caller} or set ${BASE_URL_ENV}`,
    );
  }
  const baseUrl = chosen.replace(/\/+$/, "");
  try {
    new URL(baseUrl);
  } catch {
    throw new ConfigurationError(
      `baseUrl "${createRedactor([apiKey]).text(baseUrl)}" is not an absolute URL`,
    );
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function")
    throw new ConfigurationError("no fetch: pass { fetch } on runtimes without a global fetch");
  return {
    apiKey,
    baseUrl,
    fetch: hostFetch(fetchImpl),
    // 0 (none) for what no timer can hold: each attempt would otherwise time out at once.
    timeoutMs: usableTimeoutMs(options.timeoutMs ?? 60_000) ?? 0,
    retry: {
      ...DEFAULT_RETRY,
      ...options.retry,
      ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    },
    pollIntervalMs: options.pollIntervalMs ?? 500,
    middleware: checkedMiddleware(options.middleware ?? []),
    logger: options.logger,
    onRetry: options.onRetry,
    validate: options.validate ?? true,
    maxInlineBytes: options.maxInlineBytes ?? DEFAULT_MAX_INLINE_BYTES,
    redactor: createRedactor([apiKey]),
  };
}

/**
 * A key travels in a header, where fetch refuses a line break, a NUL or a character past
 * Latin-1 with an error that quotes the header, key and all. Said here instead, without the key:
 * a key read from a file (or a CRLF .env) often ends in a line break, a pasted one in a quote.
 */
function checkKeyCharacters(apiKey: string): void {
  const at = apiKey.search(/[\0\r\n\u0100-\uffff]/);
  if (at === -1) return;
  const char = apiKey[at]!;
  const code = char.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase();
  const hint =
    char === "\n" || char === "\r"
      ? "a key read from a file keeps its line break: trim it"
      : "copy the key again, as plain text";
  throw new ConfigurationError(
    `the API key has a character no HTTP header can carry (U+${code}, character ${at + 1} of ${apiKey.length}); ${hint}`,
  );
}

/** Behind a proxy: the proxy's URL is the base, and the key stays on the server. */
function resolveBehindProxy(
  options: ClientOptions<Contract<ContractTypes>>,
  proxyUrl: string,
): ResolvedOptions {
  if (options.apiKey)
    throw new ConfigurationError("pass either { proxyUrl } or { apiKey }: a proxy holds the key");
  let baseUrl: string;
  try {
    baseUrl = new URL(proxyUrl, globalThis.location?.href).href.replace(/\/+$/, "");
  } catch {
    throw new ConfigurationError(`proxyUrl "${proxyUrl}" is not a URL`);
  }
  return {
    // A placeholder, never sent: the browser check is for real keys only.
    ...resolveOptions({
      ...options,
      proxyUrl: undefined,
      apiKey: "proxied",
      baseUrl,
      dangerouslyAllowBrowser: true,
    }),
    apiKey: "",
  };
}

/** openapi-fetch's `use()` throws a plain Error on a bad entry; ours names it, as a ConfigurationError. */
function checkedMiddleware(middleware: Middleware[]): Middleware[] {
  if (!Array.isArray(middleware))
    throw new ConfigurationError(
      "middleware must be an array of { onRequest, onResponse, onError }",
    );
  middleware.forEach((entry, index) => {
    const hooks = ["onRequest", "onResponse", "onError"] as const;
    const valid =
      typeof entry === "object" &&
      entry !== null &&
      hooks.some((hook) => typeof entry[hook] === "function") &&
      hooks.every((hook) => entry[hook] === undefined || typeof entry[hook] === "function");
    if (!valid)
      throw new ConfigurationError(
        `middleware[${index}] must be an object with onRequest, onResponse or onError functions`,
      );
  });
  return middleware;
}
