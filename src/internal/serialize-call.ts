/**
 * A typed call's URL, body and headers, serialized as openapi-fetch's client serializes them by
 * default (its `defaultPathSerializer`, `createQuerySerializer()`, `defaultBodySerializer` and
 * `mergeHeaders`), written out for the one style set the client uses: every app bundles this, and
 * openapi-fetch's helpers carry every OpenAPI style and option besides (about 1 kB gzipped). A
 * test sends a table of parameter shapes through both and compares the requests.
 */

/** A parameter group as callers pass it: name to value. */
type Values = Record<string, unknown> | undefined;

const encode = (value: unknown) => encodeURIComponent(value as string | number | boolean);

/**
 * `{name}` templates filled with OpenAPI's `simple` style: a primitive encoded; an array's items
 * encoded and joined by ","; an object as `key,value,...`. Missing values leave the template.
 */
export function fillPath(url: string, values: Values): string {
  return url.replace(/\{[^{}]+\}/g, (template) => {
    const value = values?.[template.slice(1, -1)];
    if (value === undefined || value === null) return template;
    if (Array.isArray(value)) return value.map(encode).join(",");
    if (typeof value === "object")
      return Object.entries(value)
        .flatMap(([key, item]) => [key, encode(item)])
        .join(",");
    return encode(value);
  });
}

/** `name=value`, encoded; nothing for null or undefined; nested values are refused. */
function pair(name: string, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object")
    throw new Error("Deeply-nested arrays/objects aren\u2019t supported in query parameters.");
  return `${name}=${encode(value)}`;
}

/** The query string: arrays as `form` exploded (`a=1&a=2`), objects as `deepObject` (`a[k]=v`). */
export function queryString(values: Values): string {
  const parts: string[] = [];
  for (const name in values) {
    const value = values[name];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0))
      continue;
    if (Array.isArray(value)) parts.push(value.map((item) => pair(name, item)).join("&"));
    else if (typeof value === "object")
      parts.push(
        Object.entries(value)
          .map(([key, item]) => pair(`${name}[${key}]`, item))
          .join("&"),
      );
    else parts.push(pair(name, value));
  }
  return parts.join("&");
}

/** The call's full URL: the base, the filled path, and the query when there is one. */
export function callUrl(
  baseUrl: string,
  path: string,
  params: { path?: Values; query?: Values },
): string {
  const url = params.path ? fillPath(baseUrl + path, params.path) : baseUrl + path;
  const query = queryString(params.query).replace(/^\?/, "");
  return query ? `${url}?${query}` : url;
}

/** Header parameters applied in order: null removes a header, an array adds each item. */
function applyHeaders(headers: Headers, values: Values): Headers {
  for (const name in values) {
    const value = values[name];
    if (value === null) headers.delete(name);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item as string);
    else if (value !== undefined) headers.set(name, value as string);
  }
  return headers;
}

/**
 * The body and headers: FormData as is (the host sets its boundary), a form-encoded body when the
 * header parameters ask for one, JSON otherwise (with its content type, which a header parameter
 * may override).
 */
export function callBody(
  body: unknown,
  header: Values,
): { body: BodyInit | undefined; headers: Headers } {
  if (body === undefined) return { body: undefined, headers: applyHeaders(new Headers(), header) };
  if (body instanceof FormData) return { body, headers: applyHeaders(new Headers(), header) };
  const asked = applyHeaders(new Headers(), header).get("content-type");
  const encoded =
    asked === "application/x-www-form-urlencoded"
      ? new URLSearchParams(body as Record<string, string>).toString()
      : JSON.stringify(body);
  const headers = new Headers({ "Content-Type": "application/json" });
  return { body: encoded, headers: applyHeaders(headers, header) };
}
