import { fileTypeFromBuffer } from 'file-type';
import { describe, expect, it } from 'vitest';
import { decideType, undetectableTypes, type ClientClaims } from '../../src/lib/uploads/file-types.js';
import type { AppError } from '../../src/utils/errors.js';
import { SAMPLE_FILES } from '../helpers/sample-files.js';

const DEFAULT_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf']);

async function decide(file: Buffer, claims: Partial<ClientClaims> = {}, allowed: ReadonlySet<string> = DEFAULT_TYPES) {
  return decideType(await fileTypeFromBuffer(file), { declaredType: undefined, fileName: undefined, ...claims }, allowed);
}

async function refusal(file: Buffer, claims: Partial<ClientClaims> = {}, allowed: ReadonlySet<string> = DEFAULT_TYPES): Promise<AppError> {
  try {
    await decide(file, claims, allowed);
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the file to be refused');
}

describe('deciding the type of an upload from its content', () => {
  it('accepts allowed types whatever the client claims about them, when the claims agree', async () => {
    expect(await decide(SAMPLE_FILES.png, { declaredType: 'image/png', fileName: 'a.PNG' })).toEqual({ mime: 'image/png', ext: 'png' });
    expect(await decide(SAMPLE_FILES.jpeg, { declaredType: 'image/jpg', fileName: 'photo.jpeg' })).toEqual({ mime: 'image/jpeg', ext: 'jpg' });
    expect(await decide(SAMPLE_FILES.gif, { declaredType: 'image/gif; charset=binary', fileName: 'anim.gif' })).toEqual({ mime: 'image/gif', ext: 'gif' });
    expect(await decide(SAMPLE_FILES.pdf, { declaredType: 'application/pdf', fileName: 'report.pdf' })).toEqual({ mime: 'application/pdf', ext: 'pdf' });
  });

  it('accepts a file without a declared type or name, or sent as application/octet-stream', async () => {
    expect((await decide(SAMPLE_FILES.png)).mime).toBe('image/png');
    expect((await decide(SAMPLE_FILES.png, { declaredType: 'application/octet-stream', fileName: 'no-extension' })).mime).toBe('image/png');
  });

  it('refuses content of no recognisable type: text named .png and sent as image/png', async () => {
    const error = await refusal(SAMPLE_FILES.text, { declaredType: 'image/png', fileName: 'fake.png' });
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.statusCode).toBe(415);
    expect(error.message).toMatch(/not of a recognised type/);
    expect((await refusal(SAMPLE_FILES.svg, { declaredType: 'image/svg+xml', fileName: 'x.svg' })).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await refusal(Buffer.alloc(0))).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses recognised types that are not allowed', async () => {
    const error = await refusal(SAMPLE_FILES.gzip, { declaredType: 'application/gzip', fileName: 'a.gz' });
    expect(error.message).toBe('Files of type application/gzip are not allowed; allowed: image/png, image/jpeg, image/webp, image/gif, application/pdf');
    expect((await refusal(SAMPLE_FILES.pdf, {}, new Set(['image/png']))).message).toMatch(/application\/pdf are not allowed/);
  });

  it('refuses an allowed type whose declared type or name says otherwise', async () => {
    expect((await refusal(SAMPLE_FILES.png, { declaredType: 'image/jpeg', fileName: 'a.png' })).message).toBe(
      "The file's content is image/png, but it was sent as image/jpeg",
    );
    expect((await refusal(SAMPLE_FILES.pdf, { declaredType: 'application/pdf', fileName: 'invoice.pdf.exe' })).message).toBe(
      "The file's content is application/pdf, but its name ends in .exe",
    );
    expect((await refusal(SAMPLE_FILES.jpeg, { fileName: 'photo.png' })).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('names the types that can never be recognised from content', () => {
    expect(undetectableTypes(['image/png', 'text/plain', 'image/svg+xml', 'application/pdf'])).toEqual(['text/plain', 'image/svg+xml']);
    expect(undetectableTypes(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf'])).toEqual([]);
  });
});
