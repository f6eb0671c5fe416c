import { Document, isMap, parseDocument } from 'yaml';
import type { ComposeService } from '../features/types.js';
import { isRecord } from './deep-merge.js';

function newComposeDocument(): Document {
  const document = new Document({ services: {} });
  document.commentBefore = ' The app against the real servers below. Set every ${NAME:?…} variable below first (32+ random\n characters each, e.g. `export CURSOR_SECRET=$(openssl rand -base64 48)`), then: docker compose up --build';
  return document;
}

/** Fills in keys a service lacks (e.g. a new environment variable), leaving every existing value alone. */
function addMissingKeys(document: Document, path: readonly string[], data: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(data)) {
    const at = [...path, key];
    if (!document.hasIn(at)) document.setIn(at, document.createNode(value));
    else if (isRecord(value) && isMap(document.getIn(at))) {
      addMissingKeys(document, at, value);
    }
  }
}

/**
 * Adds the services (and their named volumes) that docker-compose.yml lacks. Services the user already
 * defines are left untouched, whatever they contain.
 */
export function mergeCompose(existing: string | undefined, services: Readonly<Record<string, ComposeService>>): string {
  const document = existing ? parseDocument(existing) : newComposeDocument();
  if (!isMap(document.get('services'))) document.set('services', document.createNode({}));
  for (const [name, service] of Object.entries(services)) {
    if (!document.hasIn(['services', name])) document.setIn(['services', name], document.createNode(service.definition));
    else addMissingKeys(document, ['services', name], service.definition);
    for (const volume of service.volumes ?? []) {
      if (!document.hasIn(['volumes', volume])) document.setIn(['volumes', volume], null);
    }
  }
  // Quoted values: compose reads `5432:5432` unquoted as a base-60 number under YAML 1.1 rules.
  return document.toString({ lineWidth: 0, nullStr: '', defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}
