// Imported first by the entry points (boot.ts, cli-start.ts): from here on, the bundles beside
// this one (dist/) compile through V8's code cache, when the build left one (code-cache.ts).
import { useCodeCache } from './code-cache';

useCodeCache(__dirname);
