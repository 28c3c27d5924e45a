// Text from a values file (a key, a value, a path) printed to a terminal: control characters
// (C0 but tab, DEL, C1, among them ESC, which starts escape sequences that recolour, move the
// cursor or retitle the window) and the invisible characters of reveal-invisible.ts are shown as
// visible `\u001B` escapes, so a file cannot drive the terminal of whoever lints it.
import { revealInvisible } from '../engine/text/reveal-invisible';

const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g;

export function escapeForTerminal(text: string): string {
  return revealInvisible(text).replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
