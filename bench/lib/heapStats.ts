/**
 * A heap snapshot of the page (CDP HeapProfiler), summed by the kind of thing in it: how much of the JS heap is
 * compiled code (bytecode and the JIT's machine code) and how much is the app's data (objects, arrays, strings,
 * closures, …). Native (Blink) memory is left out, as `Runtime.getHeapUsage` leaves it out.
 */
import type { CDPSession } from 'playwright-core';

export interface HeapStats {
  /** Compiled code: bytecode, baseline and optimised machine code, and their metadata (bytes). */
  code: number;
  /** Everything else on the JS heap: objects, arrays, strings, closures, shapes, numbers (bytes). */
  data: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

export async function heapStats(cdp: CDPSession): Promise<HeapStats> {
  const chunks: string[] = [];
  const collect = (event: { chunk: string }) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  }
  const snapshot = JSON.parse(chunks.join('')) as Snapshot;
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const stats: HeapStats = { code: 0, data: 0 };
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt] as number];
    const size = snapshot.nodes[i + sizeAt] as number;
    if (type === 'code') stats.code += size;
    else if (type !== 'native' && type !== 'synthetic' && type !== 'hidden') stats.data += size;
  }
  return stats;
}
