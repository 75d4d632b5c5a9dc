// Preloaded into a command the bench runs (`node --import ./report-cpu.mjs ...`): when the
// process exits, writes the CPU time it used (user + system, all threads, in ms) to the file
// named by REPORT_CPU_TO. On a busy machine wall time swings; the CPU a run needed does less.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  writeFileSync(process.env.REPORT_CPU_TO, String((user + system) / 1000));
});
