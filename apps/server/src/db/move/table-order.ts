/** A table and the tables its foreign keys point at. */
export interface TableReferences {
  name: string;
  references: string[];
}

/**
 * Every table, each after the tables it references, so rows can be inserted in this order with constraints
 * checked. A table's references to itself are ignored (none today); a cycle between tables is an error.
 */
export function orderTablesByDependency(tables: TableReferences[]): string[] {
  const names = new Set(tables.map((t) => t.name));
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t.name) && t.references.every((r) => r === t.name || placed.has(r) || !names.has(r)),
    );
    if (ready.length === 0) throw new Error('The tables reference each other in a cycle; cannot order them');
    for (const table of ready) {
      ordered.push(table.name);
      placed.add(table.name);
    }
  }
  return ordered;
}
