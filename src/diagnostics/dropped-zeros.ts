/**
 * Ids of digits lose their leading zeros when a spreadsheet takes the column for numbers
 * ("00123" is saved as 123): the id is then unknown, and its message says why.
 */

/** An id of digits as a spreadsheet keeps it once it took it for a number: "00123" is "123"; null for other ids. */
export const asNumber = (id: string) => (/^\d+$/.test(id) ? id.replace(/^0+(?=\d)/, '') : null);

/** Whether `meant` is `typed` with the leading zeros a spreadsheet dropped ("00123" for "123"). */
export const zerosDropped = (typed: string, meant: string) =>
  meant !== typed && meant.startsWith('0') && asNumber(meant) === typed;
