/** The command dialog's payload, carried in its URL fragment as JSON (no i18n or core here: tiny). */
export interface DialogPayload {
  title: string;
  lines: string[];
  close: string;
}

/** Encode, dropping lines before the last one until the URL stays short enough for every Office web view. */
export function encodeDialogPayload(title: string, lines: string[], closeLabel: string, maxLength = 1800): string {
  const kept = [...lines];
  let encoded = encodeURIComponent(JSON.stringify({ title, lines: kept, close: closeLabel }));
  while (encoded.length > maxLength && kept.length > 1) {
    kept.splice(kept.length - 2, 1);
    encoded = encodeURIComponent(JSON.stringify({ title, lines: kept, close: closeLabel }));
  }
  return encoded;
}

export function decodeDialogPayload(fragment: string): DialogPayload | null {
  try {
    const data: unknown = JSON.parse(decodeURIComponent(fragment.replace(/^#/, '')));
    if (!data || typeof data !== 'object') return null;
    const { title, lines, close } = data as Record<string, unknown>;
    if (typeof title !== 'string' || !Array.isArray(lines) || typeof close !== 'string') return null;
    return { title, lines: lines.map(String), close };
  } catch {
    return null;
  }
}
