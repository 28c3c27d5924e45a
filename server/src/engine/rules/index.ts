// Every check the engine runs, one module each. Add a rule here and its codes become known to
// the engine, the docs index and the CLI's SARIF rules.
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [
];
