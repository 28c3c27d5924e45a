// The engine facade: one instance owns the settings and the compiled validators, and turns a
// values file's text into findings. Pure: no I/O, no network, nothing global.
import type { Document } from 'yaml';
import inferenceStackDefaults from '../../../schemas/inference-stack.defaults.json';
import prePorterDefaults from '../../../schemas/pre-porter.defaults.json';
import { bundledCatalogue, type Catalogue } from './catalogue/catalogue';
import { codeInfo } from './codes';
import { chartFromContent, chartFromGlobs, findModeline } from './detect';
import { isTooLarge, nestingFinding, parseYaml, sizeFinding, syntaxFindings, toValues } from './document';
import type { TextEdit } from './edit/yaml-edit';
import { fixAllEdits } from './fixes/fix-all';
import { codeActionsFor, type CodeFix, type FixableFinding, type OtherFile, type ValuesDocument } from './fixes/index';
import { findLegacyKeys } from './legacy';
import { isPlainMap, mergeValues } from './merge';
import { issueToFinding } from './schema/messages';
import { createRuleContext } from './rules/context';
import { RULES } from './rules/index';
import type { RuleContext } from './rules/rule';
import { SchemaValidator, type SchemaIssue } from './schema/validator';
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
import { nodeRange } from './yaml-nodes';

const CHART_DEFAULTS: Record<ChartId, unknown> = {
  'inference-stack': inferenceStackDefaults,
  'pre-porter': prePorterDefaults,
};

export class Engine {
  readonly settings: EngineSettings;
  readonly catalogue: Catalogue;
  private readonly validator: SchemaValidator;

