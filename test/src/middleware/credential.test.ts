import { describe, expect, it } from "vitest";
import {
  BEARER,
  carriesCredential,
  credentialValue,
  schemeOf,
  setCredentialHeader,
  withCredentialInUrl,
} from "../../../src/middleware/credential.js";

const KEY = "sk-0123456789";

describe("credential: the key on the wire, as a spec's scheme declares it", () => {
  it("is Bearer where the spec says nothing, and nothing where it opts out", () => {
    expect(schemeOf(undefined)).toEqual(BEARER);
    expect(schemeOf(null)).toBeNull();
    expect(credentialValue(BEARER, KEY)).toBe(`Bearer ${KEY}`);
  });

  it("writes fal's Key prefix and an X-API-Key header as declared", () => {
    const headers = new Headers();
    setCredentialHeader(headers, { in: "header", name: "Authorization", prefix: "Key " }, KEY);
    setCredentialHeader(headers, { in: "header", name: "X-API-Key" }, KEY);
    expect(headers.get("authorization")).toBe(`Key ${KEY}`);
    expect(headers.get("x-api-key")).toBe(KEY);
  });

  it("sends HTTP Basic as base64 of user:password, an unpaired key as the user", () => {
    const basic = {
      in: "header",
      name: "Authorization",
      prefix: "Basic ",
      encoding: "basic",
    } as const;
    expect(credentialValue(basic, "alice:s3cret")).toBe(`Basic ${btoa("alice:s3cret")}`);
    expect(credentialValue(basic, KEY)).toBe(`Basic ${btoa(`${KEY}:`)}`);
  });

  it("puts a query key in the URL, replacing one already there, and a cookie beside others", () => {
    const query = { in: "query", name: "api_key" } as const;
    const url = withCredentialInUrl("http://h.invalid/a?api_key=forged&x=1", query, KEY);
    expect(new URL(url).searchParams.getAll("api_key")).toEqual([KEY]);
    expect(new URL(url).searchParams.get("x")).toBe("1");
    const headers = new Headers({ cookie: "theme=dark" });
    setCredentialHeader(headers, { in: "cookie", name: "session" }, "a;b");
    expect(headers.get("cookie")).toBe("theme=dark; session=a%3Bb");
  });

  it("checks a request carries exactly the declared credential, and nothing else will do", () => {
    const request = (headers: Record<string, string>, url = "http://h.invalid/a") => ({
      url: new URL(url),
      header: (name: string) => headers[name.toLowerCase()],
    });
    const key = { in: "header", name: "X-API-Key" } as const;
    expect(carriesCredential(key, KEY, request({ "x-api-key": KEY }))).toBe(true);
    expect(carriesCredential(key, KEY, request({ authorization: `Bearer ${KEY}` }))).toBe(false);
    const query = { in: "query", name: "k" } as const;
    expect(carriesCredential(query, KEY, request({}, `http://h.invalid/a?k=${KEY}`))).toBe(true);
    expect(carriesCredential(query, KEY, request({}, "http://h.invalid/a?k=wrong"))).toBe(false);
    const cookie = { in: "cookie", name: "session" } as const;
    expect(carriesCredential(cookie, KEY, request({ cookie: `a=1; session=${KEY}` }))).toBe(true);
    expect(carriesCredential(null, KEY, request({}))).toBe(true);
  });
});
