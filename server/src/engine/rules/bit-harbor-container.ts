// A Bit Harbor image run as a container (the documented init-container pattern) delivers its
// weights to no one: the image is FROM scratch with the weights in /models and a no-op /pause.
// One finding per such container, the most specific that applies: a mount that hides /models,
// else a command the image cannot run, else the plain fact that /pause copies nothing.
import { parseBitHarborReference } from '../bit-harbor';
import { type ContainerView, type GroupView } from '../model-groups';
import type { RelatedLocation } from '../types';
import type { PathSegment } from '../yaml-nodes';
import { isAtOrUnder, normalizePath, volumeNamed } from './engine-weights';
import type { Rule, RuleContext, RuleFinding } from './rule';

const PAUSE = '/pause';
const WEIGHTS_DIR = '/models';

function describe(group: GroupView, container: ContainerView): string {
  return container.kind === 'init'
    ? `Init container \`${container.name}\` of group \`${group.name}\``
    : `The engine container of group \`${group.name}\``;
}

/** What the container executes: `command[0]`, else the image's entrypoint /pause (args go to it). */
function program(container: ContainerView): { name: string; path: PathSegment[] } | null {
  const command = container.values.command;
  if (!Array.isArray(command) || command.length === 0) return null;
  return { name: String(command[0]).trim(), path: [...container.path, 'command', 0] };
}

function imagePath(container: ContainerView): PathSegment[] {
  return container.kind === 'init' ? [...container.path, 'image'] : [...container.path, 'image', 'repository'];
}

function checkContainer(context: RuleContext, group: GroupView, container: ContainerView, index: number | null): RuleFinding | null {
  const reference = parseBitHarborReference(container.image, context.settings.registries);
  if (!reference) return null;
  const who = describe(group, container);
  const shadowing = container.mounts.find((m) => isAtOrUnder(WEIGHTS_DIR, m.mountPath));
  const data = (volume: string | null) => ({
    tag: reference.tag, group: group.name, container: container.name, containerIndex: index, kind: container.kind, volume,
  });
  const imageRelated: RelatedLocation = {
    range: context.rangeFor(imagePath(container), 'value'),
    message: `\`${container.image}\`: FROM scratch, weights in /models, only /pause to run`,
  };

  if (shadowing) {
    const volume = volumeNamed(group, shadowing.name);
    const related: RelatedLocation[] = volume ? [{ range: context.rangeFor(volume.path), message: `volume \`${volume.name}\` stays empty` }] : [];
    related.push(...group.engine.mounts.filter((m) => m.name === shadowing.name).map((m) => ({
      range: context.rangeFor([...m.path, 'mountPath'], 'value'),
      message: `the engine reads the empty volume at \`${m.mountPath}\``,
    })));
    return {
      code: 'weights-shadowed',
      // The recipes that work are on the docs page and in the quick fixes.
      message: `${who} mounts volume \`${shadowing.name}\` at \`${normalizePath(shadowing.mountPath)}\`, which hides the image's weights; Kubernetes copies nothing into it, so it stays empty`,
      range: context.rangeFor([...shadowing.path, 'mountPath'], 'value'),
      related,
      data: data(shadowing.name),
    };
  }

  const run = program(container);
  if (run && run.name !== PAUSE) {
    return {
      code: 'init-cannot-run',
      message: `${who} runs \`${run.name}\`, which its Bit Harbor image (FROM scratch: the weights and /pause only) does not have: the container fails to start`,
      range: context.rangeFor(run.path, 'value'),
      related: [imageRelated],
      data: data(container.mounts[0]?.name ?? null),
    };
  }

  const argsNote = !run && Array.isArray(container.values.args) && container.values.args.length > 0
    ? ' (its `args` are handed to /pause, which ignores them)' : '';
  return {
    code: 'weights-unreachable',
    message: `${who} runs /pause${argsNote}, which copies nothing: no volume receives the image's weights`,
    range: context.rangeFor(imagePath(container), 'value'),
    related: container.mounts.map((m) => ({ range: context.rangeFor([...m.path, 'mountPath'], 'value'), message: `volume \`${m.name}\` receives nothing here` })),
    data: data(container.mounts[0]?.name ?? null),
  };
}

export const rule: Rule = {
  codes: [
    { code: 'weights-shadowed', severity: 'warning', summary: 'A Bit Harbor container mounts a volume over /models: the weights are hidden and the volume stays empty.' },
    { code: 'init-cannot-run', severity: 'warning', summary: 'A Bit Harbor container runs a command other than /pause, which its scratch image does not have.' },
    { code: 'weights-unreachable', severity: 'warning', summary: 'A Bit Harbor container runs /pause, which copies nothing: no volume receives the weights.' },
  ],
  charts: ['inference-stack'],
  scope: 'group',
  check(context) {
    return context.groups().flatMap((group) => [
      checkContainer(context, group, group.engine, null),
      ...group.initContainers.map((c) => checkContainer(context, group, c, Number(c.path[c.path.length - 1]))),
    ].filter((finding): finding is RuleFinding => finding !== null));
  },
};
