import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { isObject, listOperations, type JsonObject } from "../openapi-walk.js";

/**
 * apifox lists the headers its "try it" panel sends (`Authorization: Bearer {{token}}`,
 * `Content-Type`, `Accept`) as required parameters. The client sets them itself, from the key and
 * the body; as inputs they would make every call pass an auth header by hand. They go, with a
 * warning each, from operations and from shared path-level parameters.
 */
const TRANSPORT_HEADERS = new Set(["authorization", "content-type", "accept"]);

export function dropTransportHeaders(document: JsonObject, diagnostics: Diagnostics): void {
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (isObject(item)) dropFrom(item, ["paths", path], diagnostics);
  }
  for (const { operation, at } of listOperations(document)) dropFrom(operation, at, diagnostics);
}

function dropFrom(owner: JsonObject, at: (string | number)[], diagnostics: Diagnostics): void {
  if (!Array.isArray(owner.parameters)) return;
  owner.parameters = owner.parameters.filter((parameter, index) => {
    const isTransport =
      isObject(parameter) &&
      parameter.in === "header" &&
      typeof parameter.name === "string" &&
      TRANSPORT_HEADERS.has(parameter.name.toLowerCase());
    if (isTransport) {
      diagnostics.warn(
        "transport-header-parameter",
        `removed header parameter "${String(parameter.name)}": the client sets it itself`,
        { pointer: toPointer([...at, "parameters", index]) },
      );
    }
    return !isTransport;
  });
}
