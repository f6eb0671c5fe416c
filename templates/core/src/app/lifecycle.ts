/** Process-wide state that readiness and request handling consult during graceful shutdown. */
export class Lifecycle {
  private shuttingDown = false;

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  beginShutdown(): void {
    this.shuttingDown = true;
  }
}
