import { isObject, type JsonObject } from "../openapi-walk.js";

/**
 * How one operation carries the API key, as the runtime tables state it: a header, a query
 * parameter or a cookie, with what stands before the key (`Bearer `, fal's `Key `) and whether
 * it is sent as HTTP Basic (`user:password`, base64-encoded).
 */
export interface AuthScheme {
  in: "header" | "query" | "cookie";
  name: string;
  prefix?: string;
  encoding?: "basic";
}

/** The vendor extension that declares what stands before the key, e.g. `x-auth-prefix: Key`. */
export const AUTH_PREFIX_EXTENSION = "x-auth-prefix";

/** A scheme the client can send, or why it cannot (for the located warning). */
export type SchemeReading = { scheme: AuthScheme } | { problem: string };

/**
 * What a named security scheme means on the wire. OAuth2 and OpenID Connect send their access
 * token as a bearer token, so a key that is such a token works the same way.
 */
export function readScheme(definition: unknown): SchemeReading {
  if (!isObject(definition)) return { problem: "is not an object" };
  const extra = definition[AUTH_PREFIX_EXTENSION];
  if (extra !== undefined && (typeof extra !== "string" || !/^[A-Za-z][\w.-]{0,31}$/.test(extra)))
    return { problem: `${AUTH_PREFIX_EXTENSION} must be one word such as "Key"` };
  const prefix = typeof extra === "string" ? `${extra} ` : undefined;
  switch (definition.type) {
    case "http": {
      const scheme = typeof definition.scheme === "string" ? definition.scheme.toLowerCase() : "";
      if (scheme === "basic")
        return {
          scheme: { in: "header", name: "Authorization", prefix: "Basic ", encoding: "basic" },
        };
      if (scheme === "bearer")
        return { scheme: { in: "header", name: "Authorization", prefix: prefix ?? "Bearer " } };
      if (prefix) return { scheme: { in: "header", name: "Authorization", prefix } };
      return {
        problem: `HTTP scheme "${scheme}" is not supported (bearer and basic are); declare ${AUTH_PREFIX_EXTENSION} for a custom Authorization prefix`,
      };
    }
    case "apiKey": {
      const where = definition.in;
      if (where !== "header" && where !== "query" && where !== "cookie")
        return { problem: `apiKey "in" must be header, query or cookie` };
      if (
        typeof definition.name !== "string" ||
        !/^[!#$%&'*+.^_`|~\w-]{1,64}$/.test(definition.name)
      )
        return { problem: "apiKey needs a name that is a valid header, query or cookie name" };
      const scheme: AuthScheme = { in: where, name: definition.name };
      if (prefix) scheme.prefix = prefix;
      return { scheme };
    }
    case "oauth2":
    case "openIdConnect":
      return { scheme: { in: "header", name: "Authorization", prefix: "Bearer " } };
    default:
      return { problem: `type "${String(definition.type)}" cannot carry an API key` };
  }
}

/**
 * The auth an operation declares: its own `security`, else the document's. `null` means it
 * declares none (`security: []`, or an empty alternative); `undefined` that the spec says
 * nothing, and the runtime's default (Bearer) applies. Of several alternatives the first that
 * can be sent wins; a requirement naming several schemes at once uses the first of them.
 */
export function resolveOperationAuth(
  document: JsonObject,
  operation: JsonObject,
): AuthScheme | null | undefined {
  const requirements = operation.security ?? document.security;
  if (!Array.isArray(requirements)) return undefined;
  if (requirements.length === 0) return null;
  const schemes =
    isObject(document.components) && isObject(document.components.securitySchemes)
      ? document.components.securitySchemes
      : {};
  for (const requirement of requirements) {
    if (!isObject(requirement)) continue;
    const names = Object.keys(requirement);
    if (names.length === 0) return null;
    const reading = readScheme(schemes[names[0]!]);
    if ("scheme" in reading) return reading.scheme;
  }
  return undefined;
}
