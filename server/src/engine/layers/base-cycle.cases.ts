// Cases for base-cycle: a chain of `base=` entries that comes back to a file already in it.
import type { LayerCases } from './cases';

const GROUP = 'modelGroups:\n  vllm-gemma:\n    replicas: 2\n';
const BASE = 'modelGroups:\n  vllm-gemma:\n    enabled: true\n';

export const cases: LayerCases = {
  code: 'base-cycle',
  trigger: [
    { name: 'the file names itself', text: `# bit-harbor-values: chart=inference-stack base=./values-prod.yaml # expect\n${GROUP}`, files: {} },
    { name: 'the file names itself without ./', text: `# bit-harbor-values: base=values-prod.yaml # expect\n${GROUP}`, files: { 'values.yaml': BASE } },
    {
      name: 'the base names this file back: reported where the loop closes, in the base',
      text: `# bit-harbor-values: chart=inference-stack base=./values.yaml\n${GROUP}`,
      files: { 'values.yaml': `# bit-harbor-values: chart=inference-stack base=./values-prod.yaml # expect\n${BASE}` },
    },
    {
      name: 'a loop through three files',
      text: `# bit-harbor-values: chart=inference-stack base=./values-gpu.yaml\n${GROUP}`,
      files: {
        'values-gpu.yaml': `# bit-harbor-values: base=./values.yaml\n${BASE}`,
        'values.yaml': `# bit-harbor-values: base=./values-gpu.yaml # expect\n${BASE}`,
      },
    },
    { name: 'the second base= is this file', text: `# bit-harbor-values: base=./values.yaml base=./values-prod.yaml # expect\n${GROUP}`, files: { 'values.yaml': BASE } },
  ],
  silent: [
    { name: 'a plain base', text: `# bit-harbor-values: base=./values.yaml\n${GROUP}`, files: { 'values.yaml': BASE } },
    {
      name: 'two files sharing one base',
      text: `# bit-harbor-values: base=./values-gpu.yaml base=./values-eu.yaml\n${GROUP}`,
      files: { 'values-gpu.yaml': `# bit-harbor-values: base=./values.yaml\n${BASE}`, 'values-eu.yaml': `# bit-harbor-values: base=./values.yaml\n${BASE}`, 'values.yaml': BASE },
    },
    { name: 'the same base twice', text: `# bit-harbor-values: base=./values.yaml base=./values.yaml\n${GROUP}`, files: { 'values.yaml': BASE } },
    { name: 'a chain of three', text: `# bit-harbor-values: base=./values-gpu.yaml\n${GROUP}`, files: { 'values-gpu.yaml': `# bit-harbor-values: base=./values.yaml\n${BASE}`, 'values.yaml': BASE } },
    { name: 'layer globs do not make a file its own base', text: GROUP, files: { 'values.yaml': BASE }, layers: [['values*.yaml', 'values-*.yaml']] },
  ],
};
