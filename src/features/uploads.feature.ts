import { withDialects, type FeatureManifest } from './types.js';

/**
 * File uploads. The port, the local-disk adapter (also the s3 option's stand-in without S3_BUCKET), the
 * files table, routes, readiness and shutdown are shared; each storage option ships its own
 * src/lib/storage/index.ts that picks the adapter, and its own test/helpers/test-storage.ts (where the
 * tests' files go: a temporary directory, or an S3 server started by the test).
 */
export const uploadsFeature: FeatureManifest = {
  id: 'uploads',
  summary: 'File uploads (multipart, magic-byte types)',
  selectedWhen: { option: 'features', includes: 'uploads' },
  requires: ['core'],
  dependencies: ['@fastify/multipart', 'file-type'],
  env: [
    {
      name: 'UPLOAD_MAX_BYTES',
      schema: 'int(1, 5 * 1024 * 1024 * 1024).default(10485760)',
      example: '10485760',
      description: 'Largest accepted upload in bytes (10 MiB); a bigger file gets 413 PAYLOAD_TOO_LARGE and nothing is stored.',
    },
    {
      name: 'UPLOAD_ALLOWED_TYPES',
      schema:
        "z.string().default('image/png,image/jpeg,image/webp,image/gif,application/pdf').transform((value) => value.split(',').map((type) => type.trim().toLowerCase()).filter((type) => type.length > 0)).pipe(z.array(z.string().regex(/^[a-z0-9][a-z0-9.+-]*\\/[a-z0-9][a-z0-9.+-]*$/, 'must be a MIME type such as image/png')).min(1, 'list at least one MIME type'))",
      example: 'image/png,image/jpeg,image/webp,image/gif,application/pdf',
      description:
        "Comma-separated MIME types accepted by POST /api/v1/files. The type is decided from the file's content\n(magic bytes), so only types that can be recognised that way may be listed (not text/plain or image/svg+xml).",
    },
    {
      name: 'UPLOAD_DIR',
      schema: "z.string().trim().min(1).default('.data/uploads')",
      example: '.data/uploads',
      description: 'Directory that holds uploaded files on local disk (relative to the working directory; git-ignored).',
    },
  ],
  templates: withDialects('uploads/common'),
  registrations: [
    { point: 'routes', symbol: 'filesRoutes', from: 'src/routes/files.routes.ts' },
    { point: 'healthChecks', symbol: 'storageHealthCheck', from: 'src/lib/storage/health.ts' },
    { point: 'shutdownHooks', symbol: 'closeStorage', from: 'src/lib/storage/health.ts' },
  ],
};

export const storageLocalFeature: FeatureManifest = {
  id: 'storage-local',
  summary: 'Uploads on local disk',
  selectedWhen: { allOf: [{ option: 'features', includes: 'uploads' }, { option: 'storage', equals: 'local' }] },
  requires: ['core', 'uploads'],
  templates: ['uploads/local'],
  compose: {
    // The image's /app/.data belongs to the unprivileged user; a named volume there starts with that owner.
    app: { definition: { volumes: ['app-data:/app/.data'] }, volumes: ['app-data'] },
  },
};

const required = (name: string) => `\${${name}:?set ${name} (and the other S3_* variables, see docs/uploads.md) in your shell or .env}`;

/**
 * What every container that loads the configuration needs with --storage s3 (production requires them).
 * The worker (a queue server is used) gets the app's environment, these included.
 */
const s3RequiredEnvironment = {
  S3_BUCKET: required('S3_BUCKET'),
  S3_ACCESS_KEY_ID: required('S3_ACCESS_KEY_ID'),
  S3_SECRET_ACCESS_KEY: required('S3_SECRET_ACCESS_KEY'),
};

export const storageS3Feature: FeatureManifest = {
  id: 'storage-s3',
  summary: 'Uploads in S3-compatible storage',
  selectedWhen: { allOf: [{ option: 'features', includes: 'uploads' }, { option: 'storage', equals: 's3' }] },
  requires: ['core', 'uploads'],
  dependencies: ['@aws-sdk/client-s3', '@aws-sdk/lib-storage'],
  devDependencies: ['s3rver', '@types/s3rver'],
  env: [
    {
      name: 'S3_BUCKET',
      schema:
        "z.string().trim().regex(/^$|^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3-63 lower-case letters, digits, dots and hyphens').optional().transform((value) => value || undefined)",
      example: '',
      description:
        'Bucket that holds uploaded files. Required in production. Empty: files go to UPLOAD_DIR on local disk instead,\nso `npm run dev` and `npm test` need no S3 server.',
      requiredInProduction: true,
    },
    {
      name: 'S3_REGION',
      schema: "z.string().trim().min(1).default('us-east-1')",
      example: 'us-east-1',
      description: "The bucket's region (AWS). S3-compatible services mostly accept any value; R2 wants auto.",
    },
    {
      name: 'S3_ENDPOINT',
      schema: 'optionalUrl(/^https?$/)',
      example: '',
      description: 'URL of an S3-compatible service (MinIO, Cloudflare R2, Ceph, …), e.g. http://localhost:9000. Empty: AWS S3.',
    },
    {
      name: 'S3_FORCE_PATH_STYLE',
      schema: 'z.stringbool().default(false)',
      example: 'false',
      description: 'true: address the bucket in the path (http://host/bucket/key), as MinIO and most self-hosted services need.',
    },
    {
      name: 'S3_ACCESS_KEY_ID',
      schema: 'z.string().trim().optional().transform((value) => value || undefined)',
      example: '',
      description: 'Access key of an account that may get, put and delete objects in S3_BUCKET. Required in production.',
      requiredInProduction: true,
    },
    {
      name: 'S3_SECRET_ACCESS_KEY',
      schema: 'z.string().trim().optional().transform((value) => value || undefined)',
      example: '',
      description: 'The secret of S3_ACCESS_KEY_ID. Required in production; never logged.',
      requiredInProduction: true,
    },
    {
      name: 'S3_KEY_PREFIX',
      schema: "z.string().trim().max(200).regex(/^(?!\\/)[\\w./-]*$/, 'may contain only letters, digits and . _ - /, and may not start with /').default('')",
      example: '',
      description:
        "Prepended to every object key (e.g. uploads/), so that several apps or environments can share one bucket.\nChanging it later hides the files stored under the old prefix.",
    },
  ],
  templates: ['uploads/s3'],
  compose: {
    migrate: { definition: { environment: s3RequiredEnvironment } },
    app: {
      definition: {
        environment: {
          ...s3RequiredEnvironment,
          S3_REGION: '${S3_REGION:-us-east-1}',
          S3_ENDPOINT: '${S3_ENDPOINT:-}',
          S3_FORCE_PATH_STYLE: '${S3_FORCE_PATH_STYLE:-false}',
          S3_KEY_PREFIX: '${S3_KEY_PREFIX:-}',
        },
      },
    },
  },
};
