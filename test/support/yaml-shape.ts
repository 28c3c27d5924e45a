// A YAML document as text, node by node (class, range, value, scalar type, source, format,
// flow, tag): two parses are the same when their shapes are equal strings.
import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';

function describe(node: unknown, out: string[], depth = 0): void {
  const pad = ' '.repeat(depth);
  if (isPair(node)) {
    describe(node.key, out, depth);
    describe(node.value, out, depth + 1);
  } else if (isScalar(node)) {
    const value = node.value instanceof Date ? `Date(${node.value.toISOString()})` : typeof node.value === 'number' && Number.isNaN(node.value) ? 'NaN' : JSON.stringify(node.value);
    out.push(`${pad}Scalar ${JSON.stringify(node.range)} ${typeof node.value} ${value} ${node.type} ${JSON.stringify(node.source)} ${node.format ?? ''} ${node.tag ?? ''}`);
  } else if (isMap(node) || isSeq(node)) {
    out.push(`${pad}${isMap(node) ? 'Map' : 'Seq'} ${JSON.stringify(node.range)} ${node.flow ? 'flow' : 'block'} ${node.tag ?? ''}`);
    for (const item of node.items) describe(item, out, depth + 1);
  } else {
    out.push(`${pad}${String(node)}`);
  }
}

export function shape(doc: Document): string {
  const out = [`Document ${JSON.stringify(doc.range)}`];
  describe(doc.contents, out);
  return out.join('\n');
}

