/** bench/results.json as readable text tables. */
import { basename } from 'node:path';
import { FIRST_VIEWS } from './budgets';
import type { BenchResults, LargeResults, ProvinceResults } from './results';
import type { Summary } from '../lib/stats';

/** Columns padded to their widest cell: numbers right-aligned, text left. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[\d\s.,×%+−\-–/()kMBms]*$/.test(r[i] ?? '') && /\d/.test(r[i] ?? '')));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const n0 = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : '–');
const BREAK_LABELS: Record<string, string> = { '503': 'HTTP 503', html: 'HTML page', malformed: 'malformed JSON', refused: 'refused' };
const kb = (v: number) => `${(v / 1000).toFixed(1)}`;
const spread = (s: Summary) => `${n0(s.min)}–${n0(s.max)}`;

function loadsTable(province: ProvinceResults): string {
  return table(
    ['page', 'CPU', 'median ms', 'min–max', 'IQR', '×blank', 'tasks ms', 'longest task', 'API calls'],
    province.loads.map((l) => [
      l.path,
      `×${l.cpuThrottle}`,
      n0(l.ready.median),
      spread(l.ready),
      n0(l.ready.iqr),
      l.ratio.median.toFixed(1),
      n0(l.taskMs.median),
      n0(l.longestTaskMs.median),
      String(l.apiRequests),
    ]),
  );
}

function largeTable(large: LargeResults, normalCommunes: number): string {
  const rows: string[][] = [];
  for (const big of large.loads) {
    const base = large.baseline.find((l) => l.path === big.path && l.cpuThrottle === big.cpuThrottle);
    if (base) rows.push([big.path, String(normalCommunes), n0(base.ready.median), spread(base.ready), base.ratio.median.toFixed(1), '']);
    rows.push([
      big.path,
      String(large.communes),
      n0(big.ready.median),
      spread(big.ready),
      big.ratio.median.toFixed(1),
      base ? `${(big.ready.median / base.ready.median).toFixed(2)}×` : '',
    ]);
  }
  return table(['page', 'communes', 'median ms', 'min–max', '×blank', 'vs sample'], rows);
}

function drillTable(province: ProvinceResults): string {
  const d = province.drill;
  if (!d) return '(not measured)';
  const row = (name: string, s: Summary) => [name, String(s.n), n0(s.median), n0(s.p95), spread(s)];
  return table(
    ['path', 'clicks', 'median ms', 'p95 ms', 'min–max'],
    [
      row(`map → card → unit ready (${d.path})`, d.map),
      row('  map click → card', d.mapToCard),
      row('  card link → unit ready', d.cardToUnit),
      row('ranking link → unit ready', d.ranking),
    ],
  );
}

export function formatResults(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`IOC dashboard bench, ${r.startedAt} (${r.minutes} min)`);
  out.push(`${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}, Chromium ${m.chromium}${r.settings.quick ? ' — QUICK RUN (fewer samples)' : ''}`);
  out.push(`Blank page ${r.blankPath}: median ${r.normal.blank.median} ms (${spread(r.normal.blank)}); ×blank = load time / this.`);
  out.push('');
  out.push(`Cold load at 1920×1080, ${r.settings.runs} runs, fresh context each: navigation start → every panel ready, every chart drawn`);
  out.push(loadsTable(r.normal));
  out.push('');
  out.push('First view: JavaScript and CSS fetched before ready (kB = 1,000 bytes; gzip -9)');
  out.push(
    table(
      ['page', 'JS raw', 'JS gzip', 'CSS raw', 'CSS gzip', 'files'],
      r.bytes.map((b) => [b.path, kb(b.js.raw), kb(b.js.gzip), kb(b.css.raw), kb(b.css.gzip), String(b.chunks.length)]),
    ),
  );
  out.push(`The JavaScript budget is on the first views the app is opened at (${FIRST_VIEWS.join(', ')}); a wall opened on an index scene brings ECharts.`);
  for (const b of r.bytes) {
    out.push('');
    out.push(`Chunks of ${b.path}`);
    out.push(table(['file', 'raw kB', 'gzip kB'], b.chunks.map((c) => [basename(c.path), kb(c.raw), kb(c.gzip)])));
  }
  out.push('');
  out.push('Drill-down, each click on a unit not visited before, back between clicks');
  out.push(drillTable(r.normal));
  if (r.rotation) {
    const rot = r.rotation;
    out.push('');
    out.push(`Rotation: ${rot.steps} scene changes (→), each drawn before the next`);
    out.push(
      table(
        ['scene', 'slowest ready ms', 'longest task ms'],
        Object.entries(rot.byScene).map(([scene, s]) => [scene, n0(s.readyMs), n0(s.longestTaskMs)]),
      ),
    );
    out.push(
      `longest task ${rot.longestTaskMs} ms; ${rot.longTasks} tasks over 50 ms; ${rot.over100.length} over 100 ms; ` +
        `key → scene ready median ${n0(rot.sceneReady.median)} ms, p95 ${n0(rot.sceneReady.p95)} ms`,
    );
  }
  if (r.idle) out.push(`Idle wall on ${r.idle.scene} for ${r.idle.seconds} s: ${r.idle.busyMs} ms of main-thread tasks, ${r.idle.cpuPercent} % of one core`);
  if (r.soak) {
    const s = r.soak;
    out.push('');
    const mb = (v: number) => (v / 1e6).toFixed(2);
    out.push(`Soak: ${s.sceneChanges} scene changes and ${s.liveRefreshes} live refreshes in ${s.minutes} min (a day at the wall's pace)`);
    out.push(
      `after a warm-up of ${s.warmUp.at(-1)?.sceneChanges ?? 0} scene changes (heap after GC ${s.warmUp.map((w) => mb(w.heapUsed)).join(' → ')} MB); ` +
        `heap over the soak ${s.heapCurve.map((w) => mb(w.heapUsed)).join(' → ')} MB`,
    );
    const rows: [string, number, number][] = [
      ['JS heap after GC (MB)', s.start.heapUsed / 1e6, s.end.heapUsed / 1e6],
      ['  compiled code (MB)', s.start.heap.code / 1e6, s.end.heap.code / 1e6],
      ['  app data (MB)', s.start.heap.data / 1e6, s.end.heap.data / 1e6],
      ['DOM nodes (renderer)', s.start.domNodes, s.end.domNodes],
      ['elements in document', s.start.elements, s.end.elements],
      ['live chart instances', s.start.charts, s.end.charts],
      ['canvases', s.start.canvases, s.end.canvases],
      ['window/document listeners', s.start.listeners, s.end.listeners],
      ['all JS event listeners', s.start.jsEventListeners, s.end.jsEventListeners],
      ['intervals / timeouts', s.start.intervals + s.start.timeouts, s.end.intervals + s.end.timeouts],
    ];
    const f = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
    out.push(table([`measure (on ${s.start.scene})`, 'start', 'end', 'change'], rows.map(([k, a, b]) => [k, f(a), f(b), f(b - a)])));
  }
  if (r.recovery) {
    const rec = r.recovery;
    const s1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
    out.push('');
    out.push(
      `Recovery: ${rec.screens} screens (${rec.pages.join(', ')} in turn); every feed broken, then healed ${rec.brokenMs / 1000} s after ` +
        'every screen had found out; seconds from healed to every panel ready; requests per screen in those 20 s',
    );
    out.push(
      table(
        ['fault', 'found by', 'ready p50 s', 'ready p95 s', 'ready max s', 'req. broken p50', 'req. broken max', 'failing queries', 'one at a time'],
        rec.rows.map((row) => [
          BREAK_LABELS[row.kind] ?? row.kind,
          row.foundBy,
          s1(row.secondsToReady.median),
          s1(row.secondsToReady.p95),
          s1(row.secondsToReady.max),
          n0(row.requestsWhileBroken.median),
          n0(row.requestsWhileBroken.max),
          n0(row.failingQueries.median),
          row.oneAtATime ? 'yes' : 'NO',
        ]),
      ),
    );
    out.push(
      `found out (every panel out of date, no request in flight) after ${rec.rows.map((row) => `${s1(row.foundOutSeconds)} s`).join(', ')}; ` +
        `then broken for ${rec.rows.map((row) => `${s1(row.brokenSeconds)} s`).join(', ')}`,
    );
  }
  if (r.large) {
    out.push('');
    out.push(
      `Large province: ${r.large.communes} communes, ten years, every index; cold loads alternating with the ` +
        `${r.normal.communes}-commune sample's (blank ${r.large.blank.median} ms)`,
    );
    out.push(largeTable(r.large, r.normal.communes));
    out.push(drillTable(r.large));
  }
  out.push('');
  out.push('Budgets');
  out.push(table(['', 'measure', 'budget', 'measured'], r.budgets.map((b) => [b.pass ? 'pass' : 'MISS', b.name, b.budget, b.measured])));
  const missed = r.budgets.filter((b) => !b.pass).length;
  out.push(missed ? `${missed} of ${r.budgets.length} budgets missed.` : `All ${r.budgets.length} budgets met.`);
  return out.join('\n');
}
