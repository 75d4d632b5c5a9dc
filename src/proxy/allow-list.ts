import { operationTable, type OperationDescriptor } from "../internal/contract.js";
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
export function allowedRoutes(allow: readonly string[]): AllowedRoute[] {
  const all = Object.values(operationTable as Record<string, OperationDescriptor>);
  const routes: AllowedRoute[] = [];
  for (const name of allow) {
    const descriptor = all.find(
      (d) => d.id === name || `${d.method.toUpperCase()} ${d.path}` === name || d.path === name,
    );
    if (!descriptor) {
      const known = all.map((d) => d.id).join(", ");
      throw new TypeError(`createProxy: unknown operation "${name}" in allow; known: ${known}`);
    }
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
