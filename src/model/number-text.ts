/**
 * A number written in a CSV cell, read exactly: `1200`, `1,200`, `12,345,678.5`,
 * `2.5e3`, `£26.95`. Commas are thousands separators only in their proper
 * places; anything else is an error, never a silent guess (`26,95` is not
 * 2,695, `1,2` is not 12). Pure.
 */

import { withoutMoneySign } from './money.js';
import {
  accountingDash,
  dateForNumber,
  decimalComma as decimalCommaMessage,
  decimalCommaSame,
  percentForNumber,
  settingDecimalComma,
  settingGroupedNumber,
  shareNotNumber,
  dotReadAsDecimal,
  formulaWithoutValue,
  letterOForZero,
  letterOForZeroSame,
  spreadsheetErrorValue,
} from '../diagnostics/messages.js';

/**
 * `same`, when given: the message without what it says of this cell's own value, so cells
 * down a column with the same mistake (`26,95`, `24,50`: a file saved with decimal commas)
 * are told once, with the rows that repeat it.
 */
export type NumberText =
  | { readonly kind: 'ok'; readonly value: number }
  | { readonly kind: 'bad'; readonly message: string; readonly same?: string };

const plain = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/**
 * 1,200 · 12,345,678 · 1,200.50: groups of three after a first group of one to three digits, not
 * starting with 0 (until session 17 "0,500", a decimal comma, read as 500: review17b).
 */
const grouped = /^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/;
/** 26,95 · 1,2 · 1.200,50: a comma used as the decimal point. */
const decimalComma = /^[+-]?\d{1,3}(\.\d{3})*,\d+$|^[+-]?\d+,\d+$/;

/** #N/A, #REF!, #VALUE!, #DIV/0!, #NAME?, #NUM!, #NULL!: what a spreadsheet saves for a formula that failed. */
const spreadsheetError = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/;
/** 1900-01-24 (a workbook's date cell, read), 24/01/1900 (a CSV file saved from one): a number in a cell formatted as a date. */
const dateText = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$|^\d{1,2}\/\d{1,2}\/\d{2,4}$/;
/** A lone dash: how an accounting or "Comma Style" format shows 0, and saves it "as displayed". */
const accountingZero = /^[-–]$/;

/**
 * A number written with a comma as the decimal point (`26,95`, `€1.200,50`), written with a
 * point instead (`26.95`, `1200.50`), or null when `text` has no decimal comma. A comma that can
 * separate thousands (`1,000`) is not one: until mend17d a setting `"1,000"` was told to write 1.000.
 */
function withDecimalPoint(text: string): string | null {
  const s = withoutMoneySign(text.trim());
  return !grouped.test(s) && decimalComma.test(s) ? s.replace(/\./g, '').replace(',', '.') : null;
}

/**
 * What to tell of a number setting written as text (`"1,000"`, `"30,00"`) that reads as a
 * number in a table's cell, or null. The one rule for scenario.json, a workbook's scenario sheet
 * and a batch file (a workbook's cell reads `1,000` as 1000 before this is asked, setting-cells.ts).
 */
export function settingNumberText(text: string): string | null {
  const s = withoutMoneySign(text.trim());
  if (grouped.test(s)) return settingGroupedNumber(text, s.replace(/[+,]/g, ''));
  const point = withDecimalPoint(s);
  return point === null ? null : settingDecimalComma(text, point);
}

/**
 * What to tell of a share written as text that is no percentage the schema reads (`"0,8"`,
 * `"80,5%"`): its decimal comma, as any number setting's (until mend17d only shareNotNumber).
 */
export function shareText(text: string): string {
  const percent = /^(.*?)\s*%$/.exec(text.trim())?.[1];
  const point = percent === undefined ? null : withDecimalPoint(percent);
  if (point !== null) return settingDecimalComma(text, `"${point}%"`);
  return settingNumberText(text) ?? shareNotNumber();
}

/**
 * A number typed with the letter O for a zero (`4OO`, `1,5OO`, `2o.5`), with zeros instead, or
 * null when `s` has no O or is no number with zeros for its Os (`Oak`).
 */
function withZerosForOs(s: string): string | null {
  if (!/[oO]/.test(s)) return null;
  const zeros = s.replace(/[oO]/g, '0');
  return plain.test(zeros) || grouped.test(zeros) ? zeros : null;
}

/** `what` completes "give …", e.g. "the price per hour". */
export function readNumberText(text: string, what: string): NumberText {
  const s = withoutMoneySign(text.trim());
  if (s === '') return { kind: 'bad', message: `is empty: give ${what}` };
  if (plain.test(s)) return { kind: 'ok', value: Number(s) };
  if (s.startsWith('=')) return { kind: 'bad', message: formulaWithoutValue(what) };
  if (spreadsheetError.test(s))
    return { kind: 'bad', message: spreadsheetErrorValue(s), same: spreadsheetErrorValue('') };
  if (accountingZero.test(s)) return { kind: 'bad', message: accountingDash() };
  if (grouped.test(s)) return { kind: 'ok', value: Number(s.replace(/,/g, '')) };
  const point = withDecimalPoint(s);
  if (point !== null) return { kind: 'bad', message: decimalCommaMessage(point), same: decimalCommaSame() };
  if (/^[+-]?[\d,.]+$/.test(s))
    return {
      kind: 'bad',
      message:
        'has commas in the wrong places: a comma may only separate thousands, as in 1,200 or 12,345,678',
    };
  const percent = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(s)?.[1];
  if (percent !== undefined)
    return { kind: 'bad', message: percentForNumber(what, percent), same: 'is a percentage, not a number' };
  if (dateText.test(s)) return { kind: 'bad', message: dateForNumber(what), same: dateForNumber(what) };
  const zeros = withZerosForOs(s);
  if (zeros !== null) return { kind: 'bad', message: letterOForZero(zeros), same: letterOForZeroSame() };
  return { kind: 'bad', message: `is not a number: give ${what}` };
}

/** 1.200 · 12.500 · 250.000: a dot then exactly three digits, as a European spreadsheet writes a thousand (0.500 is not one). */
const dotThousands = /^[1-9]\d{0,2}\.\d{3}$/;

/**
 * What to tell of an hours cell read as a decimal that may be meant as
 * thousands ("1.200": 1.2, or 1,200 written the European way), or null. A
 * warning, not an error: 1.2 hours is a possible figure, and a spreadsheet
 * showing 1.2 with three decimals saves "1.200" too. A number cell of a
 * workbook never reads so (String(1.2) is "1.2"): only text typed so does.
 */
export function dotThousandsWarning(text: string): string | null {
  if (text.length < 5 || !text.includes('.')) return null; // most cells, cheaply: a national demand file has millions
  const s = withoutMoneySign(text.trim());
  if (!dotThousands.test(s)) return null;
  const digits = s.replace('.', '');
  return dotReadAsDecimal(s, Number(s), s.replace('.', ','), digits);
}
