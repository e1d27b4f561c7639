/**
 * Problems between scenario.json's settings, which zod cannot see key by key: MEAT weights
 * that do not add up to 1, a transition with no current caseload, a whole-life award with no
 * contract, a cost of change the meat objective cannot add, contract settings that are a slip
 * together (model/contract-problems.ts), a payment model named for a care type with no lots. Each is a path and a message, a
 * warning or (unmarked) an error; scenario.json, workbooks and batch overrides all ask here.
 */
import { paymentLotsNoLot } from '../diagnostics/messages.js';
import { contractProblems } from './contract-problems.js';
import type { ContractSettings, PaymentSettings, TransitionSettings } from './contract-settings.js';
import { meatWeightsProblem } from './meat-weights.js';

/** `written`: whether `award.qualityWeight` was written, so the MEAT weights warning is at a weight the file has. */
export function problemsBetweenSettings(
  json: {
    readonly contract?: ContractSettings | undefined;
    readonly transition?: TransitionSettings | undefined;
    readonly payment?: PaymentSettings | undefined;
    /** The lot plan by care type; a merged care type has no lots of its own. */
    readonly lots?: Readonly<Partial<Record<string, object>>> | undefined;
    readonly award: {
      readonly objective: string;
      readonly qualityWeight: number;
      readonly priceWeight: number;
    };
    readonly files: { readonly current?: string | undefined };
    /** The design period; a contract term is checked against it. */
    readonly period: string;
  },
  written: { readonly qualityWeight: boolean },
): { path: (string | number)[]; message: string; warning?: true }[] {
  const problems: { path: (string | number)[]; message: string; warning?: true }[] = [];
  const weights = meatWeightsProblem(json.award, written.qualityWeight);
  if (weights !== null) problems.push(weights);
  if (json.contract !== undefined) problems.push(...contractProblems(json.contract, json.period));
  if (json.transition !== undefined && json.files.current === undefined)
    problems.push({
      path: ['transition'],
      message:
        "has no effect: the scenario gives no files.current (today's caseload, current.csv), so no hours can move",
      warning: true,
    });
  for (const careType of Object.keys(json.payment?.lots ?? {})) {
    const entry = json.lots?.[careType];
    if (json.lots !== undefined && (entry === undefined || 'merge' in entry))
      problems.push({
        path: ['payment', 'lots', careType],
        message: paymentLotsNoLot(careType, entry !== undefined),
        warning: true,
      });
  }
  if (json.award.objective === 'whole-life' && json.contract === undefined)
    problems.push({
      path: ['award', 'objective'],
      message:
        'is "whole-life" but the scenario has no "contract": add e.g. "contract": {"years": 3}, or use "cost"',
    });
  if (json.transition?.priceChange === true && json.award.objective === 'meat')
    problems.push({
      path: ['transition', 'priceChange'],
      message:
        'prices change in money, which the "meat" objective (a score) cannot add: set it to false, or use the "cost" objective',
    });
  return problems;
}
