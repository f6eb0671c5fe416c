import type { FeatureManifest } from './types.js';

export const uploadsFeature: FeatureManifest = {
  id: 'uploads',
  summary: 'File uploads (multipart, magic-byte types)',
  selectedWhen: { option: 'features', includes: 'uploads' },
  requires: ['core'],
  dependencies: ['@fastify/multipart', 'file-type'],
  templates: ['uploads/common'],
};

export const storageLocalFeature: FeatureManifest = {
  id: 'storage-local',
  summary: 'Uploads on local disk',
  selectedWhen: { allOf: [{ option: 'features', includes: 'uploads' }, { option: 'storage', equals: 'local' }] },
  requires: ['core', 'uploads'],
  templates: ['uploads/local'],
};

export const storageS3Feature: FeatureManifest = {
  id: 'storage-s3',
  summary: 'Uploads in S3-compatible storage',
  selectedWhen: { allOf: [{ option: 'features', includes: 'uploads' }, { option: 'storage', equals: 's3' }] },
  requires: ['core', 'uploads'],
  dependencies: ['@aws-sdk/client-s3'],
  devDependencies: ['s3rver'],
  templates: ['uploads/s3'],
};
