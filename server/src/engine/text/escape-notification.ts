// Text shown in an editor notification (showMessage, a warning toast). VS Code renders
// `[label](https://…)`, `[label](command:…)` and `[label](file:…)` in a notification as a
// clickable link, a command with arguments among them, so text from a catalogue host or a
// registry (a rejected name, an HTTP reason phrase) must not keep that shape: every `](` gets a
// space (the link form needs the two adjacent), line breaks become spaces, invisible characters
// are shown as escapes, and the text is cut to a readable length.
import { revealInvisible } from './reveal-invisible';

/** A notification is one or two lines; the log has the rest. */
export const MAX_NOTIFICATION_LENGTH = 400;

export function escapeNotification(text: string): string {
  const flat = revealInvisible(text).replace(/\s*[\r\n]+\s*/g, ' ');
  const cut = flat.length > MAX_NOTIFICATION_LENGTH ? `${flat.slice(0, MAX_NOTIFICATION_LENGTH)}…` : flat;
  return cut.replace(/\]\s*\(/g, '] (');
}
