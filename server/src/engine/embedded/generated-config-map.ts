// A Flux `valuesFrom` ConfigMap that Kustomize generates beside the HelmRelease, the shape Flux's
// guide shows: the folder's kustomization has `configMapGenerator: [{name, files: [values.yaml=
// my-values.yaml]}]` and the release reads key `values.yaml` of that ConfigMap. The file then is
// a values file of the release like any other. Reading goes in two steps, as the door reads:
// first the kustomization, then the file it names.
import * as nodePath from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import { parseYaml } from '../document';

/** The names Kustomize reads its configuration from, in its order. */
const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export function kustomizationPaths(folder: string): string[] {
  return KUSTOMIZATION_NAMES.map((name) => nodePath.join(folder, name));
}

/** What the door has read: a text, or why not. */
type Read = { text: string } | { problem: string };

/**
 * The values file behind ConfigMap `name`'s key `key`, resolved against the folder, once the
 * kustomization is read; null when it is read and generates no such key; undefined before.
 */
export function generatedValuesFile(folder: string, name: string, key: string, files: ReadonlyMap<string, Read>): string | null | undefined {
  const kustomization = kustomizationPaths(folder).map((path) => files.get(path)).find((read) => read && 'text' in read) as { text: string } | undefined;
  if (!kustomization) return kustomizationPaths(folder).every((path) => files.has(path)) ? null : undefined;
  const root = parseYaml(kustomization.text)[0]?.contents;
  const generators = isMap(root) ? root.get('configMapGenerator') : null;
  if (!isSeq(generators)) return null;
  for (const generator of generators.items) {
    if (!isMap(generator) || String(generator.get('name')) !== name) continue;
    const sources = generator.get('files');
    for (const item of isSeq(sources) ? sources.items : []) {
      if (!isScalar(item) || typeof item.value !== 'string') continue;
      // `key=path`, or `path` whose file name is the key (Kustomize's file sources).
      const [written, path] = item.value.includes('=') ? [item.value.slice(0, item.value.indexOf('=')), item.value.slice(item.value.indexOf('=') + 1)] : [nodePath.basename(item.value), item.value];
      if (written === key && !/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return nodePath.resolve(folder, path);
    }
  }
  return null;
}
