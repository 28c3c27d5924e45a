// Where each field of a rendered object came from. A template writes a field either from the
// values (printed inline, or copied whole with `toYaml`) or from its own text. Only the values
// fields are recorded, at the rendered path where the template put them; a field below a copy
// inherits the copy's origin plus the rest of its path, and anything else is the template's.
import type { PathSegment } from '../yaml-nodes';
import { copyValue, field, inlineValue, isMap, printScalar } from './helm';

/**
 * `assembled`: a string the template builds around a value (a name `<fullname>-<group>`, an
 * image `repository:tag`), attributed to the value it names but not equal to it.
 */
export type Origin = { kind: 'values'; path: PathSegment[]; assembled?: true } | { kind: 'template' };

const TEMPLATE: Origin = { kind: 'template' };

function keyOf(path: readonly PathSegment[]): string {
  return path.join('\u0000');
}

/** The origins of one rendered object, looked up by the path of a field in it. */
export class Origins {
  private readonly table = new Map<string, readonly PathSegment[]>();
  private readonly printed: { rendered: readonly PathSegment[]; values: readonly PathSegment[] }[] = [];
  private readonly assembled = new Set<string>();

  record(renderedPath: readonly PathSegment[], valuesPath: readonly PathSegment[], inline = false, assembled = false): void {
    const key = keyOf(renderedPath);
    this.table.set(key, valuesPath);
    if (inline) this.printed.push({ rendered: renderedPath, values: valuesPath });
    if (assembled) this.assembled.add(key);
  }

  /** The fields printed inline (`{{ .x }}`, read back as YAML), where a value's type may change. */
  inlineFields(): readonly { rendered: readonly PathSegment[]; values: readonly PathSegment[] }[] {
    return this.printed;
  }

  /** Where the field at `renderedPath` came from: a path into the merged values, or the template. */
  of(renderedPath: readonly PathSegment[]): Origin {
    for (let length = renderedPath.length; length >= 0; length--) {
      const key = keyOf(renderedPath.slice(0, length));
      const found = this.table.get(key);
      if (!found) continue;
      const path = [...found, ...renderedPath.slice(length)];
      return this.assembled.has(key) ? { kind: 'values', path, assembled: true } : { kind: 'values', path };
    }
    return TEMPLATE;
  }

  /** Every recorded field: rendered path (as written by `record`) and values path. */
  entries(): { values: readonly PathSegment[] }[] {
    return [...this.table.values()].map((values) => ({ values }));
  }
}

export interface RenderedDocument {
  /** The template that renders it, as `helm template` names it: `inference-stack/templates/service.yaml`. */
  source: string;
  object: Record<string, unknown>;
  origins: Origins;
  /** The model group (Inference Stack) or image index (Pre-Porter) that produced the object. */
  owner?: string | number;
}

/** A value placed by a template, with the values path it came from. */
export class FromValues {
  constructor(
    readonly value: unknown,
    readonly path: readonly PathSegment[],
    /** Printed inline rather than copied with toYaml. */
    readonly inline = false,
    /** A string built around the value rather than the value itself (see Origin). */
    readonly assembled = false,
  ) {}
}

/**
 * Unwraps the FromValues markers of a built object, recording each one's origin. `omitNulls`:
 * the template's own map fields written as null are left out, as Kubernetes reads them (for
 * objects only checked, never printed: `helm template` prints them).
 */
export function finish(source: string, tree: Record<string, unknown>, owner?: string | number, omitNulls = false): RenderedDocument {
  const origins = new Origins();
  // One path, grown and shrunk as the walk goes (copied only where a field is recorded): every
  // model group's pod is walked on each full check, and a path per node was most of its garbage.
  const at: PathSegment[] = [];
  const walk = (node: unknown): unknown => {
    if (node instanceof FromValues) {
      origins.record([...at], node.path, node.inline, node.assembled);
      return node.value;
    }
    if (Array.isArray(node)) {
      const out = new Array<unknown>(node.length);
      for (let index = 0; index < node.length; index++) {
        at.push(index);
        out[index] = walk(node[index]);
        at.pop();
      }
      return out;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(node)) {
        at.push(key);
        const value = walk(node[key]);
        at.pop();
        if (value !== undefined && (value !== null || !omitNulls)) out[key] = value;
      }
      return out;
    }
    return node;
  };
  const object = walk(tree) as Record<string, unknown>;
  return owner === undefined ? { source, object, origins } : { source, object, origins, owner };
}

/** Reads the merged values for a template: what a `.Values.x.y` expression sees, and where it is. */
export class ValuesReader {
  /**
   * `scope` lets one subtree be handed in apart from the root (a model group rendered on its
   * own): paths under `scope.path` are read from `scope.value`.
   */
  constructor(
    readonly root: unknown,
    private readonly scope?: { path: readonly PathSegment[]; value: unknown },
    /**
     * `toYaml` copies share the values' own objects instead of copying them (values are never
     * mutated, merge.ts): for readers of the objects that never print them (the checks' group
     * views), to whom a copy's only difference, its sorted key order, does not matter.
     */
    readonly shareCopies = false,
  ) {}

  get(path: readonly PathSegment[]): unknown {
    let node: unknown = this.root;
    let start = 0;
    const scope = this.scope;
    if (scope && path.length >= scope.path.length && scope.path.every((segment, index) => path[index] === segment)) {
      node = scope.value;
      start = scope.path.length;
    }
    for (let index = start; index < path.length; index++) {
      const segment = path[index];
      if (typeof segment === 'number') node = Array.isArray(node) ? node[segment] : undefined;
      else node = field(node, segment);
      if (node === undefined) return undefined;
    }
    return node;
  }

  has(path: readonly PathSegment[]): boolean {
    return this.get(path) !== undefined;
  }

  /** `{{ .path }}` where YAML reads the printed text unquoted. */
  inline(path: readonly PathSegment[]): unknown {
    const value = this.get(path);
    return value === undefined ? null : new FromValues(inlineValue(value), path, true);
  }

  /** `{{ .path | quote }}`: the printed text as a string (sprig's quote prints nothing for nil). */
  quoted(path: readonly PathSegment[]): unknown {
    const value = this.get(path);
    return value === undefined || value === null ? null : new FromValues(printScalar(value), path);
  }

  /** `toYaml .path`: the value with its YAML types. */
  copy(path: readonly PathSegment[]): unknown {
    const value = this.get(path);
    return value === undefined ? null : new FromValues(this.shareCopies ? value : copyValue(value), path);
  }

  /** `.path` printed into a string the template assembles, or '' when absent. */
  text(path: readonly PathSegment[]): string {
    return printScalar(this.get(path));
  }

  /** A string assembled from values, attributed to `path` when it exists in the values. */
  attributed(value: unknown, path: readonly PathSegment[]): unknown {
    return this.has(path) ? new FromValues(value, path, false, true) : value;
  }

  /** The first path whose value is not empty (`a | default b`), or null when all are. */
  firstSet(paths: readonly (readonly PathSegment[])[], isEmpty: (value: unknown) => boolean): readonly PathSegment[] | null {
    for (const path of paths) if (!isEmpty(this.get(path))) return path;
    return null;
  }
}