  constructor(settings: Partial<EngineSettings> = {}, catalogue: Catalogue = bundledCatalogue(), validator?: SchemaValidator) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings, files: { ...DEFAULT_SETTINGS.files, ...settings.files } };
    this.catalogue = catalogue;
    this.validator = validator ?? new SchemaValidator();
  }

  /** An engine with new settings or a new catalogue that keeps the compiled validators. */
  derive(change: { settings?: Partial<EngineSettings>; catalogue?: Catalogue }): Engine {
    return new Engine(change.settings ?? this.settings, change.catalogue ?? this.catalogue, this.validator);
  }

  analyze(input: AnalysisInput): AnalysisResult {
    const tooLarge = sizeFinding(input.text, this.settings.maxFileSize) ?? nestingFinding(input.text);
    if (tooLarge) return { chart: null, detectedBy: null, findings: this.applySeverities([tooLarge]), tags: null };
    const modeline = input.chart ? null : findModeline(input.text);
    const globChart = input.chart || modeline?.chart ? null : chartFromGlobs(input.path, this.settings.files);
    const fileChart = input.chart ?? modeline?.chart ?? globChart;
    let detectedBy: AnalysisResult['detectedBy'] = input.chart ? 'forced' : modeline?.chart ? 'modeline' : globChart ? 'glob' : null;

    const findings: Finding[] = [];
    if (modeline && modeline.chart === null) {
      findings.push({
        code: 'bad-value',
        severity: 'error',
        message: `\`${modeline.chartText}\` is not a chart this extension knows; use \`chart=inference-stack\` or \`chart=pre-porter\``,
        range: modeline.chartRange,
        data: { value: modeline.chartText, suggestions: ['inference-stack', 'pre-porter'] },
      });
    }

    let firstChart: ChartId | null = null;
    let tags: TagSummary | null = null;
    for (const doc of parseYaml(input.text)) {
      const chart = fileChart ?? chartFromContent(doc);
      if (!chart) continue;
      firstChart ??= chart;
      detectedBy ??= 'content';
      const analysed = this.analyzeDocument(doc, chart, input.text);
      findings.push(...analysed.findings);
      if (analysed.tags) tags = tags && tags.chart === chart ? mergeSummaries(tags, analysed.tags) : (tags ?? analysed.tags);
    }
    const controlled = this.applySeverities(applySuppressions(input.text, findings));
    return { chart: firstChart, detectedBy: firstChart ? detectedBy : null, findings: sortUnique(controlled), tags };
  }

  /** Whether `text` is over the size limit: then nothing parses it, and features answer nothing. */
  isTooLarge(text: string): boolean {
    return isTooLarge(text, this.settings.maxFileSize);
  }

  /** `bitHarbor.rules` overrides, honoured exactly as set; `off` drops the code. */
  private applySeverities(findings: Finding[]): Finding[] {
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
  codeActions(input: AnalysisInput & { otherFiles?: OtherFile[] }, range: OffsetRange | null, findings: readonly FixableFinding[]): CodeFix[] {
    const { text, otherFiles = [] } = input;
    if (this.isTooLarge(text)) return [];
    return codeActionsFor({ text, documents: this.valuesDocuments(input), settings: this.settings, catalogue: this.catalogue, otherFiles }, range, findings);
  }

  /** Every safe fix of the file at once, as edits of `input.text` (`source.fixAll.bit-harbor`). */
  fixAll(input: AnalysisInput): TextEdit[] {
    return this.isTooLarge(input.text) ? [] : fixAllEdits(this, input);
  }

  /** Each YAML document with its chart (decided as analyze decides it) and the values Helm renders from it. */
  private valuesDocuments(input: AnalysisInput): ValuesDocument[] {
    const modeline = input.chart ? null : findModeline(input.text);
    const fileChart = input.chart ?? modeline?.chart ?? chartFromGlobs(input.path, this.settings.files);
    return parseYaml(input.text).map((doc) => {
      const chart = fileChart ?? chartFromContent(doc);
      const converted = toValues(doc);
      const values = converted.problem === null && isPlainMap(converted.values) ? converted.values : {};
      const merged = chart ? mergeValues(CHART_DEFAULTS[chart], values) : values;
      return { doc, chart, merged: isPlainMap(merged) ? merged : {} };
    });
  }

  /** Findings from other files, under this engine's severity settings. */
  controlCrossFile(text: string, findings: Finding[]): Finding[] {
    return this.applySeverities(applySuppressions(text, findings, { reportUnused: false }));
  }

  private analyzeDocument(doc: Document, chart: ChartId, text: string): { findings: Finding[]; tags: TagSummary | null } {
    const findings = syntaxFindings(doc, text);
    const converted = toValues(doc);
    if (converted.problem !== null) {
      const range = nodeRange(doc.contents) ?? { start: 0, end: 0 };
      findings.push({ code: 'yaml-syntax', severity: 'error', message: `YAML: ${converted.problem}`, range: { start: range.start, end: range.start }, data: {} });
      return { findings, tags: null };
    }
    if (!isPlainMap(converted.values)) {
      const range = nodeRange(doc.contents);
      if (range) findings.push({ code: 'wrong-type', severity: 'error', message: 'A values file must be a map of keys to values', range, data: { path: '' } });
      return { findings, tags: null };
    }
    const legacy = findLegacyKeys(doc, chart);
    findings.push(...legacy.findings);
    const merged = mergeValues(CHART_DEFAULTS[chart], converted.values);
    const schemaFindings: Finding[] = [];
    for (const issue of this.validator.validate(chart, merged)) {
      if (issue.keyword === 'if' || issue.propertyName !== undefined || isExplained(issue, legacy.explained)) continue;
      if (issue.keyword === 'required' && isDisabledGroup(merged, issue.path)) continue;
      const finding = issueToFinding(issue, doc);
      if (finding) schemaFindings.push(finding);
    }
    findings.push(...withoutMisspeltRequired(schemaFindings));
    if (!isPlainMap(merged)) return { findings, tags: null };
    const context = createRuleContext({ chart, doc, text, values: merged, fileValues: converted.values, catalogue: this.catalogue, settings: this.settings });
    findings.push(...this.runRules(context));
    return { findings, tags: summarizeTags(doc, chart, merged, context.tagSites()) };
  }

  private runRules(context: RuleContext): Finding[] {
    const { chart } = context;
    const findings: Finding[] = [];
    for (const rule of RULES) {
      if (!rule.charts.includes(chart)) continue;
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

/**
 * A group that does not render needs no complete set of the chart's own keys (image, service,
 * containerPort); typos and Kubernetes objects in it are still checked.
 */
function isDisabledGroup(merged: unknown, path: string[]): boolean {
  const groupLevel = path.length === 2 || (path.length === 3 && (path[2] === 'image' || path[2] === 'service'));
  if (path[0] !== 'modelGroups' || !groupLevel || !isPlainMap(merged)) return false;
  const groups = merged.modelGroups;
  const group = isPlainMap(groups) ? groups[path[1]] : undefined;
  return isPlainMap(group) && group.enabled !== true;
}

/** `mountpath` is both an unknown key and a missing `mountPath`: one mistake, one finding. */
function withoutMisspeltRequired(findings: Finding[]): Finding[] {
  const misspelt = new Set(
    findings
      .filter((f) => f.code === 'unknown-key')
      .flatMap((f) => ((f.data?.suggestions as string[] | undefined) ?? []).map((s) => `${String(f.data?.path)}|${s}`)),
  );
  return findings.filter((f) => f.code !== 'missing-key' || !misspelt.has(`${String(f.data?.path)}|${String(f.data?.key)}`));
}

function mergeSummaries(a: TagSummary, b: TagSummary): TagSummary {
  return { ...a, used: [...a.used, ...b.used], prepulled: [...a.prepulled, ...b.prepulled] };
}

function internalError(code: string, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal-error',
    severity: 'hint',
    message: `The \`${code}\` check failed on this file and was skipped: ${detail}`,
    range: { start: 0, end: 0 },
    data: { rule: code },
  };
}

function isExplained(issue: SchemaIssue, explained: Set<string>): boolean {
  if (explained.size === 0) return false;
  const path = issue.keyword === 'additionalProperties' ? [...issue.path, String(issue.params.additionalProperty)] : issue.path;
  for (let length = path.length; length > 0; length--) {
    if (explained.has(path.slice(0, length).join('/'))) return true;
  }
  return false;
}

function sortUnique(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const key = `${f.code}|${f.range.start}|${f.range.end}|${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}
