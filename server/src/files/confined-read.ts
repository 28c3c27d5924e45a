// Reading a file that a repository names (a `base=` modeline, a `bitHarbor.layers` glob, a
// folder the CLI walks): the path is resolved with realpath and must lie inside the allowed
// folders, the file must be a regular file (not a FIFO, a device, a socket or /proc), and it is
// read with a size cap; the server's read also has a timeout. A refusal says why in words that
// reveal nothing of the file. Used by both doors; the engine itself never touches the disk.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type ReadOutcome = { text: string } | { problem: string };

/** The calls the server's reader makes, so tests can spy on (or fake) the file system. */
export interface FileAccess {
  realpath(file: string): Promise<string>;
  open(file: string, flags: number): Promise<fs.promises.FileHandle>;
}

export const NODE_FILE_ACCESS: FileAccess = {
  realpath: (file) => fs.promises.realpath(file),
  open: (file, flags) => fs.promises.open(file, flags),
};

export interface ConfinedReadOptions {
  /** Folders the file must resolve into (themselves resolved with realpath first). */
  roots: readonly string[];
  maxBytes: number;
}

/** Read-only, and never waiting on a FIFO's writer: the file is refused before any read. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

function tooLarge(maxBytes: number): { problem: string } {
  return { problem: `it is larger than ${sizeText(maxBytes)} (bitHarbor.maxFileSize)` };
}

function problemOf(error: unknown): { problem: string } {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: 'no such file' };
  if (code === 'EISDIR') return { problem: 'it is a folder' };
  if (code === 'EACCES' || code === 'EPERM') return { problem: 'permission denied' };
  if (code === 'ELOOP') return { problem: 'too many symbolic links' };
  return { problem: code ? `the system refused it (${code})` : 'the system refused it' };
}

/** What the open file is, before a byte of it is read: a refusal, or the bytes to read. */
function checkOpened(stat: fs.Stats, maxBytes: number): { problem: string } | { readBytes: number } {
  if (stat.isDirectory()) return { problem: 'it is a folder' };
  if (!stat.isFile()) return { problem: 'it is not a regular file' };
  if (stat.size > maxBytes) return tooLarge(maxBytes);
  // One byte more than the file says: a file growing past the cap is caught as it is read.
  return { readBytes: Math.min(stat.size, maxBytes) + 1 };
}

function decode(buffer: Buffer, length: number, maxBytes: number): ReadOutcome {
  if (length > maxBytes) return tooLarge(maxBytes);
  const text = buffer.subarray(0, length).toString('utf8');
  // Editors do not count a byte-order mark as a column, so neither do our positions.
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** The server's read: asynchronous, and given up (with a reason) after `timeoutMs`. */
export async function readConfinedFile(file: string, options: ConfinedReadOptions & { timeoutMs: number; access?: FileAccess }): Promise<ReadOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReadOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ problem: `reading it took longer than ${options.timeoutMs / 1000} s` }), options.timeoutMs);
  });
  try {
    return await Promise.race([readAsync(file, options, options.access ?? NODE_FILE_ACCESS), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function readAsync(file: string, options: ConfinedReadOptions, access: FileAccess): Promise<ReadOutcome> {
  let real: string;
  try {
    real = await access.realpath(file);
  } catch (error) {
    return problemOf(error);
  }
  const roots = await Promise.all(options.roots.map((root) => access.realpath(root).catch(() => path.resolve(root))));
  if (!roots.some((root) => isInside(real, root))) return { problem: 'it is outside the workspace folders' };
  let handle: fs.promises.FileHandle;
  try {
    handle = await access.open(real, OPEN_FLAGS);
  } catch (error) {
    return problemOf(error);
  }
  try {
    const checked = checkOpened(await handle.stat(), options.maxBytes);
    if ('problem' in checked) return checked;
    const buffer = Buffer.alloc(checked.readBytes);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return decode(buffer, length, options.maxBytes);
  } catch (error) {
    return problemOf(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The CLI's read: the same checks, synchronous (the CLI reads everything before it analyses). */
export function readConfinedFileSync(file: string, options: ConfinedReadOptions): ReadOutcome {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (error) {
    return problemOf(error);
  }
  const roots = options.roots.map((root) => {
    try {
      return fs.realpathSync(root);
    } catch {
      return path.resolve(root);
    }
  });
  if (!roots.some((root) => isInside(real, root))) return { problem: 'it is outside the working folder and the folders named; --allow-outside DIR adds one' };
  let fd: number;
  try {
    fd = fs.openSync(real, OPEN_FLAGS);
  } catch (error) {
    return problemOf(error);
  }
  try {
    const checked = checkOpened(fs.fstatSync(fd), options.maxBytes);
    if ('problem' in checked) return checked;
    const buffer = Buffer.alloc(checked.readBytes);
    let length = 0;
    while (length < buffer.length) {
      const bytesRead = fs.readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return decode(buffer, length, options.maxBytes);
  } catch (error) {
    return problemOf(error);
  } finally {
    fs.closeSync(fd);
  }
}
