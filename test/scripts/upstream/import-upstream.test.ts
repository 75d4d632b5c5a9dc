import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import { planOverlay } from "../../../scripts/lib/upstream/plan-overlay.js";
import { readFalModel, type FalModel } from "../../../scripts/lib/upstream/read-fal-model.js";
import { repoRoot } from "../../helpers/run-generate.js";

const KONTEXT = "test/fixtures/fal/flux-pro-kontext-max.openapi.json";
const SEEDREAM = "test/fixtures/fal/seedream-v4-text-to-image.openapi.json";
const SEED_OVERLAY = "test/fixtures/seed/overlays/20-fal-ai-flux-pro-kontext-max.overlay.yaml";

function importUpstream(args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/import-upstream.ts", ...args],
    { cwd: repoRoot, encoding: "utf8" },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function model(file: string): FalModel {
  const found = readFalModel(JSON.parse(readFileSync(join(repoRoot, file), "utf8")));
  if ("error" in found) throw new Error(found.error);
  return found;
}

/** A relay export of seedream as apifox writes it: a few fields, prose, an empty 200. */
const SEEDREAM_EXPORT = `openapi: 3.0.1
info: {title: '', version: 1.0.0}
paths:
  /fal-ai/bytedance/seedream/v4/text-to-image:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                prompt: {type: string, description: Prompt words}
                num_images: {type: integer, description: 'Number of images, range: 1-4'}
                seed: {type: string, description: Seed}
              required: [prompt]
      responses:
        '200':
          description: ''
          content:
            application/json:
              schema: {type: object, properties: {}}
servers: [{url: 'https://api.chainhub.tech'}]
`;

describe("npm run import-upstream", () => {
  it("reproduces the committed seed overlay from fal's schema byte for byte", () => {
    const run = importUpstream([
      KONTEXT,
      "--path",
      "/fal-ai/flux-pro/kontext/max",
      "--summary",
      "FLUX.1 Kontext [max]: edit an image from a text prompt",
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(repoRoot, SEED_OVERLAY), "utf8"));
  });

  it("names the source of every action in a comment", () => {
    const text = readFileSync(join(repoRoot, SEED_OVERLAY), "utf8");
    const actions = (parse(text) as { actions: unknown[] }).actions;
    expect(text.match(/^ {2}# source: /gm)).toHaveLength(actions.length);
  });

  it.each([
    [
      "test/fixtures/peer-specs/openapi-typescript/path-object-refs.yaml",
      /no fal queue model found/,
    ],
    ["test/fixtures/seed/chainhub-fal-ai.apifox.yaml", /not JSON or YAML/],
    ["no/such.json", /cannot read \(ENOENT\)/],
  ])("exits 2 with one line on %s", (file, message) => {
    const run = importUpstream([file]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});

describe("planOverlay", () => {
  const relay = buildContract({ name: "export.yaml", text: SEEDREAM_EXPORT }).document!;
  const { actions, notes } = planOverlay(model(SEEDREAM), relay, {
    relayPath: "/fal-ai/bytedance/seedream/v4/text-to-image",
    falFile: "seedream.json",
  });
  const byTarget = (suffix: string) => actions.find((a) => a.target.endsWith(suffix));

  it("declares the queue result and copies it with what it uses, under names that cannot clash", () => {
    expect(byTarget(".post")?.update).toEqual({
      "x-fal-queue": { result: "#/components/schemas/BytedanceSeedreamV4TextToImageOutput" },
    });
    const components = byTarget("$.components.schemas")?.update as Record<string, unknown>;
    expect(Object.keys(components).sort()).toEqual([
      "BytedanceSeedreamV4TextToImageOutput",
      "FalImage",
      "FalImageSize",
    ]);
    expect(JSON.stringify(components)).not.toMatch(/"title"|x-fal-order-properties/);
  });

  it("adds the fields the export omits, with their references renamed", () => {
    const added = byTarget(".schema.properties")?.update as Record<string, { anyOf?: unknown[] }>;
    expect(Object.keys(added).sort()).toEqual([
      "enable_safety_checker",
      "image_size",
      "max_images",
      "sync_mode",
    ]);
    expect(added.image_size!.anyOf![0]).toEqual({ $ref: "#/components/schemas/FalImageSize" });
  });

  it("never overrides what the export states, in fields or in prose, and says so", () => {
    // num_images: the export's prose says 1-4, fal says 1-6: the export's word stands.
    const numImages = byTarget(".properties.num_images")?.update as Record<string, unknown>;
    expect(numImages).toEqual({ default: 1 });
    expect(notes).toContainEqual(
      expect.stringMatching(/num_images: the export says maximum 4, fal 6/),
    );
    // seed: a string in the export, an integer at fal: reported, untouched.
    expect(byTarget(".properties.seed")).toBeUndefined();
    expect(notes).toContainEqual(
      expect.stringMatching(/seed: fal says "integer", the export "string"/),
    );
  });

  it("replaces a label-like description with fal's sentence, and keeps one with numbers", () => {
    expect((byTarget(".properties.prompt")?.update as { description: string }).description).toBe(
      "The text prompt used to generate the image",
    );
    expect(byTarget(".properties.num_images")?.update).not.toHaveProperty("description");
  });
});
