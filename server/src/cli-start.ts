// The CLI's entry point (dist/cli.js). The CLI itself (cli.ts) is dist/cli-core.js, required
// once the code cache is in place, so that its compiled code can come from the cache too.
import './code-cache-here';
import './cli';
