/**
 * Payment models by hand: one lot of 100 h/week at £20 (£104,000 a year),
 * a £18 cost floor, demand between 90% and 120% of the forecast, and the
 * documented defaults.
 */
import { describe, expect, it } from 'vitest';
import { paymentModels, type LotSpend } from '../../src/contract/payment-models.js';
import { paymentSchema } from '../../src/model/contract-settings.js';
import { area, bid, demand, makeScenario, provider } from '../helpers/scenario-builder.js';
import { solved } from '../helpers/run.js';
import { contractLines } from '../../src/contract/summary-lines.js';

const lot: LotSpend = {
  careType: 'standard',
  hourly: 104_000,
  hoursPerWeek: 100,
  weeksPerYear: 52,
  floorPerHour: 18,
  low: 0.9,
  high: 1.2,
};
const defaults = paymentSchema().parse({});
const price = (kind: keyof typeof paymentModels) => paymentModels[kind].price(lot, defaults);
const near = (r: { low: number; central: number; high: number }) => ({
  low: Math.round(r.low * 100) / 100,
  central: Math.round(r.central * 100) / 100,
  high: Math.round(r.high * 100) / 100,
});

describe('payment models of one lot', () => {
  it('hourly: cost and margin follow the hours; the council carries demand', () => {
    const m = price('hourly');
    expect(near(m.cost)).toEqual({ low: 93_600, central: 104_000, high: 124_800 });
    // (£20 − £18) × 100 h × 52 = £10,400 at the forecast.
    expect(near(m.providerMargin)).toEqual({ low: 9_360, central: 10_400, high: 12_480 });
    expect(m.demandRisk).toBe('council');
  });

  it('core-reward: 80% core, 20% reward paid at 50% / 80% / 100% achievement', () => {
    const m = price('core-reward');
    // central 104,000 × (0.8 + 0.2 × 0.8); low 0.9 × 104,000 × (0.8 + 0.2 × 0.5); high 1.2 × 104,000
    expect(near(m.cost)).toEqual({ low: 84_240, central: 99_840, high: 124_800 });
    expect(near(m.providerMargin).central).toBe(99_840 - 93_600);
  });

  it('capitated: Bolton rates scaled from £15 to £24.10 an hour; the provider carries the hours', () => {
    const m = price('capitated');
    // 40% lower (£75 = 5 h), 40% higher (£150 = 10 h), 20% intensive (£320 = 21.33 h) customer-weeks,
    // each rate × 24.10 / 15: 100 h × 52 × £24.10 = £125,320 whatever the hours turn out to be.
    expect(near(m.cost)).toEqual({ low: 125_320, central: 125_320, high: 125_320 });
    // Income fixed, cost at the floor follows the hours: 125,320 − 18 × 100 × 52 × x.
    expect(near(m.providerMargin)).toEqual({ low: 13_000, central: 31_720, high: 41_080 });
    expect(m.demandRisk).toBe('provider');
  });

  it('saved-hours: 0% / 5% / 10% of hours saved, half of each paid for 12 months', () => {
    const m = price('saved-hours');
    // central 104,000 × (1 − 0.05 + 0.5 × 0.05); low 0.9 × 104,000 × (1 − 0.1 + 0.05); high 1.2 × 104,000
    expect(near(m.cost)).toEqual({ low: 88_920, central: 101_400, high: 124_800 });
  });
});

describe('result.json payment', () => {
  it('prices each lot under every model compared, and the award under the models chosen', async () => {
    const scenario = {
      ...makeScenario({
        areas: [area('A1'), area('A2')],
        zones: { A1: 'Z1', A2: 'Z2' },
        demand: [demand('A1', 100, { low: 90, high: 120 }), demand('A2', 50)],
        providers: [provider('P1'), provider('P2')],
        bids: [bid('B1', 'P1', ['A1'], { price: 20 }), bid('B2', 'P2', ['A2'], { price: 30 })],
      }),
      payment: paymentSchema().parse({ compare: ['hourly', 'capitated'], lots: { standard: 'core-reward' } }),
    };
    const result = await solved(scenario);
    const payment = result.payment;
    expect(payment?.lots.map((l) => [l.lotId, l.paidBy, Object.keys(l.models).sort()])).toEqual([
      ['standard:Z1', 'core-reward', ['capitated', 'core-reward', 'hourly']],
      ['standard:Z2', 'core-reward', ['capitated', 'core-reward', 'hourly']],
    ]);
    expect(payment?.totals.hourly?.cost.central).toBe(result.totals.annualCost);
    // 150 h × 52 × £24.10
    expect(payment?.totals.capitated?.cost.central).toBe(187_980);
    // core-reward at 96% of the hourly bill, lot by lot
    expect(payment?.chosen.cost.central).toBeCloseTo(0.96 * 182_000, 6);
    // The printed summary says what the award costs paid as chosen, not only model by model.
    expect(contractLines(result)).toContainEqual(
      expect.stringMatching(/^ {2}as paid \(standard core-reward, the rest hourly\): £0\.17m a year/),
    );
  });
});
