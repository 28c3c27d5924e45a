// gateway-model-mismatch: make the name the gateway forwards one the engine serves, either by
// serving it (`--served-model-name`, added to `args` where the engine names none yet) or by
// forwarding what the engine serves (`modelName`). Neither is safe to apply unseen: which name
// clients and the engine should agree on is the user's call.
import { servedNames, forwardedNames } from '../rules/served-names';
import { fixOf, stringData, type Fix, type FixContext, type FixFinding } from './fix';
import { appendToList, groupNamed, setEntries } from './group-edits';

export function gatewayModelFixes(context: FixContext, finding: FixFinding): Fix[] {
  const group = groupNamed(context, stringData(finding.data, 'group'));
  const served = group ? servedNames(group) : null;
  if (!group || !served) return [];
  const forwarded = [...new Set(forwardedNames(group).map((f) => f.name))];
  const fixes: Fix[] = [];
  // Every name the routes forward, so that fixing one route breaks no other (SGLang takes one).
  if (!served.explicit && (served.engine === 'vllm' || forwarded.length === 1)) {
    const names = forwarded.map((name) => `\`${name}\``).join(', ');
    fixes.push(...fixOf(
      { title: `Serve ${names} (add \`--served-model-name\` to \`args\`)`, kind: 'quickfix', isPreferred: true, safe: false },
      appendToList(context, [...group.path, 'args'], ['--served-model-name', ...forwarded]),
    ));
  }
  const [name] = served.names;
  fixes.push(...fixOf(
    { title: `Set \`modelName\` to \`${name}\``, kind: 'quickfix', isPreferred: served.explicit, safe: false },
    setEntries(context, group.path, { modelName: name }),
  ));
  return fixes;
}
