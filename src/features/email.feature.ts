import type { FeatureManifest } from './types.js';

export const emailFeature: FeatureManifest = {
  id: 'email',
  summary: 'Email (SMTP via nodemailer, dev outbox, sent as jobs)',
  selectedWhen: { option: 'features', includes: 'email' },
  requires: ['core', 'jobs'],
  dependencies: ['nodemailer'],
  devDependencies: ['@types/nodemailer'],
  templates: ['email'],
};
