import type { Rule } from "./rule.js";

/** Paths, operations, security requirements, bodies, media types, statuses and headers. */
export const OPERATION_RULES: Record<string, Rule> = {
  "endpoint-added": { level: "info" },
  "endpoint-deprecated": { level: "info" },
  "endpoint-reactivated": { level: "info" },
  "api-path-removed-without-deprecation": { level: "breaking" },
  "api-path-removed-with-deprecation": { level: "info" },
  // The URL is the same, but the generated client is keyed on the template and its names.
  "api-path-parameter-renamed": { level: "breaking", ours: true },
  "api-removed-without-deprecation": { level: "breaking" },
  "api-removed-with-deprecation": { level: "info" },
  "api-operation-id-removed": { level: "info" },
  "api-operation-id-added": { level: "info" },
  "api-security-added": { level: "info" },
  "api-security-removed": { level: "info" },
  "api-global-security-added": { level: "info" },
  "api-global-security-removed": { level: "info" },
  // oasdiff rates a new scope info; a token issued without it is now refused.
  "api-security-scope-added": { level: "warning" },
  "api-security-scope-removed": { level: "info" },
  "api-global-security-scope-added": { level: "warning" },
  "api-global-security-scope-removed": { level: "info" },
  "added-required-request-body": { level: "breaking" },
  "added-optional-request-body": { level: "info" },
  // oasdiff: callers who send the body now send what the operation no longer describes.
  "request-body-removed": { level: "breaking" },
  "request-body-media-type-schema-added": { level: "breaking" },
  "request-body-media-type-schema-removed": { level: "info" },
  "response-body-media-type-schema-added": { level: "info" },
  "response-body-media-type-schema-removed": { level: "warning" },
  "request-body-became-required": { level: "breaking" },
  "request-body-wrapped-in-one-of": { level: "breaking" },
  "request-body-became-optional": { level: "info" },
  "request-body-media-type-added": { level: "info" },
  "request-body-media-type-removed": { level: "breaking" },
  "response-media-type-added": { level: "info" },
  "response-media-type-removed": { level: "breaking" },
  "response-success-status-added": { level: "info" },
  "response-success-status-removed": { level: "breaking" },
  "response-non-success-status-added": { level: "info" },
  "response-non-success-status-removed": { level: "info" },
  // Response headers, matched by name without case (Content-Type is the media type's, not one).
  "required-response-header-removed": { level: "breaking" },
  "optional-response-header-removed": { level: "warning" },
  "response-header-became-optional": { level: "breaking" },
  "response-header-added": { level: "info" },
  "response-header-type-changed": { level: "breaking" },
  "response-header-type-specialized": { level: "info" },
  "response-header-became-nullable": { level: "breaking" },
  "response-header-became-not-nullable": { level: "info" },
};

/** Servers, security scheme definitions, and a comparison cut short: document-wide. */
export const DOCUMENT_RULES: Record<string, Rule> = {
  // Ours: a comparison cut short by depth or budget on a hostile spec (report-cut.ts) must not
  // pass as "no changes": breaking, so the diff fails until a reviewer has looked.
  "schema-comparison-cut-short": { level: "breaking", ours: true },
  // Ours: oasdiff does not compare servers or security scheme definitions.
  "api-server-removed": { level: "warning", ours: true },
  "api-server-added": { level: "info", ours: true },
  "security-scheme-removed": { level: "warning", ours: true },
  "security-scheme-added": { level: "info", ours: true },
  "security-scheme-changed": { level: "warning", ours: true },
};
