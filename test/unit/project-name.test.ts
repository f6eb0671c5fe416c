import { describe, expect, it } from 'vitest';
import { resolveTarget } from '../../src/core/project-name.js';

describe('project name', () => {
  it('takes the last path segment as the package name', () => {
    expect(resolveTarget('apps/my-api', '/work')).toEqual({ targetDir: '/work/apps/my-api', projectName: 'my-api' });
  });

  it('uses the current directory for "."', () => {
    expect(resolveTarget('.', '/work/orders-service')).toEqual({ targetDir: '/work/orders-service', projectName: 'orders-service' });
  });

  it.each(['My-Api', '_private', '.hidden', 'has space', 'node_modules', 'a'.repeat(215), ''])('refuses %j with INVALID_NAME and exit 2', (name) => {
    expect(() => resolveTarget(name, '/work')).toThrowError(expect.objectContaining({ code: 'INVALID_NAME', exitCode: 2 }));
  });
});
