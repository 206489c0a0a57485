import type { AnyNodeSchema } from '@skygraph/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CARTOGRAPHY_VERSION,
  type CartographyModels,
  type CartographyNode,
  loadCartographyModels,
} from '../../../../tools/cartography/cartography-models.ts';
import { SKYGRAPH_ONLY_TYPES } from '../../../../tools/cartography/skygraph-only-types.ts';
import { awsSchemas, gcpSchemas, gsuiteSchemas } from './schema-graph.ts';

/**
 * Every node type skygraph writes carries the labels Cartography's pinned
 * release gives it — its current main label, its compatibility (legacy)
 * labels, its ontology and standard labels — and uses its key. The oracle is
 * Cartography's own models, read from the package (tools/cartography), not a
 * copied table.
 */

/**
 * Differences still open, each to be closed with the type's ids and
 * relationships (not deliberate: nothing may be added here to make the test pass).
 */
const PENDING: Record<string, string> = {
  AWSSSMParameter:
    'Cartography labels a SecureString parameter Secret; the schema DSL has no conditional labels yet (the type property tells SecureStrings apart)',
  AWSECRImage:
    'Cartography labels an ECR image Image, ImageManifestList or ImageAttestation by its type; the schema DSL has no conditional labels yet, and skygraph writes single images (type image) only, which carry Image',
};

/** The types as written (legacy aliases are the same types under their old names). */
const written = [...awsSchemas, ...gcpSchemas, ...gsuiteSchemas].filter(
  (schema): schema is (typeof awsSchemas)[number] => !('aliasOf' in schema),
) as AnyNodeSchema[];

let models: CartographyModels;
const byLabel = new Map<string, CartographyNode[]>();
beforeAll(() => {
  models = loadCartographyModels();
  for (const node of models.nodes) byLabel.set(node.label, [...(byLabel.get(node.label) ?? []), node]);
}, 300_000);

/** Cartography's labels of a type, by kind, merged over every module that writes it; conditional ones apart. */
function cartographyLabels(nodes: CartographyNode[]) {
  const always = new Map<string, string>();
  const conditional = new Set<string>();
  for (const node of nodes) {
    for (const extra of node.extraLabels) {
      if (extra.conditions.length > 0) conditional.add(extra.label);
      else always.set(extra.label, extra.kind);
    }
  }
  return { always, conditional };
}

describe(`labels and keys against Cartography ${CARTOGRAPHY_VERSION}`, () => {
  it('reads Cartography from its package', () => {
    expect(models.version).toBe(CARTOGRAPHY_VERSION);
    // A sanity floor: the AWS, GCP and Workspace models are all there.
    for (const label of ['AWSEC2Instance', 'GCPInstance', 'GSuiteUser'])
      expect(byLabel.has(label)).toBe(true);
  });

  for (const schema of written) {
    if (schema.label in PENDING || schema.label in SKYGRAPH_ONLY_TYPES) continue;
    it(`${schema.label}: Cartography's main label, legacy, ontology and standard labels, and key`, () => {
      const nodes = byLabel.get(schema.label);
      expect(nodes, `Cartography has no node type labelled ${schema.label}`).toBeDefined();
      const { always, conditional } = cartographyLabels(nodes ?? []);
      const expected = [...always.keys()].sort();
      const extra = [...schema.extraLabels].sort();
      expect(extra, 'extra labels').toEqual(expected);
      // Cartography's compatibility labels are names the type had before; skygraph's legacy labels
      // (its own earlier main labels, which the next sync migrates) include them.
      const compatibility = [...always]
        .filter(([, kind]) => kind === 'compatibility')
        .map(([label]) => label);
      expect(schema.legacyLabels, 'legacy labels').toEqual(expect.arrayContaining(compatibility));
      expect(conditional.size, `conditional labels ${[...conditional].join(', ')} are not modelled`).toBe(0);
      expect(schema.key).toBe('id');
      for (const node of nodes ?? []) expect(Object.keys(node.properties)).toContain('id');
    });
  }

  it('writes the skygraph-only types, which Cartography still does not model', () => {
    const labels = new Set(written.map((s) => s.label));
    for (const label of Object.keys(SKYGRAPH_ONLY_TYPES)) {
      expect(labels.has(label), `skygraph writes ${label}`).toBe(true);
      expect(byLabel.has(label), `Cartography now models ${label}: take its names`).toBe(false);
    }
  });

  it('still lists as pending only types that still differ', () => {
    for (const label of Object.keys(PENDING)) {
      const schema = written.find((s) => s.label === label);
      expect(schema, `${label} is no longer written: drop it from PENDING`).toBeDefined();
      const nodes = byLabel.get(label);
      // Conditional labels (Cartography's label-by-property) are not modelled: a type with any still differs.
      const matches =
        nodes !== undefined &&
        cartographyLabels(nodes).conditional.size === 0 &&
        JSON.stringify([...(schema?.extraLabels ?? [])].sort()) ===
          JSON.stringify([...cartographyLabels(nodes).always.keys()].sort());
      expect(matches, `${label} now matches Cartography: drop it from PENDING`).toBe(false);
    }
  });
});
