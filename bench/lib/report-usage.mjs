// Preloaded into a command the bench runs (`node --import ./report-usage.mjs ...`): when the
// process exits, writes `{ cpuMs, maxRssMb }` as JSON to the file named by REPORT_USAGE_TO.
// CPU time (user + system), not wall time: other work on a shared machine does not count.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  // maxRSS is in kilobytes: the peak of the whole process, module loading included.
  writeFileSync(
    process.env.REPORT_USAGE_TO,
    JSON.stringify({ cpuMs, maxRssMb: usage.maxRSS / 1024 }),
  );
});
