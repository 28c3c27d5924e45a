// Client configuration -> engine settings. The `bitHarbor` section comes from the user's
// settings.json, so every field is checked rather than trusted.
import { fileURLToPath } from 'node:url';
import { DEFAULT_SETTINGS, type EngineSettings } from '../engine/types';

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Maps the `bitHarbor` configuration section (any shape, possibly null) to EngineSettings. */
export function toEngineSettings(section: unknown): EngineSettings {
  const files = (section as { files?: Record<string, unknown> } | null | undefined)?.files;
  return {
    ...DEFAULT_SETTINGS,
    files: {
      inferenceStack: stringArray(files?.inferenceStack),
      prePorter: stringArray(files?.prePorter),
    },
  };
}

export function sameSettings(a: EngineSettings, b: EngineSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The path the engine matches globs against: the file system path for file: URIs, the URI's
 * path otherwise (untitled:Untitled-1 -> Untitled-1).
 */
export function documentPath(uri: string): string {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return uri;
  }
  if (url.protocol === 'file:') {
    try {
      return fileURLToPath(url);
    } catch {
      // e.g. a UNC host on a POSIX system: fall through to the plain path.
    }
  }
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}
