import type { FastifyBaseLogger } from 'fastify';
import { levels, type Bindings, type ChildLoggerOptions, type LevelWithSilent } from 'pino';

/**
 * Fastify gives every request a child logger bound to its request id. pino builds a child eagerly, and
 * with redaction on it runs every redaction path over the bindings: that costs more than serialising a
 * small response. A request that logs nothing at the configured level (every request when LOG_LEVEL is
 * above info) does not need one, so the child is built on the first line that will really be written.
 * Lines, levels and redaction are exactly the eager child's.
 */

const levelValue = (level: string): number => (level === 'silent' ? Infinity : (levels.values[level] ?? 0));

class DeferredChildLogger implements FastifyBaseLogger {
  #child: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  get level(): LevelWithSilent | string {
    return this.#child?.level ?? this.options.level ?? this.parent.level;
  }

  set level(level: LevelWithSilent | string) {
    this.child().level = level;
  }

  // Methods, not arrow-function fields: one logger is made per request, and fields would be six closures each.
  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  debug(...args: unknown[]): void {
    this.write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.write('trace', args);
  }
  silent(): void {}

  /** Without arguments: this request's own child, built now if it was not yet. */
  child(bindings?: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    this.#child ??= this.parent.child(this.bindings, this.options);
    return bindings === undefined ? this.#child : this.#child.child(bindings, options);
  }

  private write(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', args: unknown[]): void {
    if (levelValue(level) < levelValue(this.level)) return;
    const child = this.child();
    Reflect.apply(child[level], child, args);
  }
}

/** Fastify's `childLoggerFactory`: request loggers that cost nothing until they write. */
export function deferredChildLogger(logger: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  return new DeferredChildLogger(logger, bindings, options);
}
