/** A heading line and everything up to the next one; the preamble has the heading ''. */
interface Section {
  heading: string;
  text: string;
}

function split(content: string, isHeading: (line: string) => boolean): Section[] {
  const sections: Section[] = [{ heading: '', text: '' }];
  for (const line of content.split(/(?<=\n)/)) {
    if (isHeading(line)) sections.push({ heading: line.trim(), text: line });
    else sections[sections.length - 1]!.text += line;
  }
  return sections;
}

const trimmed = (section: Section | undefined): string | undefined => section?.text.trimEnd();

/**
 * Three-way merge of a text made of headed sections (README `## …`, `.env.example` `# --- … ---`):
 * a section the generator adds is inserted after the one that precedes it in the new text; one it
 * changes or drops is replaced or dropped only where the user left it as generated. Sections the user
 * wrote or edited stay as they are.
 */
export function mergeSections(base: string, target: string, mine: string, isHeading: (line: string) => boolean): string {
  const before = new Map(split(base, isHeading).map((s) => [s.heading, s]));
  const after = split(target, isHeading);
  const afterByHeading = new Map(after.map((s) => [s.heading, s]));
  const result: Section[] = [];
  for (const section of split(mine, isHeading)) {
    const generated = before.get(section.heading);
    const untouched = generated !== undefined && trimmed(generated) === trimmed(section);
    const replacement = afterByHeading.get(section.heading);
    if (untouched && replacement === undefined) continue;
    result.push(untouched && replacement ? { heading: section.heading, text: withEnding(replacement.text, section.text) } : section);
  }
  after.forEach((section, index) => {
    if (result.some((s) => s.heading === section.heading)) return;
    const previous = after.slice(0, index).reverse().find((s) => result.some((r) => r.heading === s.heading));
    const at = previous ? result.findIndex((s) => s.heading === previous.heading) + 1 : result.length;
    const preceding = result[at - 1];
    if (preceding && !preceding.text.endsWith('\n\n')) preceding.text = `${preceding.text.trimEnd()}\n\n`;
    result.splice(at, 0, { heading: section.heading, text: at === result.length ? section.text : `${section.text.trimEnd()}\n\n` });
  });
  return result.map((s) => s.text).join('');
}

/** Keeps the blank lines the user had after a section that is being replaced. */
function withEnding(text: string, original: string): string {
  const ending = /\n*$/.exec(original)?.[0] ?? '\n';
  return `${text.trimEnd()}${ending}`;
}
