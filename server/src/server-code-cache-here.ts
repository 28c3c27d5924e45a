// The language server's counterpart of code-cache-here.ts, imported first by boot.ts: the V8
// flags the server runs under, set before any bundle is read, then V8's code cache for its
// bundles, kept apart from the CLI's (V8 refuses a cache made under other flags).
//
// `--semi-space-growth-factor=1` keeps V8's young generation at its starting size instead of
// letting it grow to 16 MiB per semi-space under load. A keystroke in a 35,000-line file
// allocates 15-20 MB of short-lived objects, so the young generation grew to its largest at once
// and stayed resident: the server's peak RSS on opening that file went from 197 to 168 MiB, and
// over a typing session from 233-236 to 196. The CLI, which runs once and exits, keeps V8's
// default: there the larger young generation is time saved. `--expose-gc` is the memory pacer's
// (server/memory-pacer.ts). Set at run time because editors start the server with their own
// command lines.
import { setFlagsFromString } from 'node:v8';
import { useCodeCache } from './code-cache';

setFlagsFromString('--expose-gc');
try {
  setFlagsFromString('--semi-space-growth-factor=1');
} catch {
  // A V8 without the flag says so on stderr; the server runs as before.
}
useCodeCache(__dirname, undefined, 'server');
