// Characters that change how text reads without being seen: bidirectional overrides and
// isolates (the "Trojan Source" characters), zero-width spaces and joiners, the byte-order mark.
// Text from a values file or a catalogue is shown with each of them as a visible `\u202E`, so
// a hover or a message cannot show one thing and mean another.

const INVISIBLE = /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0]/g;

export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}
