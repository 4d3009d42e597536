/**
 * One assignment for the whole page: which dangling end continues in which block. Each end takes
 * at most one continuation and each block continues at most one end, and the set of joins is the
 * one with the largest total weight (the Hungarian method), so one strong wrong join cannot take
 * a block that two weaker right joins need. Joins never form a cycle.
 */

/** A scored candidate join from row `a` (a dangling end) to column `b` (a continuation). */
export interface Edge {
  a: number;
  b: number;
  /** Positive: worth joining; zero or less: never chosen. */
  weight: number;
}

/**
 * Maximum-weight matching of a bipartite graph (rows and columns are any numbers); edges with
 * weight ≤ 0 are never chosen. Returns the chosen edges.
 */
export function maxWeightMatching<E extends Edge>(edges: E[]): E[] {
  const positive = edges.filter((e) => e.weight > 0);
  if (positive.length === 0) return [];
  const rows = [...new Set(positive.map((e) => e.a))];
  const cols = [...new Set(positive.map((e) => e.b))];
  const rowOf = new Map(rows.map((r, i) => [r, i]));
  const colOf = new Map(cols.map((c, i) => [c, i]));
  // Square cost matrix (minimisation): a missing edge costs 0 like staying unmatched.
  const n = Math.max(rows.length, cols.length);
  const cost: Float64Array[] = Array.from({ length: n }, () => new Float64Array(n));
  const best = new Map<string, E>();
  for (const e of positive) {
    const i = rowOf.get(e.a) ?? 0;
    const j = colOf.get(e.b) ?? 0;
    const row = cost[i] as Float64Array;
    if (-e.weight < (row[j] ?? 0)) { row[j] = -e.weight; best.set(`${i},${j}`, e); }
  }
  const match = hungarian(cost);
  const out: E[] = [];
  match.forEach((j, i) => {
    const e = best.get(`${i},${j}`);
    if (e) out.push(e);
  });
  return out;
}

/** Hungarian method (potentials, O(n³)) on a square cost matrix; returns column of each row. */
function hungarian(cost: Float64Array[]): number[] {
  const n = cost.length;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1); // p[j]: row matched to column j (1-based, 0 = none)
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0] as number;
      let delta = Infinity;
      let j1 = 0;
      const row = cost[i0 - 1] as Float64Array;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = (row[j - 1] as number) - (u[i0] as number) - (v[j] as number);
        if (cur < (minv[j] as number)) { minv[j] = cur; way[j] = j0; }
        if ((minv[j] as number) < delta) { delta = minv[j] as number; j1 = j; }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) { u[p[j] as number] = (u[p[j] as number] as number) + delta; v[j] = (v[j] as number) - delta; }
        else minv[j] = (minv[j] as number) - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0] as number;
      p[j0] = p[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  const colOfRow = new Array<number>(n).fill(-1);
  for (let j = 1; j <= n; j++) if ((p[j] as number) > 0) colOfRow[(p[j] as number) - 1] = j - 1;
  return colOfRow;
}

/**
 * Drops the weakest join of every cycle (a block's chain leading back to itself), so the joins
 * form chains. Edges are between the same kind of node here: b of one join may be a of another.
 */
export function breakCycles<E extends Edge>(joins: E[]): E[] {
  const next = new Map(joins.map((e) => [e.a, e]));
  const dropped = new Set<E>();
  const done = new Set<number>();
  for (const start of next.keys()) {
    if (done.has(start)) continue;
    const path: E[] = [];
    const seen = new Set<number>();
    let k: number | undefined = start;
    let cycleAt: number | null = null;
    while (k !== undefined && !done.has(k)) {
      if (seen.has(k)) { cycleAt = k; break; }
      seen.add(k);
      const e = next.get(k);
      if (!e || dropped.has(e)) break;
      path.push(e);
      k = e.b;
    }
    if (cycleAt !== null) {
      const cycle = path.slice(path.findIndex((e) => e.a === cycleAt));
      const weakest = cycle.reduce((w, e) => (e.weight < w.weight ? e : w));
      dropped.add(weakest);
    }
    for (const s of seen) done.add(s);
  }
  return joins.filter((e) => !dropped.has(e));
}
