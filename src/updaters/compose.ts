import { Document, isMap, parseDocument } from 'yaml';
import type { ComposeService } from '../features/types.js';

/**
 * Adds the services (and their named volumes) that docker-compose.yml lacks. Services the user already
 * defines are left untouched, whatever they contain.
 */
export function mergeCompose(existing: string | undefined, services: Readonly<Record<string, ComposeService>>): string {
  const document = existing ? parseDocument(existing) : new Document({ services: {} });
  if (!isMap(document.get('services'))) document.set('services', document.createNode({}));
  for (const [name, service] of Object.entries(services)) {
    if (!document.hasIn(['services', name])) document.setIn(['services', name], document.createNode(service.definition));
    for (const volume of service.volumes ?? []) {
      if (!document.hasIn(['volumes', volume])) document.setIn(['volumes', volume], null);
    }
  }
  return document.toString({ lineWidth: 0, nullStr: '' });
}
