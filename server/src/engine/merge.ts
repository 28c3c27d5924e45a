// Helm's merge of a user's values over the chart's defaults: maps merge key by key, lists and
// scalars replace, and `null` deletes the key (Helm's coalesce). Nothing here mutates inputs.

export type Values = Record<string, unknown>;

export function isPlainMap(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` in a values tree (list items by index), undefined where it has none. */
export function valueAt(values: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, segment) => {
    if (Array.isArray(node)) return node[Number(segment)];
    return isPlainMap(node) ? node[String(segment)] : undefined;
  }, values);
}

export function mergeValues(defaults: unknown, user: unknown): unknown {
  if (!isPlainMap(user) || !isPlainMap(defaults)) return user === undefined ? defaults : user;
  const merged: Values = { ...defaults };
  for (const [key, value] of Object.entries(user)) {
    if (value === null) delete merged[key];
    else merged[key] = key in defaults ? mergeValues(defaults[key], value) : stripNulls(value);
  }
  return merged;
}

/**
 * A null under a key the defaults do not have deletes nothing; Helm drops it all the same. A map
 * without nulls comes back as it is: no copy of the groups an edit did not touch, and no garbage
 * on the way (this walks every group on every keystroke): the keys are read with `for...in`, and
 * only a map with a null below it is copied.
 */
function stripNulls(value: unknown): unknown {
  if (!isPlainMap(value)) return value;
  let result: Values | null = null;
  let index = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const child = value[key];
    const stripped = child === null ? undefined : stripNulls(child);
    if (result === null && stripped !== child) result = Object.fromEntries(Object.entries(value).slice(0, index)) as Values;
    if (result !== null && stripped !== undefined) result[key] = stripped;
    index++;
  }
  return result ?? value;
}

/**
 * Several values files as `helm install -f a -f b` combines them before the chart's defaults:
 * maps merge key by key, anything else in a later file replaces, and a `null` stays a `null`
 * (so that merging over the defaults afterwards deletes the key there too).
 */
export function mergeUserLayers(layers: readonly Values[]): Values {
  let merged: Values = {};
  for (const layer of layers) merged = mergeOver(merged, layer);
  return merged;
}

function mergeOver(base: Values, over: Values): Values {
  const merged: Values = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = merged[key];
    merged[key] = isPlainMap(value) && isPlainMap(below) ? mergeOver(below, value) : value;
  }
  return merged;
}
