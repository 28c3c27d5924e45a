// The registry of fixes: one provider per finding code (never per message text), and the
// refactors offered wherever the cursor is. The engine hands in the file's documents parsed
// once and merged over their chart's defaults; the doors turn the fixes into their own edits.
import type { OffsetRange } from '../types';
import { bitHarborContainerFixes } from './bit-harbor-container';
import type { Fix, FixableFinding, FixContext, FixFinding, FixProvider, OtherFile, RefactorProvider, FixDocument } from './fix';
import { gpuTargetingFixes, gpuTargetingRefactor } from './gpu-targeting';
import { strategyConflictFixes } from './strategy';
import { gatewayModelFixes } from './gateway-model';
import { commandNotExecutableFixes } from './command';
import { ttlNotAppliedFixes } from './ttl';
import { badValueFixes, legacyKeyFixes, unknownKeyFixes } from './keys';
import { modelPathMismatchFixes, weightsNotUsedFixes } from './model-path';
import { notPrepulledFixes } from './not-prepulled';
import { pvcRwoFixes, pvcRwxFixes, pvcTooSmallFixes } from './persistent-volumes';
import { sizeLimitFixes } from './size-limit';
import { unknownModelRegistryFixes } from './unknown-model';
import { unusedVolumeFixes, volumeNotFoundFixes, volumeNotSharedFixes } from './volumes';

export type { Fix, FixableFinding, OtherFile, FixDocument } from './fix';

const PROVIDERS: Readonly<Record<string, FixProvider>> = {
  'gpu-targeting-missing': gpuTargetingFixes,
  'size-limit-too-small': sizeLimitFixes,
  'volume-not-found': volumeNotFoundFixes,
  'volume-not-shared': volumeNotSharedFixes,
  'unused-volume': unusedVolumeFixes,
  'model-path-mismatch': modelPathMismatchFixes,
  'weights-not-used': weightsNotUsedFixes,
  'weights-shadowed': bitHarborContainerFixes,
  'init-cannot-run': bitHarborContainerFixes,
  'weights-unreachable': bitHarborContainerFixes,
  'legacy-key': legacyKeyFixes,
  'unknown-key': unknownKeyFixes,
  'bad-value': badValueFixes,
  'not-prepulled': notPrepulledFixes,
  'unknown-model': unknownModelRegistryFixes,
  'pvc-too-small': pvcTooSmallFixes,
  'pvc-rwo-blocks-rollout': pvcRwoFixes,
  'pvc-rwx-concurrent-writes': pvcRwxFixes,
  'strategy-conflict': strategyConflictFixes,
  'gateway-model-mismatch': gatewayModelFixes,
  'command-not-executable': commandNotExecutableFixes,
  'ttl-not-applied': ttlNotAppliedFixes,
};

const REFACTORS: readonly RefactorProvider[] = [gpuTargetingRefactor];

/** Codes whose fix removes something on the strength of the whole file's analysis. */
export const WHOLE_FILE_FIXES: ReadonlySet<string> = new Set(['unused-volume']);

export function hasFixProvider(code: string): boolean {
  return Object.hasOwn(PROVIDERS, code);
}

/** A fix, and the index (into the findings asked about) of the finding it fixes, if any. */
export type CodeFix = Fix & { finding?: number };

export interface CodeActionRequest {
  text: string;
  documents: readonly FixDocument[];
  settings: FixContext['settings'];
  catalogue: FixContext['catalogue'];
  otherFiles: readonly OtherFile[];
}

/** The document of the file that holds `offset` (the first, for a modeline above it). */
function documentAt(documents: readonly FixDocument[], offset: number): FixDocument | undefined {
  return documents.find(({ doc }) => doc.range !== undefined && doc.range[0] <= offset && offset <= doc.range[2]) ?? documents[0];
}

function asFinding(finding: FixableFinding): FixFinding | null {
  if (typeof finding.code !== 'string' || !hasFixProvider(finding.code)) return null;
  const data = typeof finding.data === 'object' && finding.data !== null && !Array.isArray(finding.data) ? finding.data : {};
  return { code: finding.code, range: finding.range, data: data as Record<string, unknown> };
}

/** Fixes for `findings`, then the refactors at `range` (none when `range` is null). */
export function codeActionsFor(request: CodeActionRequest, range: OffsetRange | null, findings: readonly FixableFinding[]): CodeFix[] {
  const { documents, ...rest } = request;
  const contextAt = (offset: number): FixContext | null => {
    const document = documentAt(documents, offset);
    return document ? { ...rest, ...document } : null;
  };
  const fixes: CodeFix[] = findings.flatMap((raw, index) => {
    const finding = asFinding(raw);
    const context = finding ? contextAt(finding.range.start) : null;
    if (!finding || !context) return [];
    return PROVIDERS[finding.code](context, finding).map((fix) => ({ ...fix, finding: index }));
  });
  const context = range ? contextAt(range.start) : null;
  // One entry per action: a refactor a finding here already offers as its fix is not listed again
  // (the editor showed *Add GPU node targeting* under both Quick Fix and Rewrite).
  const offered = new Set(fixes.map((fix) => fix.title));
  if (range && context) fixes.push(...REFACTORS.flatMap((refactor) => refactor(context, range)).filter((fix) => !offered.has(fix.title)));
  return fixes;
}
