import type { OptionSpec } from '@skygraph/core';
import { expect } from 'vitest';
import { cronProblems } from './cron.ts';
import { containersOf, type Manifest, type Obj, podSpecOf } from './kustomize-build.ts';

const API_VERSIONS: Record<string, string> = {
  CronJob: 'batch/v1',
  StatefulSet: 'apps/v1',
  Service: 'v1',
  ConfigMap: 'v1',
  ServiceAccount: 'v1',
  Namespace: 'v1',
  NetworkPolicy: 'networking.k8s.io/v1',
};
const SECRET_NAME = /PASSWORD|TOKEN|SECRET|API_KEY|ACCESS_KEY|^NEO4J_AUTH$/;
const SECRET_VALUE = /AKIA[0-9A-Z]{16}|hooks\.slack\.com\/services|-----BEGIN|xox[abprs]-|eyJhbGci/;

/** The flags (without dashes) a command with these option specs accepts, `--config` included. */
export function flagsOf(...specs: Record<string, OptionSpec>[]): Set<string> {
  return new Set(['config', ...specs.flatMap((s) => Object.values(s).map((o) => o.flag))]);
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/**
 * The checks every manifest passes, on its own: API version, names, no
 * secret values, CronJob schedule and policies, pod and container security,
 * resources, secret-looking variables from secrets, mounts of defined
 * volumes (and, given the ConfigMaps of the build, existing ones).
 */
export function checkObjects(
  resources: Manifest[],
  options: { configMaps?: ReadonlySet<string> } = {},
): void {
  const byKind = (kind: string) => resources.filter((r) => r.kind === kind);
  expect(byKind('Secret')).toEqual([]);
  for (const r of resources) {
    expect(r.apiVersion, `${r.kind}/${r.metadata.name}`).toBe(API_VERSIONS[r.kind]);
    expect(r.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    for (const text of stringsIn(r)) expect(text, `${r.kind}/${r.metadata.name}`).not.toMatch(SECRET_VALUE);
  }
  for (const job of byKind('CronJob')) {
    const where = `CronJob ${job.metadata.name}`;
    const spec = job.spec as Obj;
    expect(cronProblems(spec.schedule), where).toEqual([]);
    expect(spec.concurrencyPolicy, where).toBe('Forbid');
    expect([...Intl.supportedValuesOf('timeZone'), 'Etc/UTC', 'UTC'], where).toContain(spec.timeZone);
    expect(spec.jobTemplate.spec.backoffLimit, where).toBeLessThanOrEqual(3);
    expect(spec.jobTemplate.spec.activeDeadlineSeconds, where).toBeGreaterThan(0);
    expect(['Never', 'OnFailure'], where).toContain(podSpecOf(job)?.restartPolicy);
  }

  for (const workload of [...byKind('CronJob'), ...byKind('StatefulSet')]) {
    const where = `${workload.kind} ${workload.metadata.name}`;
    const pod = podSpecOf(workload) as Obj;
    expect(pod.securityContext, where).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.securityContext.runAsUser, where).toBeGreaterThan(0);
    const claims = ((workload.spec as Obj).volumeClaimTemplates ?? []).map(
      (c: Obj) => c.metadata.name as string,
    );
    const volumes = new Map<string, Obj>((pod.volumes ?? []).map((v: Obj) => [v.name, v]));
    for (const container of containersOf(workload)) {
      const at = `${where} container ${container.name}`;
      expect(container.image, at).toMatch(/^[^:]+(:[^:]+)?$/);
      expect(container.image, at).not.toMatch(/:latest$/);
      expect(container.securityContext, at).toMatchObject({ allowPrivilegeEscalation: false });
      expect(container.securityContext.capabilities.drop, at).toContain('ALL');
      expect(container.resources?.requests?.memory, at).toBeDefined();
      expect(container.resources?.requests?.cpu, at).toBeDefined();
      expect(container.resources?.limits?.memory, at).toBeDefined();
      for (const env of container.env ?? []) {
        if (SECRET_NAME.test(env.name))
          expect(env.valueFrom?.secretKeyRef, `${at} env ${env.name}`).toBeDefined();
      }
      for (const mount of container.volumeMounts ?? []) {
        expect([...volumes.keys(), ...claims], `${at} mount ${mount.name}`).toContain(mount.name);
      }
    }
    for (const volume of volumes.values()) {
      if (volume.configMap && options.configMaps)
        expect([...options.configMaps], `${where} volume ${volume.name}`).toContain(volume.configMap.name);
    }
  }
}
