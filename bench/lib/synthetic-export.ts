/**
 * Builds apifox-style exports of any size with the vendor's real defects (unquoted colons,
 * prose-only enums and ranges, empty responses, no operationIds), for benchmarks.
 */
export function syntheticExport(endpoints: number, variant = 0): string {
  const lines = [
    "openapi: 3.0.1",
    "info:",
    "  title: ''",
    "  description: ''",
    "  version: 1.0.0",
    "paths:",
  ];
  for (let i = 0; i < endpoints; i++) lines.push(...endpoint(i, variant));
  lines.push(
    "components:",
    "  schemas: {}",
    "  securitySchemes:",
    "    bearer:",
    "      type: http",
    "      scheme: bearer",
    "servers:",
    "  - url: https://api.chainhub.tech",
    "    description: Production  Environment",
    "security:",
    "  - bearer: []",
    "",
  );
  return lines.join("\n");
}

function endpoint(i: number, variant: number): string[] {
  const max = 4 + ((i + variant) % 3);
  return [
    `  /fal-ai/model-${i}/edit:`,
    "    post:",
    `      summary: /fal-ai/model-${i}/edit`,
    "      deprecated: false",
    "      description: ''",
    "      parameters: []",
    "      requestBody:",
    "        content:",
    "          application/json:",
    "            schema:",
    "              type: object",
    "              properties:",
    "                prompt:",
    "                  type: string",
    "                  description: Prompt words",
    "                guidance_scale:",
    "                  type: number",
    "                  description: Range value: 1-20",
    "                num_images:",
    "                  type: integer",
    `                  description: Output image count, range: 1-${max}`,
    "                output_format:",
    "                  type: string",
    '                  description: Image output formats: "jpeg", "png"',
    "                aspect_ratio:",
    "                  type: string",
    "                  description: Image aspect ratios, enumerated values: 21:9, 16:9, 4:3, 1:1, 9:16",
    "                image_url:",
    "                  type: string",
    "                  description: Image URL",
    "              required:",
    "                - prompt",
    "                - image_url",
    "              x-apifox-orders:",
    "                - prompt",
    "            example:",
    "              prompt: a cat",
    "              num_images: 1",
    "      responses:",
    "        '200':",
    "          description: ''",
    "          content:",
    "            application/json:",
    "              schema:",
    "                type: object",
    "                properties: {}",
    "      security:",
    "        - bearer: []",
  ];
}
