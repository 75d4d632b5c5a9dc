import { isObject, listOperations, type JsonObject } from "../openapi-walk.js";
import { sortChanges, type Change, type ChangeSink } from "./change.js";
import { collapseShared } from "./collapse-shared.js";
import { compareOperations } from "./compare-operations.js";
import { compareSecurity } from "./compare-security.js";
import { emitChange } from "./emit-change.js";

/**
 * Every change to callers between two normalized contracts, breaking first. Both sides must
 * have gone through the same pipeline (`buildContract`), so prose constraints compare too.
 */
export function compareDocuments(base: JsonObject, head: JsonObject): Change[] {
  const changes: Change[] = [];
  const global = { method: "", path: "", changes };
  compareServers(base.servers, head.servers, global);
  compareSecurity(base.security, head.security, global, "api-global-security", {
    base: "#/security",
    head: "#/security",
  });
  compareSecuritySchemes(base, head, global);
  compareOperations(base, head, changes);
  return sortChanges(collapseShared(changes));
}

function compareServers(was: unknown, now: unknown, context: ChangeSink): void {
  const before = urls(was);
  const after = urls(now);
  for (const [url, index] of before)
    if (!after.has(url))
      emitChange(
        context,
        "api-server-removed",
        `server ${url} removed${index === 0 ? " (the client's default base URL)" : ""}`,
        undefined,
        { before: url, pointers: { base: `#/servers/${index}`, head: "#/servers" } },
      );
  for (const [url, index] of after)
    if (!before.has(url))
      emitChange(context, "api-server-added", `server ${url} added`, undefined, {
        after: url,
        pointers: { base: "#/servers", head: `#/servers/${index}` },
      });
}

/**
 * Each server URL and its index. Only entries with a URL: a broken export can leave other lines
 * under `servers`.
 */
function urls(servers: unknown): Map<string, number> {
  const found = new Map<string, number>();
  if (!Array.isArray(servers)) return found;
  servers.forEach((server, index) => {
    if (isObject(server) && typeof server.url === "string" && !found.has(server.url))
      found.set(server.url, index);
  });
  return found;
}

/**
 * Only schemes some operation (or the whole API) requires on either side: an export may define
 * hundreds that nothing uses (apifox's "combination" schemes), and their churn changes no call.
 */
function compareSecuritySchemes(base: JsonObject, head: JsonObject, context: ChangeSink): void {
  const used = new Set([...schemesInUse(base), ...schemesInUse(head)]);
  const inUse = (all: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(all).filter(([name]) => used.has(name)));
  const was = inUse(schemes(base));
  const now = inUse(schemes(head));
  for (const [name, scheme] of Object.entries(was)) {
    if (!(name in now)) {
      emitChange(context, "security-scheme-removed", `security scheme ${name} removed`, undefined, {
        before: name,
        pointers: { base: `#/components/securitySchemes/${name}` },
      });
      continue;
    }
    const before = pick(scheme);
    const after = pick(now[name]);
    const [a, b] = [JSON.stringify(before), JSON.stringify(after)];
    if (a !== b)
      emitChange(
        context,
        "security-scheme-changed",
        `security scheme ${name} changed: ${a} -> ${b}`,
        undefined,
        {
          before,
          after,
          pointers: {
            base: `#/components/securitySchemes/${name}`,
            head: `#/components/securitySchemes/${name}`,
          },
        },
      );
  }
  for (const name of Object.keys(now))
    if (!(name in was))
      emitChange(context, "security-scheme-added", `security scheme ${name} added`, undefined, {
        after: name,
        pointers: { head: `#/components/securitySchemes/${name}` },
      });
}

function schemesInUse(document: JsonObject): string[] {
  const requirements = [
    document.security,
    ...listOperations(document).map((o) => o.operation.security),
  ];
  return requirements.flatMap((list) =>
    Array.isArray(list) ? list.filter(isObject).flatMap((r) => Object.keys(r)) : [],
  );
}

function schemes(document: JsonObject): Record<string, unknown> {
  const components = isObject(document.components) ? document.components : {};
  return isObject(components.securitySchemes) ? components.securitySchemes : {};
}

/** The fields of a scheme that decide how callers authenticate (not its description). */
const AUTH_FIELDS = ["type", "scheme", "bearerFormat", "in", "name", "flows", "openIdConnectUrl"];

function pick(scheme: unknown): Record<string, unknown> {
  if (!isObject(scheme)) return {};
  return Object.fromEntries(
    AUTH_FIELDS.filter((field) => scheme[field] !== undefined).map((field) => [
      field,
      scheme[field],
    ]),
  );
}
