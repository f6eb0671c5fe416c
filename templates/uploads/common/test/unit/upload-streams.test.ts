import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { ByteLimit, FileTooLargeError } from '../../src/lib/uploads/byte-limit.js';
import { readHead } from '../../src/lib/uploads/read-head.js';

const bytes = (length: number, seed = 0) => Buffer.from(Array.from({ length }, (_, i) => (i + seed) % 256));

describe('readHead', () => {
  it('reads at least the requested bytes and replays them before the rest', async () => {
    const all = bytes(10_000);
    const pieces = [all.subarray(0, 100), all.subarray(100, 3000), all.subarray(3000, 5000), all.subarray(5000)];
    const { head, body } = await readHead(Readable.from(pieces), 4100);
    expect(head.length).toBe(5000);
    expect(head.equals(all.subarray(0, 5000))).toBe(true);
    expect((await buffer(body)).equals(all)).toBe(true);
  });

  it('copes with a source shorter than the head, and with an empty one', async () => {
    const short = await readHead(Readable.from([Buffer.from('tiny')]), 4100);
    expect(short.head.toString()).toBe('tiny');
    expect((await buffer(short.body)).toString()).toBe('tiny');
    const empty = await readHead(Readable.from([]), 4100);
    expect(empty.head.length).toBe(0);
    expect((await buffer(empty.body)).length).toBe(0);
  });

  it('passes on an error of the source after the head', async () => {
    const failure = new Error('cut off');
    const source = Readable.from(
      (async function* () {
        yield bytes(5000);
        throw failure;
      })(),
    );
    const { body } = await readHead(source, 100);
    await expect(buffer(body)).rejects.toBe(failure);
  });

  it('releases the source when the replay is abandoned', async () => {
    const source = Readable.from([bytes(5000), bytes(5000), bytes(5000)]);
    const { body } = await readHead(source, 100);
    for await (const chunk of body) {
      expect(chunk).toBeInstanceOf(Buffer);
      break;
    }
    expect(source.destroyed).toBe(true);
  });
});

describe('ByteLimit', () => {
  it('counts what passes when the limit is kept, to the byte', async () => {
    const counter = new ByteLimit(1000);
    const out: Buffer[] = [];
    await pipeline(Readable.from([bytes(400), bytes(600)]), counter, async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) out.push(chunk);
    });
    expect(counter.bytes).toBe(1000);
    expect(Buffer.concat(out).length).toBe(1000);
  });

  it('fails with 413 at the first byte over the limit, without reading further', async () => {
    let produced = 0;
    const source = Readable.from(
      (async function* () {
        for (let i = 0; i < 100; i += 1) {
          produced += 1;
          yield bytes(100);
        }
      })(),
    );
    const counter = new ByteLimit(250);
    const failure = pipeline(source, counter, async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) expect(chunk.length).toBe(100);
    });
    await expect(failure).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(failure).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', statusCode: 413 });
    expect(produced).toBeLessThan(10);
  });
});
