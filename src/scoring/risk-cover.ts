/**
 * Risk components about who covers a lot's hours: supply, N-1 stress, surge
 * cover, growth and (framework lots) cherry-picking. Each is in [0, 1], higher
 * is worse, and each has a file of its own: supply-risk.ts, n1-risk.ts,
 * demand-rise-risk.ts (surge and growth) and cherry-picking-risk.ts.
 */
export { backupSpares, frameworkSupply, supplyRisk } from './supply-risk.js';
export { n1Risk } from './n1-risk.js';
export { growthRisk, surgeRisk } from './demand-rise-risk.js';
export { cherryPickingRisk } from './cherry-picking-risk.js';
