/** Undo and redo over immutable states. Pure: each step returns a new history. */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

export const startHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

/** A new state; the redo list is dropped. */
export const record = <T>(h: History<T>, next: T): History<T> => ({
  past: [...h.past, h.present],
  present: next,
  future: [],
});

export function undo<T>(h: History<T>): History<T> {
  const previous = h.past[h.past.length - 1];
  return previous === undefined
    ? h
    : { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  const [next, ...rest] = h.future;
  return next === undefined ? h : { past: [...h.past, h.present], present: next, future: rest };
}
