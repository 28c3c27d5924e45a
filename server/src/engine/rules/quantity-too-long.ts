// quantity-too-long: a quantity (a sizeLimit, a PVC size, a resource request or limit) longer
// than this tool reads. Quantities are parsed on every keystroke, in hovers, inlay hints and the
// size checks; a value file is someone else's text, so a 90,000-digit number is not parsed at
// all (see SECURITY.md), and this finding says why those checks are silent about it. It claims
// nothing about what Kubernetes does with such a value.
import { schemaPlaces } from '../authoring/schema-at-path';
import { isPlainMap } from '../merge';
import { isQuantityTooLong, MAX_QUANTITY_LENGTH } from '../quantity';
import type { ChartId } from '../types';
import type { PathSegment } from '../yaml-nodes';
import type { Rule, RuleContext, RuleFinding } from './rule';

/** A tree of the values paths where a chart's schema holds a quantity; `*` is any key or index. */
interface QuantityPaths {
  quantity: boolean;
  children: Map<string, QuantityPaths>;
  /** The children but `*`, as a list: walked with an index, no iterator per node. */
  named: { key: string; node: QuantityPaths }[];
}

const ANY = '*';

function quantityPaths(chart: ChartId): QuantityPaths {
  const root: QuantityPaths = { quantity: false, children: new Map(), named: [] };
  for (const path of schemaPlaces(chart, (resolved) => resolved.definition === 'quantity')) {
    let node = root;
    for (const segment of path) {
      let child = node.children.get(segment);
      if (!child) {
        node.children.set(segment, (child = { quantity: false, children: new Map(), named: [] }));
        if (segment !== ANY) node.named.push({ key: segment, node: child });
      }
      node = child;
    }
    node.quantity = true;
  }
  return root;
}

/** Read once from the shipped schemas: what a check walks is this tree, not the document. */
const QUANTITY_PATHS: Readonly<Record<ChartId, QuantityPaths>> = {
  'inference-stack': quantityPaths('inference-stack'),
  'pre-porter': quantityPaths('pre-porter'),
};

/**
 * Every quantity written too long to read (isQuantityTooLong: the string, trimmed, over the cap;
 * a plain run of digits is a YAML number, which the checks read as one), with its path. Only the
 * places the schema holds quantities are visited: this runs on every full check, and walking the
 * whole of a 36,000-line document was most of a keystroke's rule time.
 */
function longQuantities(values: unknown, paths: QuantityPaths): { path: PathSegment[]; value: string }[] {
  const found: { path: PathSegment[]; value: string }[] = [];
  const trail: PathSegment[] = [];
  // No closure or array per node: the walk runs on every keystroke, and its garbage counted.
  const step = (key: PathSegment, value: unknown, node: QuantityPaths) => {
    trail.push(key);
    walk(value, node);
    trail.pop();
  };
  const walk = (value: unknown, node: QuantityPaths): void => {
    if (node.quantity && isQuantityTooLong(value)) found.push({ path: [...trail], value: value as string });
    if (node.children.size === 0) return;
    const any = node.children.get(ANY);
    if (Array.isArray(value)) {
      if (any) for (let index = 0; index < value.length; index++) step(index, value[index], any);
    } else if (isPlainMap(value)) {
      if (any) {
        for (const key of Object.keys(value)) {
          const named = node.children.get(key);
          if (named) step(key, value[key], named);
          step(key, value[key], any);
        }
      } else {
        const named = node.named;
        for (let index = 0; index < named.length; index++) {
          const { key, node: child } = named[index];
          if (Object.prototype.hasOwnProperty.call(value, key)) step(key, value[key], child);
        }
      }
    }
  };
  walk(values, paths);
  return found;
}

function check(context: RuleContext): RuleFinding[] {
  const reported = new Set<number>();
  return longQuantities(context.fileValues, QUANTITY_PATHS[context.chart]).flatMap(({ path, value }) => {
    const node = context.locate(path)?.value as { range?: [number, number] } | null | undefined;
    const range = node?.range;
    // Reached through an alias, a value is written once: reported there once.
    if (!range || reported.has(range[0])) return [];
    reported.add(range[0]);
    const length = value.trim().length;
    return [{
      code: 'quantity-too-long',
      message: `This quantity is ${length.toLocaleString('en-US')} characters long; quantities over ${MAX_QUANTITY_LENGTH} characters are not read, so the size checks skip it`,
      range: { start: range[0], end: range[1] },
      data: { length, limit: MAX_QUANTITY_LENGTH },
    }];
  });
}

export const rule: Rule = {
  codes: [{ code: 'quantity-too-long', severity: 'warning', summary: 'A quantity longer than 64 characters, which is not read, so the size checks skip it.' }],
  charts: ['inference-stack', 'pre-porter'],
  check,
};
