import type { Diagnostics } from "../diagnostics.js";
import { isObject, type JsonObject } from "../openapi-walk.js";

/**
 * apifox exports `servers: []` (or none) when the project has no environment. The generated
 * client then has no default base URL: it asks the caller for one, with a clear error, rather
 * than guessing. Said once here so nobody is surprised at run time.
 */
export function checkServers(document: JsonObject, diagnostics: Diagnostics): void {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const urls = servers.filter(isObject).filter((s) => typeof s.url === "string" && s.url !== "");
  if (urls.length > 0) return;
  diagnostics.warn(
    "no-servers",
    `the spec lists no server${"servers" in document ? " (servers is empty)" : ""}; the client will need a baseUrl (option or CHAINHUB_BASE_URL)`,
    { pointer: "servers" in document ? "#/servers" : "#" },
  );
}
