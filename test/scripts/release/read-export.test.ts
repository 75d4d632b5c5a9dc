import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readExport, type ReadExportOptions } from "../../../scripts/lib/release/read-export.js";
import { startExportServer, type ExportServer } from "./export-server.js";

const TOKEN = "apifox-token-fedcba9876543210";
const options: ReadExportOptions = {
  cwd: tmpdir(),
  token: TOKEN,
  maxBytes: 1024,
  timeoutMs: 10_000,
};

describe("reading a new export", () => {
  let vendor: ExportServer;
  let elsewhere: ExportServer;
  beforeAll(async () => {
    vendor = await startExportServer(TOKEN);
    elsewhere = await startExportServer();
  });
  afterAll(async () => {
    await vendor.close();
    await elsewhere.close();
  });

  it("follows a redirect to another origin without sending the token there", async () => {
    elsewhere.answer({ body: "openapi: 3.0.1\n" });
    vendor.answer({ status: 302, location: `${elsewhere.url}/signed/export.yaml` });
    const got = await readExport(`${vendor.url}/export`, options);
    expect(got.bytes.toString()).toBe("openapi: 3.0.1\n");
    expect(vendor.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(elsewhere.requests.at(-1)?.url).toBe("/signed/export.yaml");
    expect(elsewhere.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it("POSTs the body with its headers, and turns a 303 to another origin into a plain GET", async () => {
    elsewhere.answer({ body: "openapi: 3.1.0\n" });
    vendor.answer({ status: 303, location: `${elsewhere.url}/ready.yaml` });
    const got = await readExport(`${vendor.url}/v1/projects/1/export-openapi`, {
      ...options,
      postBody: '{"exportFormat":"YAML"}',
      headers: { "x-apifox-api-version": "2024-03-28" },
    });
    expect(got.bytes.toString()).toBe("openapi: 3.1.0\n");
    expect(vendor.requests.at(-1)).toMatchObject({
      method: "POST",
      body: '{"exportFormat":"YAML"}',
      headers: { "x-apifox-api-version": "2024-03-28", "content-type": "application/json" },
    });
    const followed = elsewhere.requests.at(-1)!;
    expect([followed.method, followed.body]).toEqual(["GET", ""]);
    expect(followed.headers["x-apifox-api-version"]).toBeUndefined();
    expect(followed.headers.authorization).toBeUndefined();
  });

  it("says the server's status for a refused token, and never prints the token", async () => {
    const error = await readExport(`${vendor.url}/export`, {
      ...options,
      token: "wrong-token",
    }).catch((e: Error) => e);
    expect(String(error)).toContain("the server answered 401");
    expect(String(error)).not.toContain("wrong-token");
  });

  it("refuses an export larger than maxBytes, announced or not", async () => {
    vendor.answer({ body: "x".repeat(2048) });
    await expect(readExport(`${vendor.url}/export`, options)).rejects.toThrow(
      "larger than 1024 bytes",
    );
    const file = join(mkdtempSync(join(tmpdir(), "export-")), "big.yaml");
    writeFileSync(file, "y".repeat(2048));
    await expect(readExport(file, options)).rejects.toThrow("larger than 1024 bytes");
  });

  it("gives up a download that stalls past the deadline", async () => {
    vendor.answer({ stall: true });
    await expect(
      readExport(`${vendor.url}/export`, { ...options, timeoutMs: 200 }),
    ).rejects.toThrow("no complete answer within 200 ms");
  });

  it("refuses plain http: to a host other than loopback, and redirects there, before sending the token", async () => {
    await expect(readExport("http://exports.example/openapi.yaml", options)).rejects.toThrow(
      "only https: URLs",
    );
    vendor.answer({ status: 301, location: "http://exports.example/openapi.yaml?token=abc" });
    const error = await readExport(`${vendor.url}/export`, options).catch((e: Error) => e);
    expect(String(error)).toContain("only https: URLs");
    expect(String(error)).not.toContain("token=abc");
  });

  it("reads a file's bytes exactly, and refuses what is not a regular file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "export-"));
    writeFileSync(join(dir, "export.yaml"), Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]));
    const got = await readExport("export.yaml", { ...options, cwd: dir });
    expect([...got.bytes]).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]);
    expect(got.label).toBe("export.yaml");
    await expect(readExport(".", { ...options, cwd: dir })).rejects.toThrow("not a regular file");
    // A FIFO with no writer: opened without waiting for one, then refused.
    expect(spawnSync("mkfifo", [join(dir, "pipe")]).status).toBe(0);
    await expect(readExport("pipe", { ...options, cwd: dir })).rejects.toThrow(
      "not a regular file",
    );
  });
});
