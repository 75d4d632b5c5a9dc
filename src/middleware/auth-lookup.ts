import type { Contract } from "../internal/contract.js";
import type { AuthLookup } from "./auth.js";
import { schemeOf } from "./credential.js";

/**
 * Which scheme carries the key on a call, from a generated contract: the operation's own, found
 * by `METHOD /path/template`; for a URL outside the spec's paths (fal's status, result and
 * cancel URLs), the document's. Bearer wherever the spec declares nothing.
 */
export function createAuthLookup(contract: Pick<Contract, "operationTable" | "auth">): AuthLookup {
  const byRoute = new Map(
    Object.values(contract.operationTable).map((operation) => [
      `${operation.method.toUpperCase()} ${operation.path}`,
      schemeOf(operation.auth),
    ]),
  );
  const fallback = schemeOf(contract.auth);
  return (method, schemaPath) => {
    const found = byRoute.get(`${method.toUpperCase()} ${schemaPath}`);
    return found === undefined ? fallback : found;
  };
}
