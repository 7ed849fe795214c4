/**
 * Loaded before taskpane.js inside the WPS demo's pane iframe: gives the pane the parent
 * page's simulated ET Application, as WPS gives every add-in page its `window.Application`.
 */
const parentApp = window.parent !== window ? (window.parent as unknown as { Application?: unknown }).Application : undefined;
if (parentApp) (window as unknown as { Application: unknown }).Application = parentApp;
export {};
