/**
 * Ids and keys in the order of their characters' codes (not the locale's), so
 * that every machine sorts them alike: "B10" before "B2", "Z" before "a".
 */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
