// Cases for base-unreadable: a `base=` naming a file that cannot be read is one finding on it.
import type { LayerCases } from './cases';

const GROUP = 'modelGroups:\n  vllm-gemma:\n    replicas: 2\n';
const BASE = 'modelGroups:\n  vllm-gemma:\n    enabled: true\n';

export const cases: LayerCases = {
  code: 'base-unreadable',
  trigger: [
    { name: 'a base that does not exist', text: `# bit-harbor-values: chart=inference-stack base=./value.yaml # expect\n${GROUP}`, files: { 'values.yaml': BASE } },
    { name: 'a base that exists but cannot be read', text: `# bit-harbor-values: chart=inference-stack base=./values.yaml # expect\n${GROUP}`, files: { 'values.yaml': null } },
    { name: 'the second of two bases is missing', text: `# bit-harbor-values: chart=inference-stack base=values.yaml base=values-gpu.yaml # expect\n${GROUP}`, files: { 'values.yaml': BASE } },
    { name: 'a quoted path with a space', text: `# bit-harbor-values: chart=inference-stack base="./my values.yaml" # expect\n${GROUP}`, files: {} },
    { name: 'a base in a parent folder', text: `# bit-harbor-values: base=../values.yaml # expect\n${GROUP}`, files: {} },
    {
      name: 'the base of the base is missing: reported on the base, not here',
      text: `# bit-harbor-values: chart=inference-stack base=./values.yaml\n${GROUP}`,
      files: { 'values.yaml': `# bit-harbor-values: chart=inference-stack base=./common.yaml # expect\n${BASE}` },
    },
  ],
  silent: [
    { name: 'a base that is there', text: `# bit-harbor-values: chart=inference-stack base=./values.yaml\n${GROUP}`, files: { 'values.yaml': BASE } },
    { name: 'no base at all', text: `# bit-harbor-values: chart=inference-stack\n${GROUP}`, files: {} },
    { name: 'two bases, both there', text: `# bit-harbor-values: base=values.yaml base=values-gpu.yaml\n${GROUP}`, files: { 'values.yaml': BASE, 'values-gpu.yaml': BASE } },
    { name: 'base= outside the modeline is just a comment', text: `# see base=./nothing.yaml\n${GROUP}`, files: {} },
    { name: 'an empty base file', text: `# bit-harbor-values: chart=inference-stack base=./values.yaml\n${GROUP}`, files: { 'values.yaml': '' } },
    { name: 'layer globs only name files that exist', text: GROUP, files: { 'values.yaml': BASE }, layers: [['values.yaml', 'values-*.yaml']] },
  ],
};
