// The shape of a case table for the codes of layered checks (base-unreadable, base-cycle), run
// by test/unit/layers-cases.test.ts. Like the rules' tables, lines that must carry the finding
// end with `# expect`, in the checked file or in the other files of its folder (`files`).

export interface LayerCase {
  name: string;
  /** The checked file, /work/deploy/values-prod.yaml. */
  text: string;
  /** Other files of /work/deploy by name; null for one that exists but cannot be read. */
  files: Record<string, string | null>;
  /** `bitHarbor.layers`. */
  layers?: string[][];
}

export interface LayerCases {
  code: string;
  trigger: LayerCase[];
  silent: LayerCase[];
}
