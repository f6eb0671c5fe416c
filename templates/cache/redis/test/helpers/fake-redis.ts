import { createServer, type Server, type Socket } from 'node:net';

/**
 * A few lines of RESP2 server, enough for RedisCache (GET, SET … PX, DEL, PING) and the client's
 * handshake, for the failure modes a real Redis cannot be told to show on demand: `stall()` makes it
 * accept commands and never answer (a hung Redis), `stop()` / `start()` take it away and bring it back on
 * the same port. Every command is recorded, so tests can check what the adapter sent. Tests only.
 */
export class FakeRedis {
  readonly commands: string[][] = [];
  readonly data = new Map<string, string>();
  private stalled = false;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((socket) => this.serve(socket));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    this.port = address.port;
    this.server = server;
  }

  /** Closes the port and every connection: the client sees Redis go away. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  stall(): void {
    this.stalled = true;
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => {});
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (let parsed = parseCommand(pending); parsed !== undefined; parsed = parseCommand(pending)) {
        pending = pending.subarray(parsed.length);
        this.commands.push(parsed.args);
        if (!this.stalled) socket.write(this.reply(parsed.args));
      }
    });
  }

  private reply(args: string[]): string {
    const [name = '', key = '', value = ''] = args;
    switch (name.toLowerCase()) {
      case 'get': {
        const found = this.data.get(key);
        return found === undefined ? '$-1\r\n' : bulk(found);
      }
      case 'set':
        this.data.set(key, value);
        return '+OK\r\n';
      case 'del':
        return `:${args.slice(1).filter((each) => this.data.delete(each)).length}\r\n`;
      case 'ping':
        return '+PONG\r\n';
      case 'info':
        return bulk('# Server\r\nloading:0\r\n');
      default:
        return '+OK\r\n';
    }
  }
}

const bulk = (text: string) => `$${Buffer.byteLength(text)}\r\n${text}\r\n`;

/** One RESP array of bulk strings from the start of `buffer`, or undefined until it has fully arrived. */
function parseCommand(buffer: Buffer): { args: string[]; length: number } | undefined {
  let offset = 0;
  const line = (): string | undefined => {
    const end = buffer.indexOf('\r\n', offset);
    if (end < 0) return undefined;
    const text = buffer.toString('utf8', offset, end);
    offset = end + 2;
    return text;
  };
  const header = line();
  if (header === undefined || !header.startsWith('*')) return undefined;
  const args: string[] = [];
  for (let i = 0; i < Number(header.slice(1)); i += 1) {
    const size = line();
    if (size === undefined) return undefined;
    const length = Number(size.slice(1));
    if (buffer.length < offset + length + 2) return undefined;
    args.push(buffer.toString('utf8', offset, offset + length));
    offset += length + 2;
  }
  return { args, length: offset };
}
