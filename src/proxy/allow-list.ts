import { ConfigurationError } from "../errors/configuration-error.js";
import type { OperationDescriptor } from "../internal/contract.js";
import type { OperationIndex } from "../internal/operation-index.js";
import { escapeRegex, pathTemplatePattern } from "../internal/path-template.js";

/** One route the proxy lets through, with the query parameters and headers it passes on. */
export interface AllowedRoute {
  method: string;
  pattern: RegExp;
  /** The spec path the route serves, for its auth scheme; "" for a job's queue URLs. */
  schemaPath: string;
  /** Query parameter names forwarded on this route (case-sensitive, as in a URL). */
  query: ReadonlySet<string>;
  /** Request header names forwarded on this route, lower-case. */
  headers: ReadonlySet<string>;
}

/** What the caller's `forward` option adds to every route. */
export interface ForwardExtras {
  query: readonly string[];
  headers: readonly string[];
}

/**
 * The routes an allow-list of operations opens: each operation's own route, with the query and
 * header parameters the spec declares for it, and, for a queue operation, its job's status,
 * result and cancel routes under `/{owner}/{app}/requests/{id}`, with the one query parameter
 * fal's protocol defines there (`logs` on status). Nothing else passes: the browser names
 * operations, never arbitrary relay paths, and never a parameter the spec did not declare
 * (`?fal_webhook=` would send a paid result to a URL of the browser's choosing).
 */
export function allowedRoutes(
  operations: OperationIndex,
  allow: readonly string[],
  extras: ForwardExtras = { query: [], headers: [] },
): AllowedRoute[] {
  const route = (
    method: string,
    pattern: RegExp,
    schemaPath: string,
    query: readonly string[],
    headers: readonly string[],
  ): AllowedRoute => ({
    method,
    pattern,
    schemaPath,
    query: new Set([...query, ...extras.query]),
    headers: new Set([...headers, ...extras.headers].map((name) => name.toLowerCase())),
  });
  const routes: AllowedRoute[] = [];
  for (const name of allow) {
    const descriptor = operations.find(name);
    if (!descriptor)
      throw new ConfigurationError(
        `createProxy: unknown operation "${name}" in allow; known: ${operations
          .all()
          .map((d) => d.id)
          .join(", ")}`,
      );
    routes.push(
      route(
        descriptor.method.toUpperCase(),
        pathTemplatePattern(descriptor.path),
        descriptor.path,
        declared(descriptor, "query"),
        declared(descriptor, "header"),
      ),
    );
    if (descriptor.queue) {
      const app = descriptor.path.split("/").filter(Boolean).slice(0, 2).map(escapeRegex).join("/");
      const job = `^/${app}/requests/[^/]+`;
      routes.push(route("GET", new RegExp(`${job}/status$`), "", ["logs"], []));
      routes.push(route("GET", new RegExp(`${job}$`), "", [], []));
      routes.push(route("PUT", new RegExp(`${job}/cancel$`), "", [], []));
    }
  }
  return routes;
}

export function findRoute(
  routes: readonly AllowedRoute[],
  method: string,
  path: string,
): AllowedRoute | undefined {
  return routes.find((route) => route.method === method && route.pattern.test(path));
}

function declared(descriptor: OperationDescriptor, where: "query" | "header"): string[] {
  return (descriptor.parameters ?? []).filter((p) => p.in === where).map((p) => p.name);
}
