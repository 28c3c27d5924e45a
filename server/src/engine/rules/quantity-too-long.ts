// quantity-too-long: a quantity (a sizeLimit, a PVC size, a resource request or limit) longer
// than this tool reads. Quantities are parsed on every keystroke, in hovers, inlay hints and the
// size checks; a value file is someone else's text, so a 90,000-digit number is not parsed at
// all (see SECURITY.md), and this finding says why those checks are silent about it. It claims
// nothing about what Kubernetes does with such a value.
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { schemaAt } from '../authoring/schema-at-path';
import { MAX_QUANTITY_LENGTH } from '../quantity';
import { keyText, nodeRange, type PathSegment } from '../yaml-nodes';
import type { Rule, RuleContext, RuleFinding } from './rule';

/**
 * Every string scalar written longer than the cap, with its path (a plain run of digits is a
 * YAML number, which the checks read as one); an explicit stack, so depth costs no recursion.
 */
function longScalars(root: Node | null | undefined, text: string): { range: { start: number; end: number }; path: PathSegment[]; length: number }[] {
  const found: { range: { start: number; end: number }; path: PathSegment[]; length: number }[] = [];
  // One path, grown and shrunk as the walk goes, copied only for a hit: this runs over the whole
  // document on every full check, and a path per node was most of its cost.
  const path: PathSegment[] = [];
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isPair(pair) ? keyText(pair) : null;
        if (key === null) continue;
        path.push(key);
        walk(pair.value);
        path.pop();
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        path.push(index);
        walk(item);
        path.pop();
      });
    } else if (isScalar(node) && typeof node.value === 'string') {
      const range = nodeRange(node);
      if (!range || range.end - range.start <= MAX_QUANTITY_LENGTH) return;
      const written = text.slice(range.start, range.end).replace(/^["']|["']$/g, '').trim();
      if (written.length > MAX_QUANTITY_LENGTH) found.push({ range, path: [...path], length: written.length });
    }
  };
  walk(root);
  return found;
}

function check(context: RuleContext): RuleFinding[] {
  return longScalars(context.doc.contents, context.text).flatMap(({ range, path, length }) => {
    if (schemaAt(context.chart, path)?.definition !== 'quantity') return [];
    return [{
      code: 'quantity-too-long',
      message: `This quantity is ${length.toLocaleString('en-US')} characters long; quantities over ${MAX_QUANTITY_LENGTH} characters are not read, so the size checks skip it`,
      range,
      data: { length, limit: MAX_QUANTITY_LENGTH },
    }];
  });
}

export const rule: Rule = {
  codes: [{ code: 'quantity-too-long', severity: 'warning', summary: 'A quantity longer than 64 characters, which is not read, so the size checks skip it.' }],
  charts: ['inference-stack', 'pre-porter'],
  check,
};
