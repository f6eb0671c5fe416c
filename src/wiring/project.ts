import { IndentationText, Project, QuoteKind } from 'ts-morph';

/** An in-memory ts-morph project that writes in the generated code's style: two spaces, single quotes. */
export function createWiringProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single, useTrailingCommas: true },
  });
}
