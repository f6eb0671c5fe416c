import Handlebars from 'handlebars';
import { CliError } from '../core/errors.js';

/**
 * An isolated, strict Handlebars: an unknown variable fails the run naming the template, instead of
 * rendering an empty string into generated code. `noEscape`, because the output is code, not HTML.
 */
const environment = Handlebars.create();
environment.registerHelper('json', (value: unknown) => JSON.stringify(value));

const compiled = new Map<string, Handlebars.TemplateDelegate>();

export function renderTemplate(name: string, source: string, context: object): string {
  let template = compiled.get(name);
  if (!template) {
    template = environment.compile(source, { strict: true, noEscape: true });
    compiled.set(name, template);
  }
  try {
    return template(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError('TEMPLATE_ERROR', `Template ${name} failed to render: ${reason}`, 'This is a bug in create-solid-backend; please report it with the command you ran.');
  }
}
