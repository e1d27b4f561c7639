/**
 * Entry point of one benchmark case in its own process:
 * `node dist/bench/case-process.js '<CaseSpec as JSON>'` prints one line: the
 * CaseResult with the process's peak resident memory and the CPU seconds of
 * the case (this process and the solver processes it waited for, such as
 * cbc), which a busy machine disturbs far less than wall time.
 */
import { childCpuSeconds } from './child-cpu.js';
import { runCase, type CaseSpec } from './run-case.js';

const spec = JSON.parse(process.argv[2] ?? '{}') as CaseSpec;
const cpuBefore = process.cpuUsage();
const childBefore = childCpuSeconds();
const result = await runCase(spec);
const own = process.cpuUsage(cpuBefore);
const cpuSeconds = (own.user + own.system) / 1e6 + childCpuSeconds() - childBefore;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ...result, peakRssMb, cpuSeconds })}\n`);
