import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';

/**
 * The k8s/ manifests, parsed and checked against the shapes the tests rely on. The schemas are the
 * structural part of the check: a manifest missing a probe, a limit or a security setting fails to parse.
 */

export const K8S_DIR = 'k8s';

const envFrom = z.array(
  z.union([
    z.object({ configMapRef: z.object({ name: z.string() }) }),
    z.object({ secretRef: z.object({ name: z.string() }) }),
  ]),
);

const quantity = z.union([z.string().min(1), z.number()]);
const resources = z.object({
  requests: z.object({ cpu: quantity, memory: quantity }),
  limits: z.object({ cpu: quantity, memory: quantity }),
});

const httpProbe = z.object({
  httpGet: z.object({ path: z.string().startsWith('/'), port: z.union([z.string(), z.number()]) }),
  periodSeconds: z.number().int().positive(),
  failureThreshold: z.number().int().positive(),
  timeoutSeconds: z.number().int().positive().optional(),
});

export const containerSchema = z.object({
  name: z.string(),
  image: z.string().min(1),
  command: z.array(z.string()).optional(),
  ports: z.array(z.object({ name: z.string(), containerPort: z.number().int() })).optional(),
  envFrom,
  resources,
  securityContext: z.object({
    allowPrivilegeEscalation: z.literal(false),
    readOnlyRootFilesystem: z.literal(true),
    capabilities: z.object({ drop: z.array(z.string()) }),
  }),
  volumeMounts: z.array(z.object({ name: z.string(), mountPath: z.string() })).default([]),
  startupProbe: httpProbe.optional(),
  livenessProbe: httpProbe.optional(),
  readinessProbe: httpProbe.optional(),
  lifecycle: z.object({ preStop: z.object({ exec: z.object({ command: z.array(z.string()) }) }) }).optional(),
});

export const podSpecSchema = z.object({
  terminationGracePeriodSeconds: z.number().int().positive().optional(),
  securityContext: z.object({ runAsNonRoot: z.literal(true), runAsUser: z.number().int().positive() }),
  initContainers: z.array(containerSchema).default([]),
  containers: z.array(containerSchema).min(1),
  volumes: z.array(z.object({ name: z.string() }).loose()).default([]),
});

const metadata = z.object({ name: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/) });

export const deploymentSchema = z.object({
  apiVersion: z.literal('apps/v1'),
  kind: z.literal('Deployment'),
  metadata,
  spec: z.object({
    replicas: z.number().int().positive(),
    strategy: z.object({ type: z.enum(['RollingUpdate', 'Recreate']), rollingUpdate: z.object({ maxUnavailable: z.number(), maxSurge: z.number() }).optional() }),
    selector: z.object({ matchLabels: z.record(z.string(), z.string()) }),
    template: z.object({ metadata: z.object({ labels: z.record(z.string(), z.string()), annotations: z.record(z.string(), z.string()).optional() }), spec: podSpecSchema }),
  }),
});

export const jobSchema = z.object({
  apiVersion: z.literal('batch/v1'),
  kind: z.literal('Job'),
  metadata,
  spec: z.object({ backoffLimit: z.number().int(), template: z.object({ spec: podSpecSchema.extend({ restartPolicy: z.enum(['Never', 'OnFailure']) }) }) }),
});

export const configMapSchema = z.object({ kind: z.literal('ConfigMap'), metadata, data: z.record(z.string(), z.string()) });
export const secretSchema = z.object({ kind: z.literal('Secret'), metadata, stringData: z.record(z.string(), z.literal('')) });
export const serviceSchema = z.object({
  kind: z.literal('Service'),
  metadata,
  spec: z.object({ selector: z.record(z.string(), z.string()), ports: z.array(z.object({ port: z.number(), targetPort: z.union([z.string(), z.number()]) })) }),
});

/** Every YAML document of one file of k8s/ (the Secret template included), as plain data. */
export function readManifest(file: string): unknown[] {
  const documents = parseAllDocuments(readFileSync(join(K8S_DIR, file), 'utf8'));
  return documents.map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((error) => error.message).join('; ')}`);
    return document.toJS() as unknown;
  });
}

export function readOne<T>(file: string, schema: z.ZodType<T>): T {
  const [only, ...rest] = readManifest(file);
  if (only === undefined || rest.length > 0) throw new Error(`${file}: expected exactly one document`);
  return schema.parse(only);
}

export function manifestFiles(): string[] {
  return readdirSync(K8S_DIR).filter((file) => file.endsWith('.yaml') || file.endsWith('.yaml.example'));
}

export const hasFile = (file: string) => existsSync(join(K8S_DIR, file));
