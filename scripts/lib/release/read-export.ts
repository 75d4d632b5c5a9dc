import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { resolve } from "node:path";
import { parseAllowedUrl, publicLabel } from "./export-url.js";
import { UpdateSpecError } from "./update-spec-error.js";

/** How a new export is read: every bound has a default, resolved once by the command. */
export interface ReadExportOptions {
  /** Folder a relative file path is read from. */
  cwd: string;
  /** The endpoint's token, sent as `Authorization: Bearer` to the URL's own origin only. */
  token?: string;
  /** Larger exports are refused. @default 50 MiB */
  maxBytes: number;
  /** The whole download, redirects included, must finish within this. @default 60 s */
  timeoutMs: number;
  /**
   * A JSON body to POST instead of a GET: apifox's open API exports with
   * `POST /v1/projects/{id}/export-openapi` and a body naming the format and scope.
   */
  postBody?: string;
  /** More request headers (`X-Apifox-Api-Version`, say): like the token, for that origin only. */
  headers?: Record<string, string>;
  /** Injected for tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
}

/** The export's bytes, exactly as served or stored, and a name for it that carries no secret. */
export interface ExportBytes {
  bytes: Buffer;
  /** A file path as given, or a URL without its query, fragment and user info. */
  label: string;
}

const MAX_REDIRECTS = 5;

/** Reads a new export from a file or an `https:` URL (`http:` only to loopback, for tests). */
export async function readExport(source: string, options: ReadExportOptions): Promise<ExportBytes> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return downloadExport(source, options);
  return {
    bytes: await readBoundedFile(resolve(options.cwd, source), options.maxBytes),
    label: source,
  };
}

async function readBoundedFile(path: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UpdateSpecError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    const info = await handle.stat();
    // A FIFO or a device may never end: only a regular file is an export.
    if (!info.isFile()) throw new UpdateSpecError(`${path}: not a regular file`);
    if (info.size > maxBytes) throw tooLarge(path, maxBytes);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

async function downloadExport(source: string, options: ReadExportOptions): Promise<ExportBytes> {
  let url = parseAllowedUrl(source);
  const label = publicLabel(url);
  const origin = url.origin;
  const signal = AbortSignal.timeout(options.timeoutMs);
  const fetchImpl = options.fetch ?? fetch;
  try {
    let body = options.postBody;
    for (let hop = 0; ; hop++) {
      // Credentials go to the origin the user named, never to where a redirect points.
      const sameOrigin = url.origin === origin;
      const headers: Record<string, string> = {
        accept: "application/yaml, application/json, */*",
        ...(sameOrigin ? options.headers : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      };
      if (options.token && sameOrigin) headers.authorization = `Bearer ${options.token}`;
      const response = await fetchImpl(url, {
        method: body === undefined ? "GET" : "POST",
        headers,
        body,
        redirect: "manual",
        signal,
      });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS)
          throw new UpdateSpecError(`${label}: more than ${MAX_REDIRECTS} redirects`);
        url = parseAllowedUrl(new URL(location, url).href);
        // As fetch does: 307 and 308 repeat the request, the others turn it into a GET.
        if (response.status !== 307 && response.status !== 308) body = undefined;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new UpdateSpecError(
          `${label}: the server answered ${response.status} ${response.statusText}`.trim(),
        );
      }
      return { bytes: await readBoundedBody(response, label, options.maxBytes), label };
    }
  } catch (error) {
    if (error instanceof UpdateSpecError) throw error;
    if (signal.aborted)
      throw new UpdateSpecError(`${label}: no complete answer within ${options.timeoutMs} ms`);
    // A network error's message may quote the request; it never holds the token, which is a header.
    throw new UpdateSpecError(`${label}: download failed (${(error as Error).message})`);
  }
}

async function readBoundedBody(
  response: Response,
  label: string,
  maxBytes: number,
): Promise<Buffer> {
  const declared = Number(response.headers.get("content-length") ?? "NaN");
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(label, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  // Counted as it arrives: a server that lies about its length or sends no length is cut off too.
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(label, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(what: string, maxBytes: number): UpdateSpecError {
  return new UpdateSpecError(
    `${what}: larger than ${maxBytes} bytes (--max-bytes raises the bound)`,
  );
}
