/** Event handler registrations (onActivated, onChanged) and what their handlers receive. */
import type { SimRequestContext } from './context';
import type { SimChangedArgs } from './workbook';

export type ActivatedHandler = (args: { type: 'WorksheetActivated'; worksheetId: string }) => Promise<unknown> | void;
export type ChangedHandler = (args: SimChangedArgs) => Promise<unknown> | void;

export class SimEventHandlerResult {
  constructor(readonly context: SimRequestContext, private readonly unregister: () => void) {}

  remove(): void {
    this.context.enqueue({ path: 'eventHandler', kind: 'call', name: 'remove', args: null, exec: () => this.unregister() });
  }
}

