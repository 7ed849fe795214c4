/**
 * Served in place of office.js inside the demo's task-pane iframe: installs the simulated
 * Office on this window, bound to the workbook the demo page (the parent) holds.
 */
import { installSimulatedOffice } from '../sim/browser';
import type { DemoGlobal } from './shared';

const parentDemo = window.parent !== window ? (window.parent as unknown as { __scorecardDemo?: DemoGlobal }).__scorecardDemo : undefined;
if (parentDemo) {
  const installed = installSimulatedOffice(window, parentDemo.workbook, { displayLanguage: parentDemo.displayLanguage });
  window.addEventListener('pagehide', () => installed.uninstall());
}
