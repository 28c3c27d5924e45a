// Imported first by the entry points (boot.ts, cli-start.ts): from here on, the bundles beside
// this one (dist/) compile through V8's code cache, when the build left one (code-cache.ts).
import { setFlagsFromString } from 'node:v8';
import { useCodeCache } from './code-cache';

// V8 ties a code cache to the flags it was made under. The server's memory pacer turns on
// `--expose-gc` (server/memory-pacer.ts); set here, before any cache is read or written, every
// run of the CLI and the server has the same flags, so the caches the build made fit them all.
setFlagsFromString('--expose-gc');
useCodeCache(__dirname);
