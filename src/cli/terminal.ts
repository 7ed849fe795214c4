/**
 * Text for a terminal. Unit names come from cells anyone can type into: an ESC would start a
 * terminal control sequence (recolour, move the cursor, retitle the window), a BEL rings, a CR
 * overwrites the line already printed, and bidi overrides reorder what the clerk reads. Each such
 * character is printed as a visible escape (\x1B, \u202E) instead; newlines between the report's
 * own lines are kept.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are printed escaped
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, escapeChar);
}
