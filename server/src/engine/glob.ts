// A small glob matcher for the `bitHarbor.files.*` settings: `*`, `**`, `?`, `[...]` and
// `{a,b}`. A pattern without a slash matches the file name alone (as in .gitignore); one with
// a slash matches the end of the path, so `deploy/*.yaml` works whatever the workspace root.

export function globToRegExp(glob: string): RegExp {
  let re = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches everything.
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += '[' + glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else if (c === '{') {
      braceDepth++;
      re += '(?:';
    } else if (c === '}' && braceDepth > 0) {
      braceDepth--;
      re += ')';
    } else if (c === ',' && braceDepth > 0) re += '|';
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(re + '$');
}

export function matchesGlob(path: string, glob: string): boolean {
  const normalized = path.replace(/\\/g, '/');
  const pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!pattern.includes('/')) {
    const name = normalized.slice(normalized.lastIndexOf('/') + 1);
    return new RegExp('^' + globToRegExp(pattern).source).test(name);
  }
  const anchored = pattern.startsWith('/') || pattern.startsWith('**/') ? pattern : '/' + pattern;
  const body = globToRegExp(anchored.startsWith('/') ? anchored.slice(1) : anchored).source;
  return new RegExp('(?:^|/)' + body).test(normalized);
}
