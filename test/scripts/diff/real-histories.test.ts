import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../../scripts/lib/diff/compare-document.js";
import { loadSide } from "../../../scripts/lib/diff/load-side.js";
import { groupOf } from "../../../scripts/lib/diff/report.js";
import { repoRoot } from "../../helpers/run-generate.js";

/**
 * Commit pairs from real spec histories nobody here wrote (test/fixtures/diff-history/SOURCES.md),
 * each judged by hand: the diff reports exactly these findings, so a breaking change never
 * passes and a pair without one raises no alarm.
 */
const TOGETHER: { name: string; commits: string; what: string; expected: string[] }[] = [
  {
    name: "one-of-variants-replaced",
    commits: "cb2fecc..8705f63",
    what: "a string file (binary or URL) became an object variant: callers' requests are rejected",
    expected: [
      "breaking request-property-one-of-removed POST /audio/transcriptions: `file` oneOf lost string(binary)",
      "breaking request-property-one-of-removed POST /audio/transcriptions: `file` oneOf lost string(uri)",
      "info request-property-one-of-added POST /audio/transcriptions: `file` oneOf gained AudioFileBinary",
      "info request-property-one-of-added POST /audio/transcriptions: `file` oneOf gained AudioFileUrl",
      // oasdiff reports it too (request-property-discriminator-added, INFO).
      "info request-property-discriminator-added POST /audio/transcriptions: `file` discriminator added",
    ],
  },
  {
    name: "open-enum-became-string",
    commits: "9a1af69..016ed66",
    what: "voice's open enum (known values or any string) became a string: no caller affected",
    expected: [],
  },
  {
    name: "query-parameter-became-required",
    commits: "3965668..2aeb454",
    what: "a query parameter made required ('fix typo in required')",
    expected: [
      "breaking request-parameter-became-required DELETE /fine-tunes/{id}: query parameter `force` became required",
    ],
  },
  {
    name: "query-parameter-removed",
    commits: "28032d8..32c127f",
    what: "a query parameter removed ('Remove /supported param')",
    expected: [
      "warning request-parameter-removed GET /fine-tunes/models/supported: query parameter `model_name` removed",
      "info response-body-one-of-removed GET /fine-tunes/models/supported: 200: body oneOf lost object",
    ],
  },
  {
    name: "request-field-became-nullable",
    commits: "d59f2d2..c151d75",
    what: "a request field made nullable, its default dropped: no caller affected",
    expected: [
      "info request-property-became-nullable POST /fine-tunes: `random_seed` may now be null",
      'info request-property-default-value-removed POST /fine-tunes: `random_seed` default "none" removed',
    ],
  },
  {
    name: "request-maximum-lowered",
    commits: "9f2b989..5a16067",
    what: "logprobs maximum lowered from 20 to 1",
    expected: [
      "breaking request-property-max-decreased POST /completions: `logprobs` maximum 20 -> 1",
    ],
  },
  {
    name: "required-with-default-and-response-one-of",
    commits: "979f8d6..edb8457",
    what: "request fields made required though they have defaults; a response union restated with components",
    expected: [
      "breaking request-property-became-required POST /fine-tunes: `lr_scheduler.lr_scheduler_args<CosineLRSchedulerArgs>.min_lr_ratio` became required; its default 0 does not spare callers who omit it",
      "breaking request-property-became-required POST /fine-tunes: `lr_scheduler.lr_scheduler_args<CosineLRSchedulerArgs>.num_cycles` became required; its default 0.5 does not spare callers who omit it",
      "warning response-optional-property-removed POST /images/generations: 200: `data[]<ImageResponseDataB64>.url` removed",
      "warning response-optional-property-removed POST /images/generations: 200: `data[]<ImageResponseDataUrl>.b64_json` removed",
      "info response-property-became-required POST /fine-tunes: 200: `lr_scheduler.lr_scheduler_args<CosineLRSchedulerArgs>.min_lr_ratio` became required",
      "info response-property-became-required POST /fine-tunes: 200: `lr_scheduler.lr_scheduler_args<CosineLRSchedulerArgs>.num_cycles` became required",
    ],
  },
  {
    name: "string-became-string-or-integer",
    commits: "66e7e8d..8f5536f",
    what: "response fields typed string(uint64) became string or integer",
    expected: [
      "breaking response-property-type-changed POST /rl/training-sessions: 200: `inference_checkpoints[].step<string(uint64)>` type changed from string(uint64) to string",
      "breaking response-property-one-of-added POST /rl/training-sessions: 200: `inference_checkpoints[].step` oneOf gained integer",
      "breaking response-property-type-changed POST /rl/training-sessions: 200: `training_checkpoints[].step<string(uint64)>` type changed from string(uint64) to string",
      "breaking response-property-one-of-added POST /rl/training-sessions: 200: `training_checkpoints[].step` oneOf gained integer",
      "breaking response-property-type-changed POST /rl/training-sessions: 200: `step<string(uint64)>` type changed from string(uint64) to string",
      "breaking response-property-one-of-added POST /rl/training-sessions: 200: `step` oneOf gained integer",
    ],
  },
];

function findings(folder: string): string[] {
  const side = (name: string) =>
    loadSide(`test/fixtures/diff-history/${folder}/${name}.yaml`, repoRoot, { kind: "none" });
  return compareDocuments(side("base").document, side("head").document).map(
    (c) => `${c.level} ${c.id} ${groupOf(c)}: ${c.message}`,
  );
}

describe("real histories: togethercomputer/openapi", () => {
  it.each(TOGETHER.map((pair) => [`${pair.commits} ${pair.what}`, pair] as const))(
    "%s",
    (_title, pair) => {
      expect(findings(`together/${pair.name}`)).toEqual(pair.expected);
    },
  );
});
