// Values files for the layered checks, shared by the unit, CLI and protocol tests: a base that
// holds a model group and its weights volume, and overrides of it. Sizes from the bundled
// table: gemma-3-12b-it needs 25Gi with 10% headroom, qwen-3-14b 32490275840 B (> 30Gi).

export const BASE = `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumeMounts:
      - name: models
        mountPath: /weights
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 30Gi
      - name: scratch
        emptyDir: {}
`;

/** Mounts the base's `scratch` volume: nothing to report. */
export const MOUNTS_BASE_VOLUME = `# bit-harbor-values: chart=inference-stack base=./values.yaml
modelGroups:
  vllm-gemma:
    volumeMounts:
      - name: models
        mountPath: /weights
      - name: scratch
        mountPath: /scratch
`;

/** Mounts `scrach`, which no layer declares. */
export const MOUNTS_MISSPELT_VOLUME = `# bit-harbor-values: chart=inference-stack base=./values.yaml
modelGroups:
  vllm-gemma:
    volumeMounts:
      - name: models
        mountPath: /weights
      - name: scrach
        mountPath: /scratch
`;

/** Swaps the model for qwen-3-14b: the base's 30Gi sizeLimit is now too small. */
export const SWAPS_MODEL = `# bit-harbor-values: chart=inference-stack base=./values.yaml
modelGroups:
  vllm-gemma:
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:qwen-3-14b
        volumeMounts: [{name: models, mountPath: /models}]
`;

/** A base whose group has a problem of its own: a mount of a volume it does not declare. */
export const BROKEN_BASE = BASE.replace('      - name: models\n        mountPath: /weights\n', '      - name: models\n        mountPath: /weights\n      - name: cache\n        mountPath: /cache\n');

/** Turns the group off: none of its findings count. */
export const DISABLES_GROUP = `# bit-harbor-values: chart=inference-stack base=./values.yaml
modelGroups:
  vllm-gemma:
    enabled: false
`;

/** Deletes the engine's mounts (and so the broken one) with null. */
export const DELETES_MOUNTS = `# bit-harbor-values: chart=inference-stack base=./values.yaml
modelGroups:
  vllm-gemma:
    volumeMounts: null
`;
