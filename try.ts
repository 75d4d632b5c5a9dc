import { readFileSync, readdirSync } from "node:fs";
import { buildContract } from "./scripts/lib/build-contract.js";
import { Diagnostics, formatDiagnostic } from "./scripts/lib/diagnostics.js";
import { renderOutputs } from "./scripts/lib/emit/render-outputs.js";
import { provenanceOf } from "./scripts/lib/emit/banner.js";
const ov = readdirSync("spec/overlays").sort().map(n => ({ name: "spec/overlays/" + n, text: readFileSync("spec/overlays/" + n, "utf8") }));
const spec = { name: "spec/chainhub-fal-ai.apifox.yaml", text: readFileSync("spec/chainhub-fal-ai.apifox.yaml", "utf8") };
const r = buildContract(spec, ov);
console.time("render");
const d = new Diagnostics("x");
const files = await renderOutputs(r.document!, provenanceOf(spec, ov), d);
console.timeEnd("render");
d.items.forEach(x => console.log(formatDiagnostic(x)));
for (const [n, t] of files) { if (n !== "openapi.json") { console.log("=====", n); console.log(t); } }
