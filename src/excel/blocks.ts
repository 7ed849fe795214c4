/* eslint-disable office-addins/no-empty-load, office-addins/no-context-sync-in-loop --
   Loads name their properties through a computed list; one sync per block is the point of blocks
   (each request and response under Excel on the web's 5 MB). */
/**
 * Reading a large area in row blocks, each sync's response under a byte budget: Excel on
 * the web fails a sync whose response passes 5 MB (ResponsePayloadSizeLimitExceeded), as
 * it refuses such a request. Used only when one sync could not carry the whole area; the
 * block size comes from the measured size of rows already read, and a block Excel still
 * refuses is halved.
 */

/** Bytes per sync we aim under: 5 MB less room for Office's own envelope (requests and responses). */
export const DEFAULT_PAYLOAD_BUDGET = 4_000_000;
/** Later rows may be heavier than the ones measured: plan blocks for this much more. */
export const BLOCK_SAFETY = 1.25;

const encoder = new TextEncoder();
export const jsonBytes = (v: unknown): number => encoder.encode(JSON.stringify(v)).length;

export function isResponseTooLarge(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ResponsePayloadSizeLimitExceeded';
}

export interface RowArea {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

export interface BlockRead {
  /** Each loaded property's rows, top to bottom. */
  data: Record<string, unknown[][]>;
  syncs: number;
}

/**
 * Load `props` of `area` on the sheet `sheetOf()` returns, one block of rows per sync, each
 * planned under `budget` at `bytesPerRow` (already with a safety margin).
 */
export async function readRowBlocks(
  context: Excel.RequestContext,
  sheetOf: () => Excel.Worksheet,
  area: RowArea,
  props: readonly string[],
  budget: number,
  bytesPerRow: number,
): Promise<BlockRead> {
  const data: Record<string, unknown[][]> = Object.fromEntries(props.map((p) => [p, []]));
  let perRow = Math.max(1, bytesPerRow);
  let syncs = 0;
  let row = area.top;
  const end = area.top + area.rows;
  while (row < end) {
    // As few blocks as the budget allows, of even size (no small last block).
    const left = end - row;
    const blocks = Math.ceil(left / Math.max(1, Math.floor(budget / perRow)));
    const count = Math.ceil(left / blocks);
    const range = sheetOf().getRangeByIndexes(row, area.left, count, area.columns);
    range.load(props.join(','));
    try {
      await context.sync();
    } catch (error) {
      syncs += 1;
      // Heavier rows than planned: halve the block (a single row Excel refuses cannot be read at all).
      if (isResponseTooLarge(error) && count > 1) {
        perRow = Math.max(perRow * 2, (budget / count) * 2);
        continue;
      }
      throw error;
    }
    syncs += 1;
    const loaded = range as unknown as Record<string, unknown[][]>;
    let bytes = 0;
    for (const p of props) {
      const rows = loaded[p]!;
      bytes += jsonBytes(rows);
      const out = data[p]!;
      for (const r of rows) out.push(r);
    }
    perRow = Math.max(perRow, (bytes / count) * BLOCK_SAFETY);
    row += count;
  }
  return { data, syncs };
}
