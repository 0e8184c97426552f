/**
 * B-cubed precision, recall and F1 of a clustering against gold classes (Bagga & Baldwin 1998):
 * for each item, the share of its predicted cluster that shares its gold class (precision) and
 * the share of its gold class that shares its predicted cluster (recall), averaged over items.
 * An item with no predicted cluster (null) is a cluster of its own.
 */

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  items: number;
}

export function bcubed(predicted: ReadonlyMap<string, string | null>, gold: ReadonlyMap<string, string>): BCubed {
  const items = [...gold.keys()];
  const clusterOf = (item: string): string => {
    const c = predicted.get(item);
    return c === null || c === undefined ? `\u0000singleton:${item}` : c;
  };
  const byCluster = new Map<string, string[]>();
  const byGold = new Map<string, string[]>();
  for (const item of items) {
    push(byCluster, clusterOf(item), item);
    push(byGold, gold.get(item) as string, item);
  }
  let precision = 0;
  let recall = 0;
  for (const item of items) {
    const cluster = byCluster.get(clusterOf(item)) ?? [];
    const goldClass = gold.get(item) as string;
    const same = cluster.filter((other) => gold.get(other) === goldClass).length;
    precision += same / cluster.length;
    recall += same / (byGold.get(goldClass)?.length ?? 1);
  }
  const n = items.length;
  const p = n ? precision / n : 0;
  const r = n ? recall / n : 0;
  return { precision: p, recall: r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, items: n };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
