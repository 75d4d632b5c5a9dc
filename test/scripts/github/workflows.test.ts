import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { STICKY_MARKER } from "../../../scripts/lib/diff/format-markdown.js";
import { repoRoot } from "../../helpers/run-generate.js";

/** GitHub Actions cannot run here: check the file parses and calls exactly our scripts. */
describe("the spec-diff GitHub workflow", () => {
  const text = readFileSync(join(repoRoot, ".github/workflows/spec-diff.yml"), "utf8");
  const document = parseDocument(text, { uniqueKeys: true });
  const workflow = document.toJS() as {
    on: { pull_request: { paths: string[] } };
    permissions: Record<string, string>;
    jobs: Record<
      string,
      {
        "runs-on": string;
        steps: { run?: string; uses?: string; with?: Record<string, unknown> }[];
      }
    >;
  };
  const steps = Object.values(workflow.jobs)[0]!.steps;
  const runs = steps.map((s) => s.run ?? "").join("\n");

  it("is valid YAML with a job that runs on a runner", () => {
    expect(document.errors).toEqual([]);
    expect(Object.values(workflow.jobs)[0]!["runs-on"]).toBe("ubuntu-latest");
    for (const step of steps) expect(Boolean(step.run) !== Boolean(step.uses)).toBe(true);
  });

  it("runs on pull requests that touch the spec, and may write PR comments", () => {
    expect(workflow.on.pull_request.paths).toContain("spec/**");
    expect(workflow.permissions["pull-requests"]).toBe("write");
  });

  it("fails on stale generated code, then diffs against the base branch as markdown", () => {
    expect(runs).toContain("npm ci");
    expect(runs).toContain("npm run generate -- --check");
    expect(runs).toMatch(
      /npm run -s diff -- "origin\/\$\{\{ github\.base_ref \}\}:spec\/chainhub-fal-ai\.apifox\.yaml" spec\/chainhub-fal-ai\.apifox\.yaml --format markdown/,
    );
    expect(steps.find((s) => s.uses?.startsWith("actions/checkout"))?.with?.["fetch-depth"]).toBe(
      0,
    );
  });

  it("updates one sticky comment found by the marker the markdown report starts with", () => {
    const script = String(
      steps.find((s) => s.uses?.startsWith("actions/github-script"))?.with?.script,
    );
    expect(script).toContain(STICKY_MARKER);
    expect(script).toContain("updateComment");
    expect(script).toContain("createComment");
  });
});
