// Cases for size-limit-too-small. Sizes from the bundled table: gemma-3-12b-it 24374650080 B
// (+10% = 26812115088 B, minimum 25Gi), qwen-3-14b 29536614400 B (+10% = 32490275840 B),
// qwen3-vl-30b-a3b-instruct-fp8 32248158688 B (+10% ≈ 35472974557 B).
import type { RuleCases } from './cases';
import { memoryMediumSilent, memoryMediumTrigger } from './size-limit-memory-medium.cases-data';

export const cases: RuleCases = {
  code: 'size-limit-too-small',
  trigger: [
    ...memoryMediumTrigger,
    {
      name: 'defaults-only group: a Bit Harbor init container fills an emptyDir too small for gemma-3-12b-it',
      message: /`gemma-3-12b-it` \(22\.7 GiB, estimate; 25Gi with 10% headroom\)/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumeMounts: [{name: models, mountPath: /weights}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 20Gi # expect
`,
    },
    {
      name: '25G is 25e9 bytes, below the 26812115088 needed (25Gi would do)',
      message: /25Gi with 10% headroom/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - {name: weights, image: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it", volumeMounts: [{name: models, mountPath: /models}]}
    volumes:
      - name: models
        emptyDir: {sizeLimit: 25G} # expect
`,
    },
    {
      name: 'one byte below model size plus headroom',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 26812115087 # expect
`,
    },
    {
      name: 'copy recipe: busybox copies from a Bit Harbor image volume into 32G (decimal) for qwen-3-14b',
      message: /qwen-3-14b.*measured/,
      text: `modelGroups:
  sglang-qwen:
    enabled: true
    initContainers:
      - name: copy
        image: busybox:1.36
        command: [sh, -c, "cp -r /src/models/. /dst/"]
        volumeMounts:
          - {name: bit-harbor, mountPath: /src, readOnly: true}
          - {name: models, mountPath: /dst}
    volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: bit-harbor
        image: {reference: "ghcr.io/doublewordai/bit-harbor:qwen-3-14b"}
      - name: models
        emptyDir:
          sizeLimit: 32G # expect
`,
    },
    {
      name: 'exponent form 3e10 is below qwen3-vl-30b plus headroom',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:qwen3-vl-30b-a3b-instruct-fp8
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 3e10 # expect
`,
    },
    {
      name: 'anchors: the volume list is written once in a disabled group and aliased by the enabled one',
      text: `modelGroups:
  sglang-qwen:
    enabled: false
    volumes: &weights-volumes
      - name: models
        emptyDir:
          sizeLimit: 10Gi # expect
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes: *weights-volumes
`,
    },
    {
      name: 'a larger headroom setting raises the minimum: 30Gi is short of gemma-3-12b-it plus 50%',
      settings: { sizeHeadroomPercent: 50 },
      message: /35Gi with 50% headroom/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 30Gi # expect
`,
    },
    {
      name: 'a mirror registry from the settings counts as Bit Harbor',
      settings: { registries: ['registry.example.com/mirror/bit-harbor'] },
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: registry.example.com/mirror/bit-harbor:qwen-3-8b
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 8Gi # expect
`,
    },
  ],
  silent: [
    // Was a trigger: Helm reads only the first YAML document of a values file (DOMAIN.md), so the later one
    // is one ignored-document warning and is not checked.
    {
      name: 'multi-document file: the second document is checked on its own',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
---
modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes: [{name: models, emptyDir: {sizeLimit: 1Gi}}]
`,
    },
    ...memoryMediumSilent,
    {
      name: "the loading guide's recipe: 50Gi holds gemma-3-12b-it (24.4 GB); the recipe delivers nothing, which another check reports",
      text: `modelGroups:
  vllm-example:
    enabled: true
    image: {repository: vllm/vllm-openai, tag: latest}
    service: {port: 8000}
    containerPort: 8000
    # Init container to copy model weights from bit-harbor
    initContainers:
      - name: copy-model-weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        command: ["/pause"]
        volumeMounts:
          - name: models
            mountPath: /models
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
          limits:
            cpu: 500m
            memory: 512Mi

    # Volume mounts for main container
    volumeMounts:
      - name: models
        mountPath: /root/.cache/huggingface
        readOnly: false

    # Shared volume for model weights (emptyDir for fast access)
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 50Gi  # Adjust based on model size
`,
    },
    {
      name: 'exactly at the limit: model size plus 10% to the byte',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 26812115088
`,
    },
    {
      name: 'exactly at the limit with no headroom: the model size itself',
      settings: { sizeHeadroomPercent: 0 },
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: "24374650080"
`,
    },
    {
      name: '25Gi (binary) holds what 25G does not',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - {name: weights, image: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it", volumeMounts: [{name: models, mountPath: /models}]}
    volumes:
      - name: models
        emptyDir: {sizeLimit: 25Gi}
`,
    },
    {
      name: 'copy recipe with 32Gi for qwen-3-14b (32G would not do)',
      text: `modelGroups:
  sglang-qwen:
    enabled: true
    initContainers:
      - name: copy
        image: busybox:1.36
        command: [sh, -c, "cp -r /src/models/. /dst/"]
        volumeMounts:
          - {name: bit-harbor, mountPath: /src, readOnly: true}
          - {name: models, mountPath: /dst}
    volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: bit-harbor
        image: {reference: "ghcr.io/doublewordai/bit-harbor:qwen-3-14b"}
      - name: models
        emptyDir:
          sizeLimit: 32Gi
`,
    },
    {
      name: 'exponent form 5e10 holds qwen3-vl-30b plus headroom',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:qwen3-vl-30b-a3b-instruct-fp8
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 5e10
`,
    },
    {
      name: 'no sizeLimit: no eviction threshold, nothing to compare',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir: {}
`,
    },
    {
      name: 'a disabled group renders nothing',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 1Gi
`,
    },
    {
      name: 'an init container with no Bit Harbor image or image volume is not copying weights',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: scratch
        image: busybox:1.36
        command: [sh, -c, "echo ok > /scratch/ready"]
        volumeMounts: [{name: scratch, mountPath: /scratch}]
    volumes:
      - name: scratch
        emptyDir:
          sizeLimit: 1Mi
`,
    },
    {
      name: 'an unknown size is size-unknown, never a guess',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:dw-gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 1Gi
`,
    },
    {
      name: 'a read-only mount of the emptyDir receives nothing',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models, readOnly: true}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 1Gi
`,
    },
  ],
};
