// What a check is: a module with its codes' metadata and a pure function from a RuleContext to
// findings. Severity is not the rule's business at report time: the engine applies the code's
// default or the user's `bitHarbor.rules` override afterwards.
import type { Document } from 'yaml';
import type { Catalogue } from '../catalogue/catalogue';
import type { Values } from '../merge';
import type { GroupView } from '../model-groups';
import type { TagSite } from '../tag-sites';
import type { ChartId, EngineSettings, Finding, Severity } from '../types';
import type { NodeLocation, PathSegment } from '../yaml-nodes';

export interface RuleCode {
  code: string;
  severity: Severity;
  summary: string;
}

/** A finding before controls: severity defaults to its code's, a rule may set it per chart. */
export type RuleFinding = Omit<Finding, 'severity'> & { severity?: Finding['severity'] };

export interface RuleContext {
  chart: ChartId;
  doc: Document;
  text: string;
  /** Chart defaults with the file merged over them: what Helm renders from. */
  values: Values;
  /** The file's own values, without defaults. */
  fileValues: Values;
  catalogue: Catalogue;
  settings: EngineSettings;
  /** The node at `path` in the file, or null when the value comes from the chart's defaults. */
  locate(path: readonly PathSegment[]): NodeLocation | null;
  /**
   * Where to report about `path`: its key (or value), else the nearest ancestor written in the
   * file, so that a finding about a default-only value lands on the group that inherits it.
   */
  rangeFor(path: readonly PathSegment[], prefer?: 'key' | 'value'): { start: number; end: number };
  /** The enabled model groups of the merged values (Inference Stack), built once per analysis. */
  groups(): GroupView[];
  /** Every Bit Harbor tag written in the file (tag-sites), found once per analysis. */
  tagSites(): TagSite[];
}

export interface Rule {
  /** The codes this rule emits; the first is its own, others are companions (size-unknown). */
  codes: RuleCode[];
  charts: ChartId[];
  /**
   * `group`: in an Inference Stack file, each finding is about one model group (or one tag site
   * in it), follows from that group's values and the file's values outside `modelGroups`, and
   * lies within the group's lines when the group is written. After an edit inside one group such
   * a rule runs for that group alone (engine/incremental.ts). Absent: it runs on the whole file.
   */
  scope?: 'group';
  check(context: RuleContext): RuleFinding[];
}
