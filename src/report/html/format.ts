/**
 * Numbers as a council reader expects them: en-GB grouping, currency with its
 * symbol, hours to one decimal, scores as whole numbers.
 */

import { groupedNumber } from '../../model/grouped-number.js';

// Money is the scenario's currency's, from the one formatter (model/money.ts): "money" here is whole units.
export { moneyShort, moneyWhole as money, price } from '../../model/money.js';
export const hours = (x: number): string => groupedNumber(x, 1);
export const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;
export const score = (x: number): string => x.toFixed(0);
