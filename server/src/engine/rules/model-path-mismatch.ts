// The engine is told to load a local path where the weights are not: the mount of a Bit Harbor
// image volume itself (the weights are one level down, in `models/`), an emptyDir nothing fills,
// or a path no volume is mounted on in a group that means to load from Bit Harbor.
import { type GroupView, type MountView } from '../model-groups';
import type { PathSegment } from '../yaml-nodes';
import {
  bitHarborImageVolume,
  engineModelReference,
  engineWeights,
  involvesBitHarbor,
  isAbsolutePath,
  isAlwaysEmpty,
  isAtOrUnder,
  normalizePath,
  volumeNamed,
} from './engine-weights';
import type { Rule, RuleContext, RuleFinding } from './rule';

/** The engine mount that `path` lies in: the deepest one, as the kernel resolves it. */
function coveringMount(group: GroupView, path: string): MountView | undefined {
  return group.engine.mounts
    .filter((m) => isAtOrUnder(path, m.mountPath))
    .sort((a, b) => normalizePath(b.mountPath).length - normalizePath(a.mountPath).length)[0];
}

/** Why `path` holds no weights, or null when it does or may (PVCs, hostPath: contents unknown). */
function problem(group: GroupView, path: string, registries: readonly string[]): { why: string; related?: PathSegment[] } | null {
  const weights = engineWeights(group, registries);
  if (weights.some((w) => isAtOrUnder(path, w.path))) return null;
  const mount = coveringMount(group, path);
  const volume = mount ? volumeNamed(group, mount.name) : undefined;
  if (mount && volume && bitHarborImageVolume(volume, registries)) {
    return {
      why: mount.subPath
        ? `image volume \`${volume.name}\` there shows \`${mount.subPath}\`, not the image's \`models/\``
        : `image volume \`${volume.name}\` there shows the image's root, one level above \`models/\``,
      related: [...mount.path, 'mountPath'],
    };
  }
  if (mount && volume && isAlwaysEmpty(group, volume, registries)) {
    return {
      why: `emptyDir \`${volume.name}\` there is empty (no init container copies weights into it)`,
      related: [...mount.path, 'mountPath'],
    };
  }
  if (!mount && involvesBitHarbor(group, registries)) return { why: 'no volume with weights is mounted on it' };
  return null;
}

function check(context: RuleContext): RuleFinding[] {
  const registries = context.settings.registries;
  return context.groups().flatMap((group): RuleFinding[] => {
    const reference = engineModelReference(group);
    if (!reference || !isAbsolutePath(reference.value)) return [];
    const found = problem(group, reference.value, registries);
    if (!found) return [];
    const expected = engineWeights(group, registries)[0]?.path ?? null;
    return [{
      code: 'model-path-mismatch',
      // Where the weights are (`expected`) is the fix's business and in `data`; the recipes are on the docs page.
      message: `Group \`${group.name}\` loads the model from \`${reference.value}\`, but ${found.why}: ${expected ? `the weights are at \`${expected}\`` : 'the engine finds none and fails to start'}`,
      range: context.rangeFor(reference.path, 'value'),
      related: found.related ? [{ range: context.rangeFor(found.related, 'value'), message: 'the mount this path lies in' }] : undefined,
      data: { group: group.name, path: reference.value, expected },
    }];
  });
}

export const rule: Rule = {
  codes: [{ code: 'model-path-mismatch', severity: 'warning', summary: 'The engine loads a local path where no weights are mounted.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check,
};
