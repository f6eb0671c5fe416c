import type { FeatureManifest } from './types.js';

/**
 * Kubernetes manifests (k8s/): Deployment, Service, ConfigMap and a Secret template derived from the
 * project's env declarations (src/features/deployment.ts), the migrations, and the worker when a queue
 * server feeds one. The generated test parses them with `yaml` and checks them against the app.
 */
export const k8sFeature: FeatureManifest = {
  id: 'k8s',
  summary: 'Kubernetes manifests',
  selectedWhen: { option: 'features', includes: 'k8s' },
  requires: ['core'],
  devDependencies: ['yaml'],
  templates: [
    'k8s/common',
    { folder: 'k8s/sqlite', when: { option: 'database', equals: 'sqlite' } },
    { folder: 'k8s/server', when: { option: 'database', oneOf: ['postgres', 'mysql'] } },
    {
      folder: 'k8s/worker',
      when: { allOf: [{ option: 'queue', oneOf: ['bullmq', 'pg-boss'] }, { option: 'database', oneOf: ['postgres', 'mysql'] }] },
    },
  ],
};
