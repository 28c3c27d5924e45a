// Node labels that mark GPU nodes on common setups, for completion in a nodeSelector. The
// user's own GPU targeting (settings `gpu.nodeSelector`) comes first; these fill in the rest.

export interface NodeLabel {
  key: string;
  /** Values worth offering; the first is inserted with the key. */
  values: string[];
  description: string;
}

export const GPU_NODE_LABELS: readonly NodeLabel[] = [
  {
    key: 'nvidia.com/gpu.present',
    values: ['true'],
    description: 'Set by NVIDIA GPU feature discovery (the GPU operator) on every node with an NVIDIA GPU.',
  },
  {
    key: 'nvidia.com/gpu.product',
    values: ['NVIDIA-H100-80GB-HBM3', 'NVIDIA-A100-SXM4-80GB', 'NVIDIA-L40S', 'NVIDIA-L4', 'Tesla-T4'],
    description: 'The GPU model, as NVIDIA GPU feature discovery reports it; pins the group to one kind of card.',
  },
  {
    key: 'nvidia.com/gpu.memory',
    values: ['81559', '40960'],
    description: 'Memory of each GPU in MiB, from NVIDIA GPU feature discovery.',
  },
  {
    key: 'nvidia.com/gpu.count',
    values: ['1', '2', '4', '8'],
    description: 'Number of GPUs on the node, from NVIDIA GPU feature discovery.',
  },
  {
    key: 'cloud.google.com/gke-accelerator',
    values: ['nvidia-l4', 'nvidia-tesla-t4', 'nvidia-tesla-a100', 'nvidia-a100-80gb', 'nvidia-h100-80gb'],
    description: 'GKE: the accelerator type of the node pool.',
  },
  {
    key: 'karpenter.k8s.aws/instance-gpu-name',
    values: ['h100', 'a100', 'l40s', 'l4', 'a10g', 't4'],
    description: 'EKS with Karpenter: the GPU of the instance type.',
  },
  {
    key: 'kubernetes.azure.com/accelerator',
    values: ['nvidia'],
    description: 'AKS: set on GPU node pools.',
  },
  {
    key: 'node.kubernetes.io/instance-type',
    values: [],
    description: 'The cloud instance type of the node (e.g. g6.xlarge, a2-highgpu-1g, Standard_NC24ads_A100_v4).',
  },
];

/** The labels to offer: the configured GPU targeting first, then the common ones not already in it. */
export function nodeLabels(configured: Record<string, string>): NodeLabel[] {
  const own = Object.entries(configured).map(([key, value]) => ({
    key,
    values: [value],
    description: 'How this cluster marks GPU nodes (the `gpu.nodeSelector` setting).',
  }));
  return [...own, ...GPU_NODE_LABELS.filter((label) => !Object.hasOwn(configured, label.key))];
}
