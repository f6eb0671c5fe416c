import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findLayerViolations } from '../helpers/layering.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('layering: routes → controllers → services → repositories', () => {
  it('routes and controllers never import the database client or a repository', () => {
    expect(findLayerViolations(projectRoot)).toEqual([]);
  });

  it('the rule catches a route or controller that goes around its service', () => {
    const root = mkdtempSync(join(tmpdir(), 'layering-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    try {
      write('src/routes/orders.routes.ts', "import { DrizzleOrdersRepository } from '../repositories/orders.repository.js';\n");
      write('src/controllers/orders.controller.ts', "import type { Database } from '../lib/database.js';\nimport { OrdersService } from '../services/orders.service.js';\n// import '../db/schema.js' in a comment does not count\n");
      write('src/routes/schemas/orders.ts', "const load = () => import('../../db/schema.js');\n");
      expect(findLayerViolations(root)).toEqual([
        { file: 'src/routes/orders.routes.ts', imports: 'src/repositories/orders.repository' },
        { file: 'src/routes/schemas/orders.ts', imports: 'src/db/schema' },
        { file: 'src/controllers/orders.controller.ts', imports: 'src/lib/database' },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
