import type { OperationIndex } from "../internal/operation-index.js";
import { escapeRegex, pathTemplatePattern } from "../internal/path-template.js";

/** One route the proxy lets through. */
interface AllowedRoute {
  method: string;
  pattern: RegExp;
}

/**
 * The routes an allow-list of operations opens: each operation's own route and, for a queue
 * operation, its job's status, result and cancel routes under `/{owner}/{app}/requests/{id}`.
 * Nothing else passes: the browser names operations, never arbitrary relay paths.
 */
export function allowedRoutes(
  operations: OperationIndex,
  allow: readonly string[],
): AllowedRoute[] {
  const routes: AllowedRoute[] = [];
  for (const name of allow) {
    const descriptor = operations.find(name);
    if (!descriptor)
      throw new TypeError(
        `createProxy: unknown operation "${name}" in allow; known: ${operations.known()}`,
      );
    routes.push({
      method: descriptor.method.toUpperCase(),
      pattern: pathTemplatePattern(descriptor.path),
    });
    if (descriptor.queue) {
      const app = descriptor.path.split("/").filter(Boolean).slice(0, 2).map(escapeRegex).join("/");
      const job = `^/${app}/requests/[^/]+`;
      routes.push({ method: "GET", pattern: new RegExp(`${job}/status$`) });
      routes.push({ method: "GET", pattern: new RegExp(`${job}$`) });
      routes.push({ method: "PUT", pattern: new RegExp(`${job}/cancel$`) });
    }
  }
  return routes;
}

export function isAllowed(routes: AllowedRoute[], method: string, path: string): boolean {
  return routes.some((route) => route.method === method && route.pattern.test(path));
}
