// Keys that older chart versions read and the current ones silently ignore. They get their own
// message saying what replaced them, and the schema's generic complaints about the same keys
// are dropped so that an old file reads as "old", not as a flood of unrelated errors.
import { isMap, isScalar, type Document } from 'yaml';
import type { ChartId, Finding } from './types';
import { keyText } from './yaml-nodes';

export interface LegacyResult {
  findings: Finding[];
  /** Paths (joined by '/') whose schema issues the legacy finding already explains. */
  explained: Set<string>;
}

interface LegacyKey {
  key: string;
  message: string;
  replacement: string;
}

const PRE_PORTER_TOP: LegacyKey[] = [
  {
    key: 'daemonSet',
    message: '`daemonSet` configured Pre-Porter 0.2.x, which ran one DaemonSet per image; 1.x pre-pulls through an OpenKruise AdvancedCronJob and ignores it. Move scheduling settings to `advancedCronJob` (and its `broadcastJobTemplate.podTemplate`).',
    replacement: 'advancedCronJob',
  },
  {
    key: 'kruise',
    message: '`kruise` toggled the OpenKruise subchart, which Pre-Porter 1.1 dropped; install OpenKruise on the cluster yourself and remove this key (Helm ignores it).',
    replacement: '',
  },
];

const INFERENCE_STACK_TOP: LegacyKey[] = [
  {
    key: 'gateway',
    message: '`gateway` belonged to the older Takeoff-based chart; Inference Stack 0.4 configures its gateway under `onwards`, and ignores this key.',
    replacement: 'onwards',
  },
];

function pairsOf(node: unknown) {
  return isMap(node) ? node.items : [];
}

export function findLegacyKeys(doc: Document, chart: ChartId): LegacyResult {
  const findings: Finding[] = [];
  const explained = new Set<string>();
  const report = (keyNode: unknown, path: string[], message: string, replacement: string) => {
    const range = (keyNode as { range?: [number, number, number] }).range;
    if (!range) return;
    explained.add(path.join('/'));
    findings.push({
      code: 'legacy-key',
      severity: 'warning',
      message,
      range: { start: range[0], end: range[1] },
      data: { key: path[path.length - 1], path: path.join('.'), replacement },
      tags: ['deprecated'],
    });
  };

  const top = chart === 'pre-porter' ? PRE_PORTER_TOP : INFERENCE_STACK_TOP;
  for (const pair of pairsOf(doc.contents)) {
    const legacy = top.find((entry) => entry.key === keyText(pair));
    if (legacy) report(pair.key, [legacy.key], legacy.message, legacy.replacement);
  }
  if (chart !== 'inference-stack') return { findings, explained };

  const groups = pairsOf(doc.contents).find((pair) => keyText(pair) === 'modelGroups')?.value;
  for (const group of pairsOf(groups)) {
    const groupName = keyText(group);
    if (groupName === null) continue;
    const fields = pairsOf(group.value);
    const image = fields.find((pair) => keyText(pair) === 'image');
    if (image && isScalar(image.value) && image.value.value !== null) {
      report(image.key, ['modelGroups', groupName, 'image'],
        '`image` as a string is the old form; the chart now reads a map: `image.repository`, `image.tag` and `image.pullPolicy`.',
        'image.repository');
    }
    const tag = fields.find((pair) => keyText(pair) === 'tag');
    if (tag) {
      report(tag.key, ['modelGroups', groupName, 'tag'],
        '`tag` beside `image` is the old form and is ignored; set `image.tag` instead.', 'image.tag');
    }
  }
  return { findings, explained };
}
