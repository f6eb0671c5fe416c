import { beforeEach, describe, expect, it, vi } from 'vitest';

const offered = new Map<string, string[]>();
const picks: Record<string, string> = {};

vi.mock('@clack/prompts', () => ({
  isCancel: () => false,
  select: vi.fn(async ({ message, options, initialValue }: { message: string; options: { value: string }[]; initialValue: string }) => {
    offered.set(message, options.map((option) => option.value));
    return picks[message] ?? initialValue;
  }),
  multiselect: vi.fn(async ({ initialValues }: { initialValues: string[] }) => initialValues),
  text: vi.fn(),
}));

const { askMissingOptions } = await import('../../src/cli/prompts.js');

describe('interactive prompts', () => {
  beforeEach(() => {
    offered.clear();
    for (const key of Object.keys(picks)) delete picks[key];
  });

  it('do not offer sessions or pg-boss after SQLite was picked, so the answers are never refused', async () => {
    picks['Which database?'] = 'sqlite';
    const answers = await askMissingOptions({});
    expect(offered.get('Which database?')).toEqual(['postgres', 'sqlite', 'mysql']);
    expect(offered.get('Authentication?')).toEqual(['jwt', 'api-key', 'none']);
    expect(offered.get('Background job queue?')).toEqual(['none', 'bullmq']);
    expect(answers).toMatchObject({ database: 'sqlite', auth: 'jwt', queue: 'none' });
  });

  it('offer every auth mode and queue on PostgreSQL', async () => {
    await askMissingOptions({});
    expect(offered.get('Authentication?')).toEqual(['jwt', 'session', 'api-key', 'none']);
    expect(offered.get('Background job queue?')).toEqual(['none', 'bullmq', 'pg-boss']);
  });
});
