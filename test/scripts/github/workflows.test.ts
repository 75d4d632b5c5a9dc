import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { ARTIFACT } from "../../../scripts/lib/github/post-spec-diff-comment.js";
import { repoRoot } from "../../helpers/run-generate.js";

interface Step {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  "continue-on-error"?: boolean;
}
interface Workflow {
  name: string;
  on: Record<string, Record<string, unknown> | null>;
  permissions: Record<string, string>;
  jobs: Record<string, { "runs-on": string; if?: string; permissions?: unknown; steps: Step[] }>;
}

const folder = join(repoRoot, ".github/workflows");
const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
function load(name: string): Workflow {
  const document = parseDocument(readFileSync(join(folder, name), "utf8"), { uniqueKeys: true });
  expect(document.errors).toEqual([]);
  return document.toJS() as Workflow;
}
const stepsOf = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);

/** SchemaStore's schema, kept verbatim with its source in fixtures/SOURCES.md. */
const validate = new Ajv({ strict: false, allErrors: true }).compile(
  JSON.parse(
    readFileSync(fileURLToPath(new URL("fixtures/github-workflow.json", import.meta.url)), "utf8"),
  ) as object,
);

describe("the GitHub workflows", () => {
  it.each(files)("%s validates against SchemaStore's workflow schema", (name) => {
    expect(validate(load(name)), JSON.stringify(validate.errors)).toBe(true);
  });

  it("would be caught by that schema with a misspelt key", () => {
    const broken = load("ci.yml");
    const job = broken.jobs.test as unknown as Record<string, unknown>;
    job.runs_on = job["runs-on"];
    delete job["runs-on"];
    expect(validate(broken)).toBe(false);
  });

  it("CI runs the README's test command on every push and pull request", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    const command = /^(npm ci && npm test)\s+#/m.exec(readme)?.[1];
    expect(command).toBe("npm ci && npm test");
    const ci = load("ci.yml");
    expect(Object.keys(ci.on).sort()).toEqual(["pull_request", "push"]);
    expect(ci.on.push).toBeNull();
    expect(stepsOf(ci).map((s) => s.run)).toContain(command);
  });
});

describe("the spec diff report (pull_request, no write access)", () => {
  const workflow = load("spec-diff.yml");
  const steps = stepsOf(workflow);
  const step = (id: string) => steps.find((s) => s.id === id)!;

  it("runs on pull requests that touch the spec or what generates from it, with a read-only token", () => {
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    // A generator or dependency change alters generated/ as surely as a new export does.
    expect(workflow.on.pull_request?.paths).toEqual(
      expect.arrayContaining(["spec/**", "generated/**", "scripts/**", "package-lock.json"]),
    );
    expect(workflow.permissions).toEqual({ contents: "read" });
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeUndefined();
  });

  it("records a stale generated/ without stopping, and fails the check only after the upload", () => {
    const drift = steps.indexOf(step("drift"));
    const upload = steps.findIndex((s) => s.uses?.startsWith("actions/upload-artifact"));
    const gate = steps.findIndex((s) => s.if === "steps.drift.outputs.status != '0'");
    expect(drift).toBeGreaterThanOrEqual(0);
    expect(drift).toBeLessThan(upload);
    expect(upload).toBeLessThan(gate);
    expect(steps[upload]?.with).toMatchObject({ name: ARTIFACT.name, path: `${ARTIFACT.name}/` });
  });

  it.each([
    ["drift", "npm run -s generate -- --check"],
    ["diff", "npm run -s diff -- "],
  ])(
    "the %s step, run by bash -e as the runner does, exits 0 and records a failing command's code",
    (id, command) => {
      const script = step(id).run!;
      expect(script).toContain(command);
      // A stand-in npm that fails as a stale check or an unusable diff would: the step must not.
      const dir = mkdtempSync(join(tmpdir(), "workflow-step-"));
      writeFileSync(join(dir, "npm"), '#!/bin/sh\necho "npm $*"\nexit 3\n');
      chmodSync(join(dir, "npm"), 0o755);
      const output = join(dir, "github-output");
      const run = spawnSync("bash", ["-e", "-c", script], {
        cwd: dir,
        env: { PATH: `${dir}:${process.env.PATH}`, GITHUB_OUTPUT: output, BASE_REF: "main" },
        encoding: "utf8",
      });
      expect(run.status, run.stderr).toBe(0);
      expect(readFileSync(output, "utf8")).toBe("status=3\n");
    },
  );

  it("composes the comment with the script the tests run, from both steps' codes", () => {
    const compose = steps.find((s) => s.run?.includes("compose-spec-diff-comment.ts"))!.run!;
    expect(existsSync(join(repoRoot, ".github/scripts/compose-spec-diff-comment.ts"))).toBe(true);
    expect(compose).toContain('--drift-status "${{ steps.drift.outputs.status }}"');
    expect(compose).toContain('--diff-status "${{ steps.diff.outputs.status }}"');
    expect(compose).toContain(`--out-dir ${ARTIFACT.name}`);
  });
});

describe("the spec diff comment (workflow_run, may write)", () => {
  const workflow = load("spec-diff-comment.yml");
  const steps = stepsOf(workflow);
  const report = load("spec-diff.yml");

  it("runs when a spec diff run completes, with write access to pull requests only", () => {
    expect(workflow.on.workflow_run).toEqual({ workflows: [report.name], types: ["completed"] });
    expect(workflow.permissions).toEqual({ actions: "read", "pull-requests": "write" });
    expect(Object.values(workflow.jobs)[0]?.if).toContain(
      "github.event.workflow_run.event == 'pull_request'",
    );
  });

  it("checks out no code of the pull request and runs no install scripts", () => {
    const checkout = steps.find((s) => s.uses?.startsWith("actions/checkout"))!;
    expect(checkout.with?.ref).toBeUndefined();
    expect(steps.map((s) => s.run).filter(Boolean)[0]).toBe("npm ci --ignore-scripts");
  });

  it("downloads that run's artifact and posts it for the run's commit", () => {
    // The post script asks GitHub for runs of spec-diff.yml by that file name.
    expect(files).toContain("spec-diff.yml");
    const download = steps.find((s) => s.uses?.startsWith("actions/download-artifact"))!;
    expect(download.with).toMatchObject({
      name: ARTIFACT.name,
      "run-id": "${{ github.event.workflow_run.id }}",
    });
    const post = steps.find((s) => s.run?.includes("post-spec-diff-comment.ts"))!;
    expect(post.if).toBe(`steps.${download.id}.outcome == 'success'`);
    expect(post.env?.HEAD_SHA).toBe("${{ github.event.workflow_run.head_sha }}");
    expect(post.run).toContain(`--dir ${download.with?.path} --head-sha "$HEAD_SHA"`);
    expect(existsSync(join(repoRoot, ".github/scripts/post-spec-diff-comment.ts"))).toBe(true);
  });
});
