// Keeps V8's young generation at its starting size instead of letting it grow to 16 MiB per
// semi-space under load (the language server only: boot.ts imports this first). A keystroke in a
// 35,000-line file allocates 15-20 MB of short-lived objects, so the young generation grew to its
// largest at once and stayed resident: the server's peak RSS on opening that file went from 197
// to 168 MiB with it. Set at run time because editors start the server with their own command
// lines, and before any bundle is read through V8's code cache, whose check of V8's flags would
// otherwise refuse the caches made by a run that had set it.
import { setFlagsFromString } from 'node:v8';

try {
  setFlagsFromString('--semi-space-growth-factor=1');
} catch {
  // A V8 without the flag says so on stderr; the server runs as before.
}
