import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPreset, presetNames } from '../../src/core/presets.js';
import { resolveOptions } from '../../src/core/resolve-options.js';
import { tempDir } from '../helpers/fixtures.js';

describe('presets', () => {
  it('ships minimal, standard and full, each valid against the schema', () => {
    expect(presetNames()).toEqual(['full', 'minimal', 'standard']);
    for (const name of presetNames()) expect(() => resolveOptions(loadPreset(name, process.cwd()))).not.toThrow();
  });

  it('minimal has no cache and no extras; standard has docker and ci', () => {
    expect(resolveOptions(loadPreset('minimal', '.'))).toMatchObject({ auth: 'none', cache: 'none', features: [] });
    expect(resolveOptions(loadPreset('standard', '.'))).toMatchObject({ auth: 'jwt', cache: 'memory', features: ['ci', 'docker'] });
  });

  it('refuses an unknown preset name, listing the known ones', () => {
    expect(() => loadPreset('huge', '.')).toThrowError(expect.objectContaining({ code: 'UNKNOWN_PRESET', hint: expect.stringContaining('minimal') }));
  });

  it('reads a preset from a path and validates it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mine.json'), JSON.stringify({ cache: 'none' }));
    expect(loadPreset('./mine.json', dir)).toEqual({ cache: 'none' });
  });

  it('refuses a preset file that fails the schema, naming the field', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ cache: 'memcached', colour: 'blue' }));
    expect(() => loadPreset(join(dir, 'bad.json'), dir)).toThrowError(
      expect.objectContaining({ code: 'INVALID_PRESET', details: expect.arrayContaining([expect.stringContaining('cache')]) }),
    );
  });

  it('refuses a preset file that is not JSON', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.json'), '{ cache: ');
    expect(() => loadPreset('broken.json', dir)).toThrowError(expect.objectContaining({ code: 'INVALID_PRESET' }));
  });

  it('refuses a missing preset file', () => {
    expect(() => loadPreset('./nope.json', tempDir())).toThrowError(expect.objectContaining({ code: 'UNKNOWN_PRESET' }));
  });
});
