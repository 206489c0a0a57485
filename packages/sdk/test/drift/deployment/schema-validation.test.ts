import { resolve } from 'node:path';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as coreV1 from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { kustomizeBuild } from './kustomize-build.ts';

// Every object the base and the example overlay produce is checked against
// the Kubernetes OpenAPI schemas (kubernetes-models ships them; no cluster needed).
const MODELS: Record<string, Record<string, unknown>> = {
  v1: coreV1,
  'apps/v1': appsV1,
  'batch/v1': batchV1,
  'networking.k8s.io/v1': networkingV1,
};

const root = resolve(import.meta.dirname, '../../../../../deploy/kubernetes');

describe('Kubernetes manifests against the API schemas', () => {
  for (const dir of ['base', 'overlays/example']) {
    it(`${dir}: every object is valid for its apiVersion and kind`, () => {
      const manifests = kustomizeBuild(resolve(root, dir));
      expect(manifests.length).toBeGreaterThan(0);
      for (const manifest of manifests) {
        const { apiVersion, kind } = manifest as { apiVersion: string; kind: string };
        const Model = MODELS[apiVersion]?.[kind] as (new (data: unknown) => { validate(): void }) | undefined;
        expect(Model, `no schema for ${apiVersion} ${kind}`).toBeDefined();
        expect(
          () => new (Model as new (data: unknown) => { validate(): void })(manifest).validate(),
          `${kind} ${JSON.stringify((manifest as { metadata?: unknown }).metadata)}`,
        ).not.toThrow();
      }
    });
  }

  it('rejects an object the API would reject (the check can fail)', () => {
    expect(() =>
      new batchV1.CronJob({
        metadata: { name: 'x' },
        spec: { schedule: 5, jobTemplate: {} },
      } as never).validate(),
    ).toThrow(/schedule/);
  });
});
