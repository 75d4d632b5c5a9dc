import { describe, expect, it } from "vitest";
import type { Change } from "../../../scripts/lib/diff/change.js";
import { compareDocuments } from "../../../scripts/lib/diff/compare-document.js";
import { loadSide } from "../../../scripts/lib/diff/load-side.js";
import { locateChanges } from "../../../scripts/lib/diff/locate-changes.js";
import { groupOf } from "../../../scripts/lib/diff/report.js";
import { repoRoot } from "../../helpers/run-generate.js";

/**
 * OpenAI's spec history and two snapshots of the vendor's own apifox project
 * (test/fixtures/diff-history/SOURCES.md), each pair judged by hand from the raw diff before
 * the tool ran: the diff reports exactly these findings, with the operations a shared
 * component's change reaches.
 */
interface RealPair {
  name: string;
  commits: string;
  what: string;
  expected: string[];
}

const OPENAI: RealPair[] = [
  {
    name: "audit-log-property-removed",
    commits: "c309ca1..91e7c95",
    what: "a response property removed the day after it was added",
    expected: [
      "warning response-optional-property-removed GET /organization/audit_logs: 200: `data[].source` removed",
    ],
  },
  {
    name: "conversation-items-six-commits",
    commits: "466c74a..c094647",
    what: "call_id made optional and nullable; an MCP error's string variant replaced by error objects; 429s",
    expected: [
      "breaking request-property-any-of-removed POST /conversations: `items[]<Item><MCPToolCall>.error` anyOf lost string",
      "breaking response-property-became-optional GET /conversations/{conversation_id}/items/{item_id}: 200: `<FunctionToolCallOutputResource>.call_id` became optional",
      "breaking response-property-any-of-added GET /conversations/{conversation_id}/items/{item_id}: 200: `<MCPToolCall>.error` anyOf gained MCPToolCallError",
      "info request-property-became-optional POST /conversations: `items[]<Item><FunctionCallOutputItemParam>.call_id` became optional",
      "info request-property-became-nullable POST /conversations: `items[]<Item><FunctionCallOutputItemParam>.call_id` may now be null",
      "info new-optional-request-property POST /conversations: `items[]<Item><ToolSearchOutputItemParam>.tools[]<WebSearchTool>.external_web_access` added (also at `items[]<Item><AdditionalToolsItemParam>.tools[]<WebSearchTool>.external_web_access`)",
      "info request-property-any-of-added POST /conversations: `items[]<Item><MCPToolCall>.error` anyOf gained MCPToolCallError",
      "info response-non-success-status-added POST /conversations: response 429 added",
      "info response-optional-property-added GET /conversations/{conversation_id}/items/{item_id}: 200: `<ToolSearchOutput>.tools[]<WebSearchTool>.external_web_access` added (also at `<AdditionalTools>.tools[]<WebSearchTool>.external_web_access`)",
      "info response-property-any-of-removed GET /conversations/{conversation_id}/items/{item_id}: 200: `<MCPToolCall>.error` anyOf lost string",
      "info response-non-success-status-added GET /conversations/{conversation_id}/items/{item_id}: response 429 added",
    ],
  },
  {
    name: "service-tier-enum-value-added",
    commits: "db14b6e..d2f0480",
    what: "a shared enum gained 'fast': accepted in requests, a warning where responses carry it",
    expected: [
      'warning response-property-enum-value-added component ServiceTier: `ServiceTier` gained enum value "fast" [GET /chat/completions/{completion_id} (response 200); POST /chat/completions (response 200)]',
      'info request-property-enum-value-added POST /chat/completions: `service_tier` gained enum value "fast"',
    ],
  },
  {
    name: "model-shutdown-date-added",
    commits: "ca34204..23e6f5b",
    what: "a nullable response property added: no caller affected",
    expected: [
      "info response-optional-property-added component Model: `Model.shutdown_date` added [GET /models (response 200); GET /models/{model} (response 200)]",
    ],
  },
  {
    name: "checkpoint-path-parameter-renamed",
    commits: "1ff8b64..bf2a340",
    what: "a path template's parameter renamed (same URLs); DELETE lost its checkpoint parameter",
    expected: [
      "breaking api-path-parameter-renamed DELETE /fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions: path renamed to /fine_tuning/checkpoints/{permission_id}/permissions: the same URLs, but typed calls name the path and its parameters",
      "breaking api-path-parameter-renamed GET /fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions: path renamed to /fine_tuning/checkpoints/{permission_id}/permissions: the same URLs, but typed calls name the path and its parameters",
      "breaking api-path-parameter-renamed POST /fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions: path renamed to /fine_tuning/checkpoints/{permission_id}/permissions: the same URLs, but typed calls name the path and its parameters",
      "warning request-parameter-removed DELETE /fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions: path parameter `fine_tuned_model_checkpoint` removed",
    ],
  },
  {
    name: "translation-format-became-enum",
    commits: "8a023c6..2fc632d",
    what: "an enum the prose already listed is now stated, through a new shared $ref: nothing",
    expected: [],
  },
];

