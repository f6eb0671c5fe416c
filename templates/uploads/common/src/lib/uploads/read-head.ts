import { Readable } from 'node:stream';

/**
 * Reads the first `bytes` (or a little more: whole chunks) of `source` without losing them: `body`
 * replays them, then streams the rest. This is how the type is decided from the magic bytes before
 * anything is stored, while the file itself is never held in memory whole.
 */
export async function readHead(source: Readable, bytes: number): Promise<{ head: Buffer; body: Readable }> {
  const chunks = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const next = (await chunks.next()) as IteratorResult<Buffer>;
    if (next.done === true) {
      ended = true;
      break;
    }
    head.push(next.value);
    length += next.value.length;
  }
  const first = Buffer.concat(head);

  async function* replay(): AsyncGenerator<Buffer> {
    yield first;
    if (ended) return;
    try {
      for (;;) {
        const next = (await chunks.next()) as IteratorResult<Buffer>;
        if (next.done === true) return;
        yield next.value;
      }
    } finally {
      // Stopped early (a consumer failed or gave up): release the source instead of leaving it paused.
      await chunks.return?.();
    }
  }
  return { head: first, body: Readable.from(replay(), { objectMode: false }) };
}
