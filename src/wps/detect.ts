/**
 * Which host the page runs in. WPS first: its embedded browser defines `window.Application`
 * (the ET object model) and `window.wps` on add-in pages, and a page may also have loaded a
 * stub `Office` (office.js answers nothing there). Then Office.
 */
import type { EtApplicationLike } from './et';

export type HostKind = { kind: 'wps'; app: EtApplicationLike } | { kind: 'office' } | { kind: 'none' };

function isEtApplication(value: unknown): value is EtApplicationLike {
  // ActiveWorkbook is the ET member both builds have; WPS 文字 and 演示 have ActiveDocument / ActivePresentation instead.
  return typeof value === 'object' && value !== null && 'ActiveWorkbook' in value;
}

export function detectHost(win: object): HostKind {
  const w = win as { Application?: unknown; wps?: { EtApplication?: () => unknown }; Office?: unknown };
  if (isEtApplication(w.Application)) return { kind: 'wps', app: w.Application };
  if (w.wps && typeof w.wps.EtApplication === 'function') {
    const app = w.wps.EtApplication();
    if (isEtApplication(app)) return { kind: 'wps', app };
  }
  if (typeof w.Office === 'object' && w.Office !== null) return { kind: 'office' };
  return { kind: 'none' };
}
