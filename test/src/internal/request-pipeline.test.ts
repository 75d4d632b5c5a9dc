/**
 * The request pipeline sends what openapi-fetch's client sends, and runs middleware by its
 * contract: openapi-fetch itself is the oracle, fed the same calls through a recording fetch.
 */
import createFetchClient, {
  createQuerySerializer,
  defaultBodySerializer,
  defaultPathSerializer,
  type Middleware,
  type MiddlewareCallbackParams,
} from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { createPipeline, type PipelineCall } from "../../../src/internal/request-pipeline.js";

const BASE = "http://127.0.0.1:9/api";

/** A fetch that records each request it is given (URL, method, headers, body) and answers 200. */
function recordingFetch(answer: () => Response = () => new Response("{}", { status: 200 })) {
  const seen: Request[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    seen.push(input as Request);
    return answer();
  }) as typeof fetch;
  return { fetchImpl, seen };
}

function headerList(headers: Headers): string[] {
  const list: string[] = [];
  headers.forEach((value, name) => list.push(`${name}: ${value}`));
  return list;
}

async function describeRequest(request: Request) {
  return {
    url: request.url,
    method: request.method,
    redirect: request.redirect,
    headers: headerList(request.headers),
    body: request.body ? await request.clone().text() : null,
  };
}

const calls: [string, string, string, PipelineCall][] = [
  ["a bodyless GET", "get", "/models", {}],
  [
    "path, query and header parameters of every shape",
    "get",
    "/models/{owner}/{name}",
    {
      params: {
        path: { owner: "fal ai", name: ["a", "b/c"] },
        query: { page: 2, tags: ["x y", "z"], filter: { kind: "image" }, empty: [], none: null },
        header: { "x-trace": "t-1", "x-gone": null, "x-list": ["1", "2"] },
      },
    },
  ],
  [
    "a JSON body",
    "post",
    "/fal-ai/flux-pro/kontext/max",
    { body: { prompt: "p", image_url: "https://x.test/a.png", num_images: 2 } },
  ],
  [
    "a form-encoded body, as its content-type header asks",
    "post",
    "/form",
    {
      body: { a: "1", b: "two words" },
      params: { header: { "content-type": "application/x-www-form-urlencoded" } },
    },
  ],
  ["a HEAD", "head", "/health", {}],
];

