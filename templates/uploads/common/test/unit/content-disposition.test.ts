import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitizeFileName } from '../../src/lib/uploads/content-disposition.js';

describe('file names', () => {
  it('keeps only the last path segment, without control or direction-override characters', () => {
    expect(sanitizeFileName('../../etc/passwd.png', 'png')).toBe('passwd.png');
    expect(sanitizeFileName('C:\\Users\\me\\photo.jpg', 'jpg')).toBe('photo.jpg');
    expect(sanitizeFileName('bad\r\nname\u0000.png', 'png')).toBe('badname.png');
    expect(sanitizeFileName('invoice\u202Efdp.exe', 'pdf')).toBe('invoicefdp.exe');
  });

  it('falls back to file.<ext> when nothing usable is left', () => {
    expect(sanitizeFileName(undefined, 'png')).toBe('file.png');
    expect(sanitizeFileName('  ', 'pdf')).toBe('file.pdf');
    expect(sanitizeFileName('dir/..', 'gif')).toBe('file.gif');
  });

  it('shortens long names to 255 characters, keeping the extension and whole characters', () => {
    const long = sanitizeFileName(`${'😀'.repeat(300)}.png`, 'png');
    expect(Array.from(long)).toHaveLength(255);
    expect(long.endsWith('😀.png')).toBe(true);
  });

  it('normalises to NFC, so a name has one spelling', () => {
    expect(sanitizeFileName('cafe\u0301.png', 'png')).toBe('café.png');
  });
});

describe('content-disposition (RFC 6266)', () => {
  it('sends an ASCII name as is, in both parameters', () => {
    expect(contentDisposition('attachment', 'report 2024.pdf')).toBe(`attachment; filename="report 2024.pdf"; filename*=UTF-8''report%202024.pdf`);
  });

  it('sends any other name exactly in filename* and a safe ASCII stand-in in filename', () => {
    expect(contentDisposition('inline', 'Grüße "neu" 100%.png')).toBe(
      `inline; filename="Gr__e _neu_ 100_.png"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%22neu%22%20100%25.png`,
    );
    expect(contentDisposition('attachment', "it's (1).pdf")).toBe(`attachment; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`);
  });
});
