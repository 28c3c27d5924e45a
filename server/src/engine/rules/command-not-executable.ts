// command-not-executable: the chart renders a group's `command` as the container's `command`
// (deployment.yaml: `if $group.command`, toYaml), and Kubernetes runs its first item as the
// program, replacing the image's entrypoint. A first item that is a flag (`--host`) is no
// program: the container fails to start. The chart's default vllm-gemma group ships such a
// command, so enabling it with only `enabled: true` does this. Init containers' commands are copied
// whole (toYaml $group.initContainers) and are checked alike.
import type { ContainerView } from '../model-groups';
import type { Rule, RuleContext, RuleFinding } from './rule';

const CODE = 'command-not-executable';

function check(context: RuleContext): RuleFinding[] {
  return context.groups().flatMap((group) => [group.engine, ...group.initContainers].flatMap((container: ContainerView): RuleFinding[] => {
    const [first] = container.command;
    if (first === undefined || !first.startsWith('-')) return [];
    const path = [...container.path, 'command', 0];
    const who = container.kind === 'engine' ? `\`${group.name}\`'s engine` : `init container \`${container.name}\``;
    return [{
      code: CODE,
      message: `The command of ${who} starts with \`${first}\`, which Kubernetes runs as the program: the container cannot start. Put the program first, or the flags in \`args\`.`,
      range: context.rangeFor(path, 'value'),
      data: { group: group.name, container: container.kind === 'engine' ? null : container.name, flag: first },
    }];
  }));
}

export const rule: Rule = {
  codes: [{ code: CODE, severity: 'error', summary: 'A container command whose first item is a flag: Kubernetes runs it as the program, and the container never starts.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check,
};
