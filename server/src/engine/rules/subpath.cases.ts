// Cases for subpath.ts: a `subPath` the API server rejects is a bad-value at its value.
import type { RuleCases } from './cases';

const group = (mounts: string) => `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
${mounts}    volumes:
      - name: weights
        emptyDir: {sizeLimit: 40Gi}
`;

export const cases: RuleCases = {
  code: 'bad-value',
  trigger: [
    {
      name: 'an absolute subPath in the engine\'s mount',
      message: /^`subPath` must be a relative path \(Kubernetes rejects the Deployment\): `\/models` in the mount of `weights`$/,
      text: group(`    volumeMounts:
      - name: weights
        mountPath: /models
        subPath: /models # expect
`),
    },
    {
      name: 'a `..` element',
      message: /must not contain '\.\.'/,
      text: group(`    volumeMounts:
      - {name: weights, mountPath: /models, subPath: models/../../etc} # expect
`),
    },
    {
      name: 'just `..`',
      text: group(`    volumeMounts:
      - name: weights
        mountPath: /models
        subPath: ".." # expect
`),
    },
    {
      name: 'in an init container\'s mount',
      text: group(`    initContainers:
      - name: copy
        image: busybox:1.37.0
        command: [sh, -c, "true"]
        volumeMounts:
          - name: weights
            mountPath: /data
            subPath: /data # expect
    volumeMounts:
      - {name: weights, mountPath: /models}
`),
    },
    {
      name: 'in a persistentVolumes entry',
      text: `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    persistentVolumes:
      - name: cache
        size: 100Gi
        mountPath: /root/.cache/huggingface
        subPath: hub/.. # expect
`,
    },
  ],
  silent: [
    {
      name: 'a relative subPath',
      text: group(`    volumeMounts:
      - {name: weights, mountPath: /models, subPath: models}
`),
    },
    {
      name: 'dots inside a name are not a `..` element',
      text: group(`    volumeMounts:
      - {name: weights, mountPath: /models, subPath: llama..v2/weights}
`),
    },
    {
      name: 'a single dot element',
      text: group(`    volumeMounts:
      - {name: weights, mountPath: /models, subPath: ./models}
`),
    },
    {
      name: 'no subPath',
      text: group(`    volumeMounts:
      - {name: weights, mountPath: /models}
`),
    },
    {
      name: 'a disabled group renders nothing',
      text: `modelGroups:
  llama:
    enabled: false
    volumeMounts:
      - {name: weights, mountPath: /models, subPath: /abs}
`,
    },
    {
      name: 'a trailing slash',
      text: group(`    volumeMounts:
      - {name: weights, mountPath: /models, subPath: models/}
`),
    },
  ],
};
