/**
 * Template file names → project file names. npm drops `.gitignore` and friends from published
 * packages, so dotfiles are stored as `dot-name`; `.hbs` marks a file that Handlebars renders.
 */
export function outputPath(templatePath: string): string {
  return templatePath
    .split('/')
    .map((segment) => (segment.startsWith('dot-') ? `.${segment.slice(4)}` : segment))
    .join('/')
    .replace(/\.hbs$/, '');
}

export function isTemplate(templatePath: string): boolean {
  return templatePath.endsWith('.hbs');
}