const SERVER_MOVED = [
  "warning api-server-removed Whole API: server https://api.chainhub.tech removed (the client's default base URL)",
  "info api-server-added Whole API: server https://www.anyapi.vip added",
];

/** The ChainHub edition's page (older) -> the anyapi.vip edition's page of the same apifox API. */
const CHAINHUB_APIFOX: RealPair[] = [
  {
    name: "kling-text-to-video-multi-shot",
    commits: "api-386060323",
    what: "multi-shot fields added, one of them required; prompt and sound made optional; kling-v3",
    expected: [
      'breaking request-property-became-enum POST /kling/v1/videos/text2video: `sound` now only accepts "on", "off" (inferred from description)',
      "breaking new-required-request-property POST /kling/v1/videos/text2video: `multi_shot` added (required)",
      SERVER_MOVED[0]!,
      SERVER_MOVED[1]!,
      'info request-property-enum-value-added POST /kling/v1/videos/text2video: `model_name` gained enum value "kling-v3" (inferred from description)',
      "info request-property-became-optional POST /kling/v1/videos/text2video: `prompt` became optional",
      "info request-property-became-optional POST /kling/v1/videos/text2video: `sound` became optional",
      "info new-optional-request-property POST /kling/v1/videos/text2video: `shot_type` added",
      "info new-optional-request-property POST /kling/v1/videos/text2video: `multi_prompt` added",
      "info new-optional-request-property POST /kling/v1/videos/text2video: `watermark_info` added",
    ],
  },
  {
    name: "flux-dev-range-restated",
    commits: "api-326441625",
    what: "a description the older page had lost states a range and a default again",
    expected: [
      SERVER_MOVED[0]!,
      "warning request-property-max-set POST /fal-ai/flux-1/dev: `num_images` maximum set to 4 (inferred from description)",
      "warning request-property-min-set POST /fal-ai/flux-1/dev: `num_images` minimum set to 1 (inferred from description)",
      SERVER_MOVED[1]!,
      "info request-property-default-value-added POST /fal-ai/flux-1/dev: `num_images` default set to 1 (inferred from description)",
    ],
  },
  {
    name: "flux-kontext-translated",
    commits: "api-326486293",
    what: "English prose -> Chinese prose, the same constraints; a global security line restored",
    expected: [
      SERVER_MOVED[0]!,
      SERVER_MOVED[1]!,
      "info api-global-security-added Whole API: security requirement bearer added",
    ],
  },
  {
    name: "veo3-translated",
    commits: "api-352567449",
    what: "English prose -> Chinese prose: enums, defaults and booleans read alike in both",
    expected: SERVER_MOVED,
  },
];

function compare(folder: string): Change[] {
  const side = (name: string) =>
    loadSide(`test/fixtures/diff-history/${folder}/${name}.yaml`, repoRoot, { kind: "none" });
  const [base, head] = [side("base"), side("head")];
  const changes = compareDocuments(base.document, head.document);
  locateChanges(changes, { base: base.source, head: head.source });
  return changes;
}

function findings(folder: string): string[] {
  return compare(folder).map(describeChange);
}

function describeChange(change: Change): string {
  const source = change.source === "spec" ? "" : ` (${change.source})`;
  const reaches = change.operations ? ` [${change.operations.join("; ")}]` : "";
  return `${change.level} ${change.id} ${groupOf(change)}: ${change.message}${source}${reaches}`;
}

describe("real histories: openai/openai-openapi", () => {
  it.each(OPENAI.map((pair) => [`${pair.commits} ${pair.what}`, pair] as const))(
    "%s",
    (_title, pair) => {
      expect(findings(`openai/${pair.name}`)).toEqual(pair.expected);
    },
  );
});

describe("real snapshots: the vendor's apifox project, ChainHub edition -> anyapi.vip edition", () => {
  it.each(CHAINHUB_APIFOX.map((pair) => [`${pair.commits} ${pair.what}`, pair] as const))(
    "%s",
    (_title, pair) => {
      expect(findings(`chainhub-apifox/${pair.name}`)).toEqual(pair.expected);
    },
  );
});

describe("real pairs, as a reviewer reads them", () => {
  it("gives every change a line in the head file, servers and security requirements too", () => {
    const unplaced = ["flux-kontext-translated", "kling-text-to-video-multi-shot"].flatMap((name) =>
      compare(`chainhub-apifox/${name}`).filter((c) => !c.where?.head),
    );
    expect(unplaced.map(describeChange)).toEqual([]);
    // The removed server's own line and the head's `servers:`; then the other way round.
    const servers = compare("chainhub-apifox/veo3-translated").map(
      (c) => `${c.where?.base?.line} -> ${c.where?.head?.line}`,
    );
    expect(servers).toEqual(["98 -> 97", "97 -> 98"]);
  });
});
