import { templateFolders } from './features/types.js';
import type { Plan } from './plan/plan.js';
import { buildContext } from './render/context.js';
import { defaultTemplatesDir, renderFolder } from './render/render-folder.js';
import { fileHashes, manifestFileName, serialiseManifest } from './tree/manifest.js';
import type { MemoryTree } from './tree/memory-tree.js';
import { mergeCompose } from './updaters/compose.js';
import { mergeEnvExample } from './updaters/env-example.js';
import { mergePackageJson } from './updaters/package-json.js';

export interface GenerateOptions {
  cliVersion: string;
  templatesDir?: string;
}

/**
 * A pure function of (plan, tree): renders every feature's templates, merges the structured files and
 * records the manifest. Nothing here touches the disk outside `templates/`.
 */
export function generate(plan: Plan, tree: MemoryTree, options: GenerateOptions): void {
  const context = buildContext(plan);
  const owners = new Map<string, string>();
  for (const feature of plan.features) {
    for (const folder of templateFolders(feature, plan.options)) renderFolder(folder, context, tree, owners, options.templatesDir ?? defaultTemplatesDir);
  }
  tree.write('package.json', mergePackageJson(tree.readText('package.json'), plan));
  tree.write('.env.example', mergeEnvExample(tree.readText('.env.example') ?? '', plan.features));
  if (Object.keys(plan.compose).length > 0) {
    tree.write('docker-compose.yml', mergeCompose(tree.readText('docker-compose.yml'), plan.compose));
  }
  const manifest = { cliVersion: options.cliVersion, projectName: plan.projectName, options: plan.options, features: plan.features.map((f) => f.id), resources: [], files: fileHashes(tree) };
  tree.write(manifestFileName, serialiseManifest(manifest));
}
