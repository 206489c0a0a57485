import type { CartographyModels, CartographyNode, CartographyRel } from './cartography-models.ts';

/**
 * Compares skygraph's node schemas with Cartography's models: per type, the
 * properties and relationships one writes and the other does not. Both sides
 * are read from their definitions (skygraph's schemas, Cartography's models
 * as dumped from its package); nothing is copied by hand.
 *
 * An edge is `Source-[TYPE]->Target`, written with main labels. A Cartography
 * edge may name an extra label as an end (`AWSPrincipal`, `AWSPolicy`); it
 * matches a skygraph edge whose end type carries that label. Cartography
 * declares many edges on the other end's model (a subnet lists the instances
 * `PART_OF_SUBNET` it), so every model's edges count for both ends.
 */
export interface TypeDifferences {
  label: string;
  /** Properties skygraph writes that Cartography's models of the type do not have. */
  onlySkygraphProperties: string[];
  /** Properties Cartography's models have that skygraph does not write. */
  onlyCartographyProperties: string[];
  /** Edges touching the type that skygraph writes and Cartography does not. */
  onlySkygraphEdges: string[];
  /** Edges between types skygraph writes that Cartography writes and skygraph does not. */
  onlyCartographyEdges: string[];
}

/** What the comparison reads of a skygraph node schema (structurally: tools/ depends on no package). */
export interface AnyNodeSchema {
  readonly label: string;
  readonly extraLabels: readonly string[];
  readonly properties: Readonly<Record<string, unknown>>;
  readonly computed: Readonly<Record<string, unknown>>;
  readonly scope: { readonly owner: { readonly label: string }; readonly rel: string } | null;
  readonly relationships: Readonly<
    Record<
      string,
      { readonly type: string; readonly direction: 'in' | 'out'; readonly target: { readonly label: string } }
    >
  >;
}

interface Edge {
  source: string;
  type: string;
  target: string;
}

const show = (e: Edge) => `${e.source}-[${e.type}]->${e.target}`;

function cartographyEdges(models: CartographyModels): Edge[] {
  const edges: Edge[] = [];
  const add = (node: string, rel: CartographyRel) =>
    edges.push(
      rel.direction === 'out'
        ? { source: node, type: rel.type, target: rel.target }
        : { source: rel.target, type: rel.type, target: node },
    );
  for (const node of models.nodes) {
    if (node.subResource) add(node.label, node.subResource);
    for (const rel of node.relationships) add(node.label, rel);
  }
  for (const link of models.matchLinks ?? []) if (link.source) add(link.source, link);
  return edges;
}

function skygraphEdges(schemas: readonly AnyNodeSchema[]): Edge[] {
  const edges: Edge[] = [];
  for (const schema of schemas) {
    if (schema.scope)
      edges.push({ source: schema.scope.owner.label, type: schema.scope.rel, target: schema.label });
    for (const rel of Object.values(schema.relationships)) {
      edges.push(
        rel.direction === 'out'
          ? { source: schema.label, type: rel.type, target: rel.target.label }
          : { source: rel.target.label, type: rel.type, target: schema.label },
      );
    }
  }
  return edges;
}

/** The differences of every skygraph type Cartography models, by main label; `missing` lists those it does not. */
export function compareWithCartography(
  schemas: readonly AnyNodeSchema[],
  models: CartographyModels,
): { types: TypeDifferences[]; missing: string[] } {
  const byLabel = new Map<string, CartographyNode[]>();
  for (const node of models.nodes) byLabel.set(node.label, [...(byLabel.get(node.label) ?? []), node]);
  const schemaOf = new Map(schemas.map((s) => [s.label, s]));
  /** The labels a skygraph type's nodes carry. */
  const labelsOf = (label: string) => {
    const schema = schemaOf.get(label);
    return new Set(schema ? [schema.label, ...schema.extraLabels] : [label]);
  };
  /** The skygraph types whose nodes carry a label (their main label or an extra one). */
  const typesCarrying = (label: string) =>
    schemas.filter((s) => labelsOf(s.label).has(label)).map((s) => s.label);

  const ours = skygraphEdges(schemas);
  const theirs = cartographyEdges(models);
  // Ends match when they name the same type, or when the nodes of one carry the label the other
  // names (`AWSUser` nodes are `AWSPrincipal`s; a skygraph edge to `AWSPolicy` reaches `AWSInlinePolicy`).
  const overlap = (ours: string, theirs: string) =>
    ours === theirs || labelsOf(ours).has(theirs) || labelsOf(theirs).has(ours);
  const same = (a: Edge, b: Edge) =>
    a.type === b.type && overlap(a.source, b.source) && overlap(a.target, b.target);
  const types: TypeDifferences[] = [];
  const missing: string[] = [];
  for (const schema of schemas) {
    const nodes = byLabel.get(schema.label);
    if (!nodes) {
      missing.push(schema.label);
      continue;
    }
    const theirProps = new Set(nodes.flatMap((n) => Object.keys(n.properties)));
    theirProps.delete('lastupdated');
    const ourProps = new Set([...Object.keys(schema.properties), ...Object.keys(schema.computed)]);
    const onlySkygraphEdges = ours
      .filter(
        (e) => (e.source === schema.label || e.target === schema.label) && !theirs.some((t) => same(e, t)),
      )
      .map(show);
    // Cartography's edges with this type at one end and a type skygraph writes at the other.
    const onlyCartographyEdges = new Set<string>();
    for (const t of theirs) {
      if (t.source !== schema.label && t.target !== schema.label) continue;
      // Only between types skygraph writes: the others are types it does not collect at all.
      if (typesCarrying(t.source).length === 0 || typesCarrying(t.target).length === 0) continue;
      if (!ours.some((o) => same(o, t))) onlyCartographyEdges.add(show(t));
    }
    types.push({
      label: schema.label,
      onlySkygraphProperties: [...ourProps].filter((p) => !theirProps.has(p)).sort(),
      onlyCartographyProperties: [...theirProps].filter((p) => !ourProps.has(p)).sort(),
      onlySkygraphEdges: [...new Set(onlySkygraphEdges)].sort(),
      onlyCartographyEdges: [...onlyCartographyEdges].sort(),
    });
  }
  return { types, missing };
}
