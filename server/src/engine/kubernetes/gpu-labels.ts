// The node labels by which platforms mark GPU nodes (DOMAIN.md), for telling whether a selector
// or a node affinity targets GPU nodes. A key matches a pattern exactly, or by prefix where the
// pattern ends with `*`.
//   NVIDIA GPU feature discovery / GPU Operator: nvidia.com/gpu.present, .product, .count, ...
//   GKE: cloud.google.com/gke-accelerator
//   EKS: k8s.amazonaws.com/accelerator; Karpenter: karpenter.k8s.aws/instance-gpu-*
//   AKS: accelerator (value nvidia), kubernetes.azure.com/accelerator
//   Node Feature Discovery: feature.node.kubernetes.io/pci-10de.present (10de: NVIDIA's PCI id)
// A selector on the instance type (node.kubernetes.io/instance-type) names the machines
// outright: taken as deliberate targeting, since which types carry GPUs is not known here.
export const GPU_NODE_LABELS: readonly string[] = [
  'nvidia.com/gpu*',
  'cloud.google.com/gke-accelerator',
  'k8s.amazonaws.com/accelerator',
  'karpenter.k8s.aws/instance-gpu-*',
  'accelerator',
  'kubernetes.azure.com/accelerator',
  'feature.node.kubernetes.io/pci-10de.present',
  'node.kubernetes.io/instance-type',
  'beta.kubernetes.io/instance-type',
];

/** Whether `key` is a GPU node label: one of the platforms' or of `extra` (bitHarbor.gpuNodeLabels). */
export function isGpuNodeLabel(key: string, extra: readonly string[] = []): boolean {
  return [...GPU_NODE_LABELS, ...extra].some((pattern) => (pattern.endsWith('*') ? key.startsWith(pattern.slice(0, -1)) : key === pattern));
}

/**
 * Platforms whose admission adds the GPU toleration to a pod that requests `nvidia.com/gpu`
 * (GKE enables Kubernetes' ExtendedResourceToleration admission plugin and taints GPU node
 * pools `nvidia.com/gpu`): there a missing toleration is not a mistake.
 */
export const PLATFORMS_ADDING_GPU_TOLERATION: readonly string[] = ['gke'];
