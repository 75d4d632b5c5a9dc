import type { Middleware } from "openapi-fetch";

/** Where the client writes one line per request; `console` works. */
export interface Logger {
  /** One line, never containing headers or bodies. */
  debug(message: string): void;
}

/**
 * One line per request and response: method, path, status, time. Headers and bodies are never
 * logged, so neither the key nor users' images end up in logs.
 */
export function loggingMiddleware(logger: Logger): Middleware {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
      logger.debug(`-> ${request.method} ${new URL(request.url).pathname}`);
      return undefined;
    },
    onResponse({ request, response }) {
      const ms = performance.now() - (started.get(request) ?? performance.now());
      logger.debug(
        `<- ${response.status} ${request.method} ${new URL(request.url).pathname} ${ms.toFixed(0)}ms`,
      );
      return undefined;
    },
  };
}
