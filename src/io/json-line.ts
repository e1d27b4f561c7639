/**
 * Where a key path of a JSON text is written: the whole path, so `payment.lots.standard` is
 * found at the payment's key, not at the first `"standard"` of the file (the lot plan's).
 */
import { findNodeAtLocation, type Node, parseTree } from 'jsonc-parser';
import type { LineOf } from '../diagnostics/nearest-line.js';
import { lineAt } from './json-problem.js';

/** The line of a key path (of an item of a list: where it starts) in `text`, already parsed as `root`, or null. */
export function jsonLineIn(text: string, root: Node): LineOf {
  return (path) => {
    const node = findNodeAtLocation(
      root,
      path.map((p) => (typeof p === 'number' ? p : String(p))),
    );
    if (node === undefined) return null;
    return lineAt(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
  };
}

/** The same as `jsonLineIn`, the text parsed on first use. */
export function jsonLine(text: string): LineOf {
  let lineOf: LineOf | undefined;
  return (path) => {
    if (lineOf === undefined) {
      const root = parseTree(text);
      lineOf = root === undefined ? () => null : jsonLineIn(text, root);
    }
    return lineOf(path);
  };
}
