/**
 * The request context of the simulated Excel (queue, sync, payload limits), strictly:
 * - every proxy call, load and property write is a queued statement, run at sync() in order;
 * - reading a property that was not loaded and synced throws PropertyNotLoaded;
 * - *OrNullObject proxies settle at sync; calls on a null object do nothing;
 * - each sync is counted with the JSON size of its request and of its response (the values
 *   of the properties it loads); a request over 5 MB is refused (RequestPayloadSizeLimitExceeded)
 *   before anything runs, and so is a response over 5 MB (ResponsePayloadSizeLimitExceeded) when
 *   its loads come before the batch's first write (they are measured first); a load queued
 *   after a write can only be measured once the batch ran, so there the writes stay applied;
 * - loaded values become readable only when the whole sync succeeded;
 * - statements run in order and a failing one stops the batch (earlier ones stay applied,
 *   as in Excel: a batch is not a transaction).
 */
import { SimOfficeError, SIM_ERROR } from './errors';
import type { SimObject } from './object';
import type { RunRecord, SyncRecord, SimWorkbook } from './workbook';
import { SimWorkbookProxy } from './workbookProxy';

export interface Statement {
  path: string;
  kind: 'get' | 'load' | 'set' | 'call';
  name: string;
  args: unknown;
  exec: () => void;
}

const encoder = new TextEncoder();

export interface SimRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

/** A loaded property waiting for its sync to succeed: its value (for the response size) and how to make it readable. */
export interface StagedLoad {
  path: string;
  name: string;
  value: unknown;
  commit: () => void;
}

export class SimRequestContext {
  readonly workbook: SimWorkbookProxy;
  private queue: Statement[] = [];
  private staged: StagedLoad[] = [];

  constructor(readonly sim: SimWorkbook, private readonly run: RunRecord) {
    this.workbook = new SimWorkbookProxy(this);
  }

  /** @internal */
  enqueue(statement: Statement): void {
    this.queue.push(statement);
  }

  /** @internal a load ran during sync: keep its value until the sync's response is sent */
  stage(load: StagedLoad): void {
    this.staged.push(load);
  }

  /** @internal statements queued since the last sync */
  get pendingStatements(): number {
    return this.queue.length;
  }

  /** Queue a load (the Office.js `context.load(object, props)` form). */
  load(object: SimObject<unknown>, props?: string | string[]): void {
    object.load(props);
  }

  trace(): void {
    /* trace messages are not simulated */
  }

  /** Send the queue; resolves with `passThroughValue`, as Office.js does. */
  async sync<T = void>(passThroughValue?: T): Promise<T> {
    const statements = this.queue;
    this.queue = [];
    this.staged = [];
    const request = JSON.stringify(statements.map((s) => [s.path, s.kind, s.name, s.args ?? null]));
    const bytes = encoder.encode(request).length;
    const sim = this.sim;
    this.run.syncs += 1;
    await Promise.resolve();
    let responseBytes = 0;
    const record = (ok: boolean, errorCode?: string) => {
      const entry: SyncRecord = { bytes, responseBytes, statements: statements.length, ok };
      if (errorCode !== undefined) entry.errorCode = errorCode;
      sim.syncLog.push(entry);
    };
    sim.runUserActions(sim.syncLog.length + 1);
    if (sim.inCellEditMode) {
      if (this.run.delayForCellEdit) {
        await sim.whenCellEditEnds();
      } else {
        record(false, SIM_ERROR.invalidOperationInCellEditMode);
        throw new SimOfficeError(SIM_ERROR.invalidOperationInCellEditMode, "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.");
      }
    }
    const injected = sim.takeInjectedFailure(sim.syncLog.length + 1);
    if (injected) {
      record(false, injected.code);
      throw injected;
    }
    if (bytes > sim.payloadLimit) {
      record(false, SIM_ERROR.requestPayloadSizeLimitExceeded);
      throw new SimOfficeError(SIM_ERROR.requestPayloadSizeLimitExceeded, 'The request payload size has exceeded the limit.', {
        errorLocation: `request of ${bytes} bytes`,
      });
    }
    // Statements before the first write only read: run them first and measure what they
    // load, so a response over the limit fails before anything of the batch applies.
    const firstWrite = statements.findIndex((s) => s.kind === 'set' || s.kind === 'call');
    const readOnly = firstWrite < 0 ? statements.length : firstWrite;
    let ran = 0;
    const tooLarge = (): SimOfficeError | null => {
      responseBytes = responseSize(this.staged);
      if (responseBytes <= sim.payloadLimit) return null;
      return new SimOfficeError(SIM_ERROR.responsePayloadSizeLimitExceeded, 'The response payload size has exceeded the limit.', {
        errorLocation: `response of ${responseBytes} bytes`,
      });
    };
    try {
      for (; ran < readOnly; ran++) statements[ran]!.exec();
      const early = tooLarge();
      if (early) {
        ran = -1;
        throw early;
      }
      for (; ran < statements.length; ran++) statements[ran]!.exec();
      const late = ran > readOnly ? tooLarge() : null;
      if (late) throw late;
    } catch (error) {
      this.staged = [];
      record(false, error instanceof SimOfficeError ? error.code : SIM_ERROR.generalException);
      sim.deliverAddinEdits(false);
      if (ran > readOnly) sim.notifyChange();
      if (error instanceof SimOfficeError) {
        // The statement that failed (none when the response was too large).
        const failed = ran >= 0 ? statements[ran] : undefined;
        if (failed && !error.debugInfo.statement) (error.debugInfo as { statement?: string }).statement = `${failed.path}.${failed.name}`;
        throw error;
      }
      throw new SimOfficeError(SIM_ERROR.generalException, String(error));
    }
    // The response arrived: loaded values become readable.
    for (const load of this.staged) load.commit();
    this.staged = [];
    record(true);
    sim.deliverAddinEdits(true);
    if (readOnly < statements.length) sim.notifyChange();
    return passThroughValue as T;
  }
}

/** UTF-8 size of the loaded values as JSON, the way they travel back from Excel. */
function responseSize(staged: readonly StagedLoad[]): number {
  if (!staged.length) return 0;
  return encoder.encode(JSON.stringify(staged.map((l) => [l.path, l.name, l.value]))).length;
}

