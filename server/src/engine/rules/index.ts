// Every check the engine runs, one module each. Add a rule here and its codes become known to
// the engine, the docs index and the CLI's SARIF rules.
import type { Rule } from './rule';
import { rule as bitHarborContainer } from './bit-harbor-container';
import { rule as modelPathMismatch } from './model-path-mismatch';
import { rule as weightsNotUsed } from './weights-not-used';
import { rule as gpuTargetingMissing } from './gpu-targeting-missing';
import { rule as invalidName } from './invalid-name';
import { rule as duplicateAlias } from './duplicate-alias';
import { rule as sizeLimitTooSmall } from './size-limit-too-small';
import { rule as volumeNotFound } from './volume-not-found';
import { rule as volumeNotShared } from './volume-not-shared';
import { rule as duplicateVolume } from './duplicate-volume';
import { rule as duplicateMountPath } from './duplicate-mount-path';
import { rule as unusedVolume } from './unused-volume';
import { rule as unknownModel } from './unknown-model';
import { rule as unpublishedModel } from './unpublished-model';
import { rule as invalidTag } from './invalid-tag';
import { rule as imageRegistryMismatch } from './image-registry-mismatch';
import { rule as imageNotRendered } from './image-not-rendered';
import { rule as overrideReplacesGlobal } from './override-replaces-global';
import { rule as prePorterSchedule } from './schedule';
import { rule as pvcTooSmall } from './pvc-too-small';
import { rule as pvcRwoBlocksRollout } from './pvc-rwo-blocks-rollout';
import { rule as pvcRwxConcurrentWrites } from './pvc-rwx-concurrent-writes';
import { rule as pvcStorageClass } from './pvc-storage-class';
import { rule as quantityTooLong } from './quantity-too-long';
import { rule as strategyConflict } from './strategy-conflict';
import { rule as subPath } from './subpath';
import { rule as groupNotRendered } from './group-not-rendered';
import { rule as gatewayModelMismatch } from './gateway-model-mismatch';
import { rule as commandNotExecutable } from './command-not-executable';
import { rule as defaultOverridesValue } from './default-overrides-value';
import { rule as ttlNotApplied } from './ttl-not-applied';
import { rule as duplicateImage } from './duplicate-image';
import { rule as tensorParallel } from './tensor-parallel';
import { rule as ephemeralStorageTooSmall } from './ephemeral-storage-too-small';
import { rule as imageVolumeUnavailable } from './image-volume-unavailable';

export const RULES: readonly Rule[] = [
  unknownModel,
  unpublishedModel,
  invalidTag,
  imageRegistryMismatch,
  bitHarborContainer,
  modelPathMismatch,
  weightsNotUsed,
  gpuTargetingMissing,
  invalidName,
  duplicateAlias,
  sizeLimitTooSmall,
  volumeNotFound,
  volumeNotShared,
  duplicateVolume,
  duplicateMountPath,
  unusedVolume,
  imageNotRendered,
  overrideReplacesGlobal,
  prePorterSchedule,
  pvcTooSmall,
  pvcRwoBlocksRollout,
  pvcRwxConcurrentWrites,
  pvcStorageClass,
  quantityTooLong,
  strategyConflict,
  subPath,
  groupNotRendered,
  gatewayModelMismatch,
  commandNotExecutable,
  defaultOverridesValue,
  ttlNotApplied,
  duplicateImage,
  tensorParallel,
  ephemeralStorageTooSmall,
  imageVolumeUnavailable,
];
