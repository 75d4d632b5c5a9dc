// Preloaded into a command the bench runs (`node --import ./report-peak.mjs ...`): when the
// process exits, writes its peak resident memory in MB to the file named by REPORT_PEAK_TO.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  // maxRSS is in kilobytes: the peak of the whole process, module loading included.
  writeFileSync(process.env.REPORT_PEAK_TO, String(process.resourceUsage().maxRSS / 1024));
});