describe("the request pipeline", () => {
  it.each(calls)("sends %s as openapi-fetch does", async (_name, method, path, call) => {
    const ours = recordingFetch();
    const theirs = recordingFetch();
    await createPipeline({ baseUrl: BASE, fetch: ours.fetchImpl, middleware: [] })(
      method,
      path,
      call,
    );
    await (
      createFetchClient({ baseUrl: BASE, fetch: theirs.fetchImpl }).request as (
        m: string,
        p: string,
        i: unknown,
      ) => Promise<unknown>
    )(method, path, { ...call, parseAs: "stream" });
    expect(await describeRequest(ours.seen[0]!)).toEqual(await describeRequest(theirs.seen[0]!));
  });

  it("sends a FormData body as is, without a JSON content-type", async () => {
    const ours = recordingFetch();
    const form = new FormData();
    form.set("file", new Blob(["bytes"]), "a.bin");
    await createPipeline({ baseUrl: BASE, fetch: ours.fetchImpl, middleware: [] })(
      "post",
      "/upload",
      { body: form },
    );
    expect(ours.seen[0]!.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
  });

  it("hands middleware serializers that give what openapi-fetch's give", async () => {
    let options: MiddlewareCallbackParams["options"] | undefined;
    await createPipeline({
      baseUrl: BASE,
      fetch: recordingFetch().fetchImpl,
      middleware: [{ onRequest: (params) => void (options = params.options) }],
    })("get", "/x", {});
    type Serialize = (body: unknown, headers?: unknown) => unknown;
    const ours = options!.bodySerializer as Serialize;
    const theirs = defaultBodySerializer as Serialize;
    const form = new Headers({ "content-type": "application/x-www-form-urlencoded" });
    expect(ours({ a: "1 2" }, form)).toBe(theirs({ a: "1 2" }, form));
    expect(ours({ a: "1 2" }, form)).toBe("a=1+2");
    expect(ours({ a: 1 })).toBe(theirs({ a: 1 }));
    const query = { ids: [1, 2], f: { k: "v w" } };
    expect(options!.querySerializer(query)).toBe(createQuerySerializer()(query));
    expect(options!.pathSerializer("/a/{id}", { id: "x y" })).toBe(
      defaultPathSerializer("/a/{id}", { id: "x y" }),
    );
  });

  it("runs onRequest in order and onResponse in reverse, with openapi-fetch's arguments", async () => {
    const order: string[] = [];
    const args: unknown[] = [];
    const named = (name: string): Middleware => ({
      onRequest({ request, schemaPath, params, options, id }) {
        order.push(`request ${name}`);
        args.push({ schemaPath, params, parseAs: options.parseAs, id: typeof id });
        expect(Object.isFrozen(options)).toBe(true);
        const next = new Request(request);
        next.headers.set(`x-${name}`, "1");
        return next;
      },
      onResponse({ request, response }) {
        order.push(`response ${name}: ${request.headers.get("x-a")}${request.headers.get("x-b")}`);
        return new Response(`${name}`, { status: response.status });
      },
    });
    const recorder = recordingFetch();
    const send = createPipeline({
      baseUrl: BASE,
      fetch: recorder.fetchImpl,
      middleware: [named("a"), undefined, named("b")],
    });
    const params = { path: { id: "7" } };
    const response = await send("get", "/jobs/{id}", { params });
    expect(order).toEqual(["request a", "request b", "response b: 11", "response a: 11"]);
    expect(await response.text()).toBe("a");
    expect(recorder.seen[0]!.url).toBe(`${BASE}/jobs/7`);
    expect(args).toEqual([
      { schemaPath: "/jobs/{id}", params, parseAs: "stream", id: "string" },
      { schemaPath: "/jobs/{id}", params, parseAs: "stream", id: "string" },
    ]);
  });

  it("answers from onRequest without fetching, and recovers a failed fetch in onError", async () => {
    const recorder = recordingFetch();
    const answered = await createPipeline({
      baseUrl: BASE,
      fetch: recorder.fetchImpl,
      middleware: [{ onRequest: () => new Response("cached", { status: 203 }) }],
    })("get", "/x", {});
    expect(answered.status).toBe(203);
    expect(recorder.seen).toHaveLength(0);

    const failing = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof fetch;
    const errors: unknown[] = [];
    const recovered = await createPipeline({
      baseUrl: BASE,
      fetch: failing,
      middleware: [
        { onError: () => new Response("recovered", { status: 200 }) },
        {
          onError: ({ error }) => {
            errors.push(error);
            return new Error("replaced", { cause: error });
          },
        },
      ],
    })("get", "/x", {});
    expect(await recovered.text()).toBe("recovered");
    expect(errors).toEqual([new TypeError("fetch failed")]);

    const unrecovered = createPipeline({
      baseUrl: BASE,
      fetch: failing,
      middleware: [{ onError: () => new Error("replaced") }],
    })("get", "/x", {});
    await expect(unrecovered).rejects.toThrow("replaced");
  });

  it("refuses a middleware without a hook, and a hook's wrong return, as openapi-fetch does", async () => {
    expect(() =>
      createPipeline({
        baseUrl: BASE,
        fetch: recordingFetch().fetchImpl,
        middleware: [{} as Middleware],
      }),
    ).toThrow("Middleware must be an object with one of `onRequest()`");
    const send = createPipeline({
      baseUrl: BASE,
      fetch: recordingFetch().fetchImpl,
      middleware: [{ onRequest: () => "nope" as never }],
    });
    await expect(send("get", "/x", {})).rejects.toThrow(
      "onRequest: must return new Request() or Response() when modifying the request",
    );
  });
});
