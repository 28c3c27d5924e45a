// The server's view of every values file it knows for cross-file checks: open documents (kept
// current on each validation) and the workspace's YAML files (read once at start-up). A file
// that is open is always known by its editor text, never by its possibly stale disk copy.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Engine } from '../engine/engine';
import type { SummaryOfFile, TagSummary } from '../engine/workspace';

/** Bounds the start-up scan: a monorepo must not make the server read for minutes. */
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 1024 * 1024;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', 'vendor']);

function fingerprint(summary: TagSummary | null | undefined): string {
  if (!summary) return '';
  return `${summary.chart}|${summary.used.map((u) => u.tag).sort().join(',')}|${summary.prepulled.map((u) => u.tag).sort().join(',')}`;
}

export class TagIndex {
  private readonly summaries = new Map<string, TagSummary>();
  /** The uris whose summary came from the disk scan rather than an open document. */
  private readonly fromDisk = new Set<string>();
  /** Disk texts of scanned files, for related locations into files that are not open. */
  private readonly diskTexts = new Map<string, string>();

  /** Records a file's summary; true when its tags changed, so other files need a new look. */
  update(uri: string, summary: TagSummary | null | undefined): boolean {
    const before = fingerprint(this.summaries.get(uri));
    if (summary) this.summaries.set(uri, summary);
    else this.summaries.delete(uri);
    this.fromDisk.delete(uri);
    return before !== fingerprint(summary);
  }

  /** Every tag an open or scanned file uses, once each. */
  usedTags(): string[] {
    return [...new Set([...this.summaries.values()].flatMap((summary) => summary.used.map((use) => use.tag)))];
  }

  all(): SummaryOfFile[] {
    return [...this.summaries].map(([uri, summary]) => ({ uri, summary }));
  }

  get(uri: string): SummaryOfFile | null {
    const summary = this.summaries.get(uri);
    return summary ? { uri, summary } : null;
  }

  diskText(uri: string): string | undefined {
    return this.diskTexts.get(uri);
  }

  /** Reads the workspace's YAML files once; files already known from the editor are skipped. */
  async scan(folders: readonly string[], engine: () => Engine, isOpen: (uri: string) => boolean): Promise<boolean> {
    let changed = false;
    let budget = MAX_FILES;
    const visit = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return; // unreadable folders are simply not part of the index
      }
      for (const entry of entries) {
        if (budget <= 0) return;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) await visit(full);
        else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
          budget--;
          changed = (await this.readFile(full, engine, isOpen)) || changed;
        }
      }
    };
    for (const folder of folders) await visit(folder);
    return changed;
  }

  private async readFile(file: string, engine: () => Engine, isOpen: (uri: string) => boolean): Promise<boolean> {
    const uri = pathToFileURL(file).toString();
    if (isOpen(uri) || this.summaries.has(uri)) return false;
    try {
      const stat = await fs.stat(file);
      if (stat.size > MAX_FILE_BYTES) return false;
      const text = await fs.readFile(file, 'utf8');
      const result = engine().analyze({ path: file, text });
      if (!result.tags || isOpen(uri)) return false;
      this.summaries.set(uri, result.tags);
      this.fromDisk.add(uri);
      this.diskTexts.set(uri, text);
      return result.tags.used.length > 0 || result.tags.prepulled.length > 0;
    } catch {
      return false;
    }
  }
}
