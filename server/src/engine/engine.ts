// The engine facade: one instance owns the settings and the compiled validators, and turns a
// values file's text into findings. Pure: no I/O, no network, nothing global.
import type { Document } from 'yaml';
import { bundledCatalogue, type Catalogue } from './catalogue/catalogue';
import { codeInfo } from './codes';
import { ignoredDocument, modelineFindings, readDocument } from './document-read';
import { isTooLarge } from './document';
import { namedFiles } from './embedded/analyze';
import { manifestCodeActions } from './embedded/code-actions';
import { analyzeManifest, embeddedViews, manifestReleases, MAX_RELEASES, renderManifestRelease, type EmbeddedView } from './embedded/manifest';
import type { EmbeddedRelease } from './embedded/releases';
import type { TextEdit } from './edit/yaml-edit';
import { fixAllEdits } from './fixes/fix-all';
import { codeActionsFor, type CodeFix, type FixableFinding, type FixDocument, type OtherFile } from './fixes/index';
import { analyzeLayered, type LayeredInput } from './layers/analyze';
import { isPlainMap, type Values } from './merge';
import { readValuesFile, refusalOf, type ValuesFile } from './values-file';
import { issueToFinding } from './schema/messages';
import { createRuleContext } from './rules/context';
import { RULES } from './rules/index';
import type { RuleContext } from './rules/rule';
import { SchemaValidator } from './schema/validator';
import { applySuppressions } from './suppression';
import {
  DEFAULT_SETTINGS,
  type AnalysisInput,
  type AnalysisResult,
  type ChartId,
  type EngineSettings,
  type Finding,
  type OffsetRange,
} from './types';
import { summarizeTags, type TagSummary } from './workspace';
import { YamlCache, type YamlSource } from './yaml-source';
import { AnalysisHistory, groupSpans, keptFindings, keptSites, NotIncremental, reuseFor, withinGroup, type GroupReuse, type PreviousCheck } from './incremental';
import { enabledGroup, modelGroups, type GroupView } from './model-groups';
import { indexedPairLookup } from './yaml-nodes';
import { internalError, isDisabledGroup, isExplained, withoutMisspeltRequired, type Checked, type MergedView } from './merged-check';
import { tagSitesInDocument } from './tag-sites';
import { renderFile, type RenderInput } from './render/of-file';
import { issuesOnRenderedTypes } from './render/printed-types';
import { kubernetesIssues } from './render/kubernetes-types';
import type { RenderedRelease, RenderOptions } from './render/index';

export type { Checked, MergedView } from './merged-check';
export type { EmbeddedView } from './embedded/manifest';


export class Engine {
  readonly settings: EngineSettings;
  readonly catalogue: Catalogue;
  private readonly validator: SchemaValidator;
  /** Engines derived for the release names of GitOps manifests (engineFor). */
  private readonly releaseEngines = new Map<string, Engine>();

