// tensor-parallel-gpus and shm-missing: the engine's tensor-parallel size against what the pod has.
// - vLLM's `--tensor-parallel-size N` (`-tp N`) and SGLang's `--tp-size N` (`--tensor-parallel-size N`) shard the
//   model over N GPUs of the pod; with fewer `nvidia.com/gpu` in the container's limits the
//   engine fails at start (it cannot place N workers). Compared only with a whole-number limit.
// - N > 1 workers exchange tensors through shared memory (NCCL), and a container's /dev/shm is
//   64 MiB unless a memory-backed emptyDir is mounted there: vLLM's and SGLang's Kubernetes
//   guides mount one (the Docker equivalent is --ipc=host or --shm-size). Without it the
//   workers fail or stall. How large it must be is not said here.
import { isPlainMap } from '../merge';
import type { GroupView } from '../model-groups';
import { normalizePath, volumeNamed } from './engine-weights';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { engineKind } from './served-names';

const FLAGS: Record<'vllm' | 'sglang', readonly string[]> = {
  vllm: ['--tensor-parallel-size', '-tp'],
  sglang: ['--tp-size', '--tensor-parallel-size'],
};

/** The last tensor-parallel size the engine's words give (argparse keeps the last), with where it is written. */
function tensorParallel(group: GroupView): { size: number; path: (string | number)[] } | null {
  const engine = engineKind(group);
  if (!engine) return null;
  const words = group.engineWords();
  let found: { size: number; path: (string | number)[] } | null = null;
  for (let i = 0; i < words.length; i++) {
    const { word, path } = words[i];
    const flag = FLAGS[engine].find((f) => word === f || word.startsWith(f + '='));
    if (!flag) continue;
    const raw = word.includes('=') ? word.slice(flag.length + 1) : words[i + 1]?.word;
    const where = word.includes('=') ? path : words[i + 1]?.path ?? path;
    if (raw !== undefined && /^\d+$/.test(raw)) found = { size: Number(raw), path: where };
  }
  return found;
}

function gpuLimit(group: GroupView): number | null {
  const resources = isPlainMap(group.values.resources) ? group.values.resources : {};
  const limits = isPlainMap(resources.limits) ? resources.limits : {};
  const value = limits['nvidia.com/gpu'];
  const count = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : null;
  return count !== null && Number.isInteger(count) ? count : null;
}

function hasShm(group: GroupView): boolean {
  return group.engine.mounts.some((mount) => {
    if (normalizePath(mount.mountPath) !== '/dev/shm') return false;
    const volume = volumeNamed(group, mount.name);
    return volume?.source === 'emptyDir' && volume.spec.medium === 'Memory';
  });
}

function check(context: RuleContext): RuleFinding[] {
  return context.groups().flatMap((group): RuleFinding[] => {
    const tp = tensorParallel(group);
    if (!tp || tp.size <= 1) return [];
    const findings: RuleFinding[] = [];
    const gpus = gpuLimit(group);
    if (gpus !== null && tp.size > gpus) {
      findings.push({
        code: 'tensor-parallel-gpus',
        message: `\`${group.name}\` shards the model over ${tp.size} GPUs (tensor parallel) but its container is given ${gpus}: the engine cannot start its workers.`,
        range: context.rangeFor(tp.path, 'value'),
        data: { group: group.name, tensorParallel: tp.size, gpus },
      });
    }
    if (!hasShm(group)) {
      findings.push({
        code: 'shm-missing',
        message: `\`${group.name}\` runs ${tp.size} tensor-parallel workers, which share memory through /dev/shm, but mounts no memory-backed emptyDir there (64 MiB by default).`,
        range: context.rangeFor(tp.path, 'value'),
        data: { group: group.name, tensorParallel: tp.size },
      });
    }
    return findings;
  });
}

export const rule: Rule = {
  codes: [
    { code: 'tensor-parallel-gpus', severity: 'error', summary: 'A tensor-parallel size above the GPUs the engine container is given.' },
    { code: 'shm-missing', severity: 'warning', summary: 'Tensor-parallel workers without a memory-backed emptyDir at /dev/shm.' },
  ],
  charts: ['inference-stack'],
  scope: 'group',
  check,
};
