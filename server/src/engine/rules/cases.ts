// The shape of a rule's case table (`<code>.cases.ts` beside the rule), run by
// test/unit/rule-cases.test.ts. Lines that must carry the finding end with `# expect`.
import type { EngineSettings } from '../types';

export interface RuleCase {
  name: string;
  text: string;
  /** Overrides the table's settings for this case. */
  settings?: Partial<EngineSettings>;
  /** File path, for glob-based detection; defaults to /work/values.yaml. */
  path?: string;
  /** What every finding's message must match, for cases that pin wording (a size, a path). */
  message?: RegExp;
  /** The text every finding's range must hold (the node a person would fix). */
  at?: string;
  /** Entries every finding's `data` must hold (what a quick fix reads). */
  data?: Record<string, unknown>;
}

export interface RuleCases {
  code: string;
  settings?: Partial<EngineSettings>;
  trigger: RuleCase[];
  silent: RuleCase[];
}
