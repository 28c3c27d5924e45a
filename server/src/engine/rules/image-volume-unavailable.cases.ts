// Cases for image-volume-unavailable: the cluster's Kubernetes version against image volumes
// (alpha 1.31, the ImageVolume gate until 1.35) and subPath on their mounts (from 1.33).
import type { RuleCases } from './cases';

const BH = 'ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it';

/** The zero-copy recipe: the engine mounts the image volume, with `subPath` or without. */
function zeroCopy(subPath: string, imageMark = ''): string {
  return `modelGroups:
  vllm-gemma:
    enabled: true
    command: [vllm, serve, /models/gemma]
    volumeMounts:
      - name: weights
        mountPath: /models/gemma
${subPath}        readOnly: true
    volumes:
      - name: weights
        image:${imageMark}
          reference: ${BH}
`;
}

export const cases: RuleCases = {
  code: 'image-volume-unavailable',
  trigger: [
    {
      name: 'Kubernetes 1.30 has no image volumes',
      settings: { kubernetesVersion: '1.30' },
      message: /^Kubernetes 1\.30 has no image volumes \(alpha from 1\.31\): the API server drops `image` and rejects volume `weights` without a source$/,
      at: 'image',
      data: { volume: 'weights', kubernetesVersion: '1.30', needs: '1.31' },
      text: zeroCopy('', ' # expect'),
    },
    {
      name: 'a patch version with a v: v1.29.8',
      settings: { kubernetesVersion: 'v1.29.8' },
      text: zeroCopy('', ' # expect'),
    },
    {
      name: 'Kubernetes 1.34: the feature gate is needed',
      settings: { kubernetesVersion: '1.34' },
      message: /ImageVolume feature gate on Kubernetes 1\.34/,
      text: zeroCopy('        subPath: models\n', ' # expect'),
    },
    {
      name: 'Kubernetes 1.32: the gate, and subPath is rejected',
      settings: { kubernetesVersion: '1.32' },
      text: zeroCopy('        subPath: models # expect\n', ' # expect'),
    },
    {
      name: 'an init container\'s subPath mount on 1.31',
      settings: { kubernetesVersion: '1.31.2' },
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: copy
        image: busybox:1.37.0
        command: [sh, -c, "cp -a /src/. /weights/"]
        volumeMounts:
          - {name: bh, mountPath: /src, subPath: models, readOnly: true} # expect
          - {name: weights, mountPath: /weights}
    volumeMounts: [{name: weights, mountPath: /weights}]
    volumes:
      - name: bh
        image: {reference: "${BH}"} # expect
      - name: weights
        emptyDir: {}
`,
    },
  ],
  silent: [
    { name: 'no version set: nothing is assumed', text: zeroCopy('        subPath: models\n') },
    { name: 'Kubernetes 1.35: on by default, subPath allowed', settings: { kubernetesVersion: '1.35' }, text: zeroCopy('        subPath: models\n') },
    { name: 'Kubernetes 1.36.1-eks', settings: { kubernetesVersion: '1.36.1-eks.4' }, text: zeroCopy('        subPath: models\n') },
    { name: 'a version that is not one', settings: { kubernetesVersion: 'latest' }, text: zeroCopy('') },
    {
      name: 'Kubernetes 1.28 without image volumes',
      settings: { kubernetesVersion: '1.28' },
      text: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    command: [vllm, serve, google/gemma-3-12b-it]\n    volumes: [{name: cache, emptyDir: {}}]\n    volumeMounts: [{name: cache, mountPath: /root/.cache}]\n',
    },
  ],
};
