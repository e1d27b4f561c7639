/**
 * Solver backends by name, for --solver.
 */
import { highsBackend } from '../solve/backend-highs.js';
import { jslpBackend } from '../solve/backend-jslp.js';
import { cbcBackend, isCbcAvailable } from '../solve/backend-cbc.js';
import type { SolverBackend } from '../solve/program.js';
import { solverNames } from '../solve/solver-names.js';
import { CliExit, exitCodes } from './exit.js';
import { dependencyVersion } from './version.js';
import { highsRuntimeFile } from '../solve/highs-shared.js';

export function backendByName(name: string): SolverBackend {
  switch (name) {
    case 'highs':
      return highsBackend;
    case 'jslp':
      return jslpBackend;
    case 'cbc':
      if (!isCbcAvailable())
        throw new CliExit(
          exitCodes.badInput,
          '--solver cbc: no cbc binary on PATH (Debian: apt-get install coinor-cbc)',
        );
      return cbcBackend();
    default:
      throw new CliExit(exitCodes.badInput, `--solver ${name}: choose one of ${solverNames.join(', ')}`);
  }
}

/** The solver and its version, as result.json's run records it ("highs 1.15.3"). */
export function solverVersion(name: string): string {
  switch (name) {
    case 'highs':
      return `highs ${dependencyVersion('highs', highsRuntimeFile)}`;
    case 'jslp':
      return `javascript-lp-solver ${dependencyVersion('javascript-lp-solver')}`;
    default:
      return `${name} (system binary)`;
  }
}