  constructor(settings: Partial<EngineSettings> = {}, catalogue: Catalogue = bundledCatalogue(), validator?: SchemaValidator) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings, files: { ...DEFAULT_SETTINGS.files, ...settings.files } };
    this.catalogue = catalogue;
    this.validator = validator ?? new SchemaValidator();
  }

  /** An engine with new settings or a new catalogue that keeps the compiled validators. */
  derive(change: { settings?: Partial<EngineSettings>; catalogue?: Catalogue }): Engine {
    return new Engine(change.settings ?? this.settings, change.catalogue ?? this.catalogue, this.validator);
  }

  /**
   * `yaml`: where the text's parse comes from; `history`: the document's last analysis. A door
   * passes the document's own (yaml-source.ts, incremental.ts), so that an edit costs its part.
   */
  analyze(input: AnalysisInput, yaml: YamlSource = new YamlCache(), history?: AnalysisHistory): AnalysisResult {
    const file = readValuesFile(input, this.settings, yaml);
    if (file.refusal) return { chart: null, detectedBy: null, findings: this.applySeverities([file.refusal]), tags: null };
    let detectedBy: AnalysisResult['detectedBy'] = file.namedBy;
    const findings: Finding[] = modelineFindings(file.modeline);

    let firstChart: ChartId | null = null;
    let tags: TagSummary | null = null;
    const docs = file.docs;
    // Only a file of one document can be checked group by group.
    const memory = history && docs.length === 1 ? { history, owner: { engine: this, path: input.path, chart: input.chart } } : undefined;
    if (history && !memory) {
      history.previous = null;
      history.lastGroup = null;
    }
    // A Flux, Argo CD, helmfile or Kustomize manifest: the values of each release it deploys.
    if (file.manifest) {
      if (history) history.previous = history.lastGroup = null;
      const result = analyzeManifest(input, docs, this.manifestReleases(input, yaml) ?? [], this, history);
      return { ...result, findings: sortUnique(result.findings) };
    }
    // Helm reads the first YAML document of a values file and nothing after it (DOMAIN.md).
    const [values, ...ignored] = docs;
    const chart = values ? file.chartOf(values) : file.namedChart;
    if (values && chart) {
      firstChart = chart;
      detectedBy ??= 'content';
      const analysed = this.analyzeDocument(file, values, chart, memory);
      findings.push(...analysed.findings);
      tags = analysed.tags;
    }
    if (chart) findings.push(...ignored.map((doc) => ignoredDocument(doc, input.text)));
    const controlled = this.applySeverities(applySuppressions(input.text, findings));
    return { chart: firstChart, detectedBy: firstChart ? detectedBy : null, findings: sortUnique(controlled), tags };
  }

  /** The releases of a GitOps manifest (none of ours: empty); null for a values file or other YAML. */
  private manifestReleases(input: AnalysisInput, yaml: YamlSource): EmbeddedRelease[] | null {
    return manifestReleases(input, yaml, this, this.settings);
  }

  /**
   * For a GitOps manifest: the values block that holds `offset`, with an engine that reads its
   * text as values of the release's chart (null when no block holds it). Undefined for any
   * other file, whose own text the features read.
   */
  embeddedAt(input: AnalysisInput, offset: number, yaml: YamlSource = new YamlCache()): EmbeddedView | null | undefined {
    const views = this.embeddedViews(input, yaml);
    return views && (views.find((view) => view.projection.contains(offset)) ?? null);
  }

  /** Every values block of a GitOps manifest, in the file's order; undefined for any other file. */
  embeddedViews(input: AnalysisInput, yaml: YamlSource = new YamlCache()): EmbeddedView[] | undefined {
    if (this.isTooLarge(input.text)) return undefined;
    const releases = this.manifestReleases(input, yaml);
    return releases ? embeddedViews(releases, (change) => this.derive({ settings: { ...this.settings, ...change } })) : undefined;
  }

  /**
   * The files a GitOps manifest's releases need (absolute paths), which the door reads and passes
   * back as `input.files`; none for any other file. Ask again with what was read: a generated
   * ConfigMap's values file is known only once its kustomization is (two rounds at most).
   */
  manifestFiles(input: AnalysisInput, yaml: YamlSource = new YamlCache()): string[] {
    if (this.isTooLarge(input.text)) return [];
    const releases = this.manifestReleases(input, yaml);
    return releases ? namedFiles(releases.slice(0, MAX_RELEASES), input.files ?? new Map()) : [];
  }

  /** The names of the releases of our charts a GitOps manifest declares (null for one the tool generates); undefined for any other file. */
  manifestReleaseNames(input: AnalysisInput): (string | null)[] | undefined {
    return this.isTooLarge(input.text) ? undefined : this.manifestReleases(input, new YamlCache())?.map((release) => release.releaseName);
  }

  /**
   * This engine, or one that names the release as a manifest does: the same one for the same name,
   * so that a release's next check may reuse its groups (the history is kept per engine).
   */
  engineFor(releaseName: string | null): Engine {
    if (!releaseName || releaseName === this.settings.releaseName) return this;
    let engine = this.releaseEngines.get(releaseName);
    if (!engine) {
      // Bounded: a manifest names at most MAX_RELEASES releases; a cache past that starts over.
      if (this.releaseEngines.size >= MAX_RELEASES) this.releaseEngines.clear();
      this.releaseEngines.set(releaseName, (engine = this.derive({ settings: { ...this.settings, releaseName } })));
    }
    return engine;
  }

  /** Whether `text` is over the size limit: then nothing parses it, and features answer nothing. */
  isTooLarge(text: string): boolean {
    return isTooLarge(text, this.settings.maxFileSize);
  }

  /** `bitHarbor.rules` overrides, honoured exactly as set; `off` drops the code. */
  applySeverities(findings: Finding[]): Finding[] {
    const overrides = this.settings.rules;
    return findings.flatMap((finding) => {
      const override = overrides[finding.code];
      if (override === 'off') return [];
      return [override ? { ...finding, severity: override } : finding];
    });
  }

  /**
   * Fixes for `findings` (code, range and data, as a door got them back) and the refactors at
   * `range`, from one parse of the text. `otherFiles` holds the texts of files a fix may edit
   * besides this one (the Pre-Porter files of a not-prepulled finding).
   */
  codeActions(
    input: AnalysisInput & { otherFiles?: OtherFile[] },
    range: OffsetRange | null,
    findings: readonly FixableFinding[],
    yaml: YamlSource = new YamlCache(),
  ): CodeFix[] {
    const { text, otherFiles = [] } = input;
    if (this.isTooLarge(text)) return [];
    const releases = this.manifestReleases(input, yaml);
    if (releases) return manifestCodeActions(releases, range, findings, (release, block, inner) => this.engineFor(release.releaseName).codeActions({ ...input, text: block.text, chart: release.chart }, inner.range, inner.findings));
    return codeActionsFor({ text, documents: this.fixDocuments(input, yaml), settings: this.settings, catalogue: this.catalogue, otherFiles }, range, findings);
  }

  /** Every safe fix of the file at once, as edits of `input.text` (`source.fixAll.bit-harbor`). */
  fixAll(input: AnalysisInput): TextEdit[] {
    return this.isTooLarge(input.text) ? [] : fixAllEdits(this, input);
  }

  /** The document Helm reads, with its chart (decided as analyze decides it) and the values Helm renders from it. */
  private fixDocuments(input: AnalysisInput, yaml: YamlSource): FixDocument[] {
    const file = readValuesFile(input, this.settings, yaml);
    // Helm reads the first document only: the others have no values to fix.
    return file.docs.slice(0, 1).map((doc) => {
      const document = file.documents().find((candidate) => candidate.doc === doc);
      if (document) return document;
      // Of no chart: a fix may still edit its modeline.
      const converted = file.valuesOf(doc);
      return { doc, chart: null, merged: converted.problem === null && isPlainMap(converted.values) ? converted.values : {} };
    });
  }

  /** Findings from other files, under this engine's severity settings. */
  controlCrossFile(text: string, findings: Finding[]): Finding[] {
    return this.applySeverities(applySuppressions(text, findings, { reportUnused: false }));
  }

  private analyzeDocument(file: ValuesFile, doc: Document, chart: ChartId, memory?: Memory): { findings: Finding[]; tags: TagSummary | null } {
    const { text } = file;
    const read = readDocument(doc, chart, text, file.valuesOf);
    const previous = memory?.history.previous ?? null;
    // Replaced below when this check can serve the next one.
    if (memory) {
      memory.history.previous = null;
      memory.history.lastGroup = null;
    }
    if (read.values === null) return { findings: read.findings, tags: null };
    // Group by group only where the edit left every other group's values as they were: no value
    // comes from the edited group through an alias (YamlSource.groupwise).
    const spans = memory && chart === 'inference-stack' && file.groupwise(doc) ? groupSpans(doc, text) : null;
    const merged = file.mergedOf(chart, read.values);
    const view: MergedView = { chart, doc, text, fileValues: read.values, merged, explained: read.explained, groups: () => file.groupsOf(merged, memory ? { written: read.values!, kept: memory.history.groupViews } : undefined) };
    const reuse = spans && previous && sameOwner(previous, memory!.owner) ? reuseFor(previous, doc, text, spans) : null;
    let checked: Checked;
    try {
      checked = this.checkMerged(view, reuse);
    } catch (error) {
      if (!(error instanceof NotIncremental)) throw error;
      checked = this.checkMerged(view, null);
    }
    if (memory && spans) memory.history.previous = { ...memory.owner, text, groups: spans, groupFindings: checked.groupFindings, sites: checked.sites };
    if (memory) memory.history.lastGroup = checked.reused;
    return { findings: [...read.findings, ...checked.findings], tags: checked.tags };
  }

  /**
   * Schema and rule findings of values merged over the chart's defaults. A layered check
   * (layers/analyze.ts) passes how to find nodes across its files; a single file needs nothing.
   */
  checkMerged(view: MergedView, reuse: GroupReuse | null = null): Checked {
    const { chart, doc, text, merged } = view;
    const findings: Finding[] = [];
    const schemaFindings: Finding[] = [];
    const lookup = indexedPairLookup(doc);
    // Every group's view, built once per check: the rules read them, and the Kubernetes check their objects.
    let views: GroupView[] | undefined;
    const groups = () => (views ??= view.groups ? view.groups() : modelGroups(merged as Values));
    const valuesIssues = issuesOnRenderedTypes(chart, merged, this.validator.validate(chart, merged), (values) => this.validator.validate(chart, values));
    const issues = isPlainMap(merged)
      ? kubernetesIssues({ chart, merged, groups: () => groups().filter((group) => group.enabled), validator: this.validator, valuesIssues })
      : valuesIssues;
    for (const issue of issues) {
      if (issue.keyword === 'if' || issue.propertyName !== undefined || isExplained(issue, view.explained)) continue;
      if (issue.keyword === 'required' && isDisabledGroup(merged, issue.path)) continue;
      const finding = view.issueToFinding ? view.issueToFinding(issue) : issueToFinding(issue, doc, lookup);
      if (finding) schemaFindings.push(finding);
    }
    findings.push(...withoutMisspeltRequired(schemaFindings));
    if (!isPlainMap(merged)) return { findings, tags: null, groupFindings: [], sites: [], reused: null };
    const registries = this.settings.registries;
    const sites = reuse
      ? [...keptSites(reuse.previous.sites, reuse), ...reuse.groups.flatMap((group) => tagSitesInDocument(doc, text, chart, registries, { node: group.node, path: ['modelGroups', group.name], parent: reuse.parent }))]
        .sort((a, b) => a.valueRange.start - b.valueRange.start)
      : (view.tagSites?.() ?? tagSitesInDocument(doc, text, chart, registries));
    const context = createRuleContext({
      chart, doc, text, values: merged, fileValues: view.fileValues, catalogue: this.catalogue, settings: this.settings,
      locate: view.locate, tagSites: () => sites, groups,
    });
    const groupFindings = reuse
      ? [...keptFindings(reuse.previous.groupFindings, reuse), ...withinGroup(this.runRules(groupContext(context, reuse), 'group'), reuse)]
      : this.runRules(context, 'group');
    findings.push(...this.runRules(context, 'file'), ...groupFindings);
    return { findings, tags: summarizeTags(doc, chart, merged, sites), groupFindings, sites, reused: reuse ? reuse.groups.map((group) => group.name).join(', ') : null };
  }

  /**
   * A file checked on top of its base files, as `helm install -f base -f file` merges them.
   * The door reads the files (see layers/plan.ts); findings in a base carry its `uri`.
   */
  analyzeLayers(input: LayeredInput): AnalysisResult {
    // The limits of a single file hold for every layer: a file over the size limit or nested too
    // deep is one finding (in a base: on the base) and is not read; the others are checked without it.
    const refusal = (text: string, bytesOnDisk?: number) => refusalOf(text, this.settings, bytesOnDisk);
    const top = refusal(input.text, input.bytesOnDisk);
    if (top) return { chart: null, detectedBy: null, findings: this.applySeverities([top]), tags: null };
    const refused: Finding[] = [];
    const bases = input.bases.filter((base) => {
      const found = refusal(base.text, base.bytesOnDisk);
      if (found) refused.push({ ...found, uri: base.uri });
      return !found;
    });
    const result = analyzeLayered(refused.length > 0 ? { ...input, bases } : input, {
      settings: this.settings,
      checkMerged: (view) => this.checkMerged(view),
      control: (text, findings, reportUnused) => this.applySeverities(applySuppressions(text, findings, { reportUnused })),
    });
    return refused.length > 0 ? { ...result, findings: [...this.applySeverities(refused), ...result.findings] } : result;
  }

  /**
   * The chart's objects rendered from the file's values (over its bases), as `helm template`
   * would produce them; null for a file that is not values of a chart or is too large to read.
   */
  render(input: RenderInput, options: RenderOptions = {}): RenderedRelease | null {
    if (this.isTooLarge(input.text) || (input.bases ?? []).some((base) => this.isTooLarge(base.text))) return null;
    const releases = this.manifestReleases(input, new YamlCache());
    // A GitOps manifest: the release named (else the first), its sources merged as the tool merges them.
    if (releases) return renderManifestRelease(releases, input, this.settings, options);
    // The release a person configured (bitHarbor.releaseName) unless the caller names one.
    const releaseName = options.releaseName || this.settings.releaseName || undefined;
    return renderFile(input, this.settings, { ...options, ...(releaseName ? { releaseName } : {}) });
  }

  /** The rules of one scope (Rule.scope) that apply to the context's chart. */
  private runRules(context: RuleContext, scope: 'group' | 'file'): Finding[] {
    const { chart } = context;
    const findings: Finding[] = [];
    for (const rule of RULES) {
      if (!rule.charts.includes(chart) || (rule.scope === 'group') !== (scope === 'group')) continue;
      try {
        for (const finding of rule.check(context)) {
          findings.push({ ...finding, severity: finding.severity ?? codeInfo(finding.code)?.severity ?? rule.codes[0].severity });
        }
      } catch (error) {
        // A check with a bug must not take the other findings down with it.
        findings.push(internalError(rule.codes[0].code, error));
      }
    }
    return findings;
  }
}

/** The document's history and whose check it would be (analyze's input and engine). */
interface Memory {
  history: AnalysisHistory;
  owner: { engine: object; path: string | undefined; chart: string | undefined };
}

function sameOwner(previous: PreviousCheck, owner: Memory['owner']): boolean {
  return previous.engine === owner.engine && previous.path === owner.path && previous.chart === owner.chart;
}

/** The rule context narrowed to the edited group: its view alone, its tag sites alone. */
function groupContext(context: RuleContext, reuse: GroupReuse): RuleContext {
  const sites = context.tagSites().filter((site) => site.valueRange.start >= reuse.span.start && site.valueRange.start < reuse.span.end);
  return { ...context, groups: () => reuse.groups.flatMap((group) => enabledGroup(context.values, group.name)), tagSites: () => sites };
}


/** In file order; findings at one range by code, then message, so the order never depends on which rules ran first. */
function sortUnique(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const key = `${f.code}|${f.range.start}|${f.range.end}|${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || compareText(a.code, b.code) || compareText(a.message, b.message));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
