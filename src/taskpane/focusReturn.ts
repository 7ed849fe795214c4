/**
 * Focus goes back to the button the clerk pressed once an action or a dialog is over (#11), not
 * to <body>: call `remember()` when the action starts; the focus returns when the pane is idle.
 */
import { useEffect, useRef } from 'react';

export function useFocusReturn(idle: boolean): () => void {
  const returnFocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!idle) return;
    const target = returnFocus.current;
    if (!target) return;
    const give = () => {
      // Never from the sheet: when the user has clicked into the workbook, the pane's page has no focus.
      if (!document.hasFocus()) return;
      const active = document.activeElement;
      // Only when the focus was dropped (to <body>, or left on a closed dialog): never steal it from where the user went.
      if (target.isConnected && (active === null || active === document.body || !active.isConnected)) target.focus();
    };
    give();
    // Fluent hands focus around once a dialog's closing motion ends, later on a busy computer:
    // check again a few times after it, still only taking focus back from <body>.
    const delays = [120, 350, 800, 1600];
    const timers = delays.map((ms, i) =>
      setTimeout(() => {
        give();
        if (i === delays.length - 1 && returnFocus.current === target) returnFocus.current = null;
      }, ms),
    );
    return () => timers.forEach(clearTimeout);
  }, [idle]);
  return () => {
    const active = document.activeElement;
    returnFocus.current = active instanceof HTMLElement && active !== document.body ? active : returnFocus.current;
  };
}
