/**
 * The whole contract as result.json carries it: the term's yearly costs, the
 * cost of change and the payment models (docs/contract.md). The contract/
 * modules compute them; the model only names their shapes.
 */
import type { ContractSettings, PaymentModelKind, PaymentSettings } from './contract-settings.js';

interface ContractYearCost {
  readonly period: string;
  readonly annualCost: number;
  /** (1 + discountRate)^-k */
  readonly discountFactor: number;
  /** Hours per week the award serves that year. */
  readonly hoursPerWeek: number;
}

export interface ContractTotals {
  readonly years: readonly ContractYearCost[];
  readonly nominalTotal: number;
  readonly discountedTotal: number;
}

/** A winner's price falls below its lot's cost floor in a later contract year (the floor follows the wage). */
export interface ContractFloorFlag {
  readonly period: string;
  readonly lotId: string;
  readonly bidId: string;
  readonly providerId: string;
  readonly pricePerHour: number;
  readonly floorPerHour: number;
  readonly reason: string;
}

/** result.json `contract` (DESIGN.md section 9; fields may be added, never renamed). */
export interface ContractResult extends ContractTotals {
  readonly startPeriod: string;
  readonly discountRate: number;
  readonly indexation: ContractSettings['indexation'];
  readonly lots: readonly ({ readonly lotId: string } & ContractTotals)[];
  /** The base term followed by every extension year; absent without extensions. */
  readonly withExtensions?: ContractTotals;
  readonly floorFlags: readonly ContractFloorFlag[];
}

/** result.json `transition`: only when the scenario gives today's caseload. */
export interface TransitionResult {
  readonly currentHoursPerWeek: number;
  readonly keptHoursPerWeek: number;
  readonly movedHoursPerWeek: number;
  readonly movedShare: number;
  readonly maxMovedShare: number | null;
  /** £ one-off per weekly hour moved: mobilisation plus double running. */
  readonly costPerMovedHour: number;
  readonly mobilisationCost: number;
  readonly doubleRunningCost: number;
  readonly oneOffCost: number;
  /** The cost of change is part of the objective. */
  readonly priced: boolean;
}

export interface Range {
  readonly low: number;
  readonly central: number;
  readonly high: number;
}

export interface ModelCost {
  /** £ a year the council pays: expected (central), and its range. */
  readonly cost: Range;
  /** £ a year the winners keep over the cost floor: central, and its range. */
  readonly providerMargin: Range;
  /** Who pays when the hours needed differ from the forecast. */
  readonly demandRisk: 'council' | 'provider';
}

export interface PaymentResult {
  readonly compare: readonly PaymentModelKind[];
  readonly lots: readonly {
    readonly lotId: string;
    readonly paidBy: PaymentModelKind;
    readonly models: Readonly<Partial<Record<PaymentModelKind, ModelCost>>>;
  }[];
  /** Every lot under one model, by model. */
  readonly totals: Readonly<Partial<Record<PaymentModelKind, Omit<ModelCost, 'demandRisk'>>>>;
  /** Every lot under the model it is paid by. */
  readonly chosen: Omit<ModelCost, 'demandRisk'>;
  readonly settings: PaymentSettings;
}
