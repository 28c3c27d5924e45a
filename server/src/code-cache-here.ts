// Imported first by the CLI's entry point (cli-start.ts; the server has server-code-cache-here.ts):
// from here on, the bundles beside this one (dist/) compile through V8's code cache, when the
// build left one (code-cache.ts).
import { setFlagsFromString } from 'node:v8';
import { useCodeCache } from './code-cache';

// V8 ties a code cache to the flags it was made under: the flags are set here, before any cache
// is read or written, so every run of the CLI has the flags the build's run had. `--expose-gc` is
// the server's (server/memory-pacer.ts), kept here too so the two differ in one flag only.
setFlagsFromString('--expose-gc');
useCodeCache(__dirname);
