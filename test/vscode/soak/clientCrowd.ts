// Clients that come and go: while the crowd runs it keeps a few python3 writers and a reader alive,
// each living a random second or few, and starts another when one ends. Some are killed (SIGKILL) in
// the middle of a transaction. stop() lets the living finish and waits for them.
import { type ClientLedger, type ClientShape, type SoakClient, startClient } from './soakClients';

export const rowsPerTransaction = 3;

const writerShape = (random: () => number): ClientShape => ({
  lifetimeS: 1 + 3 * random(),
  holdS: 0.15,
  rowsPerTransaction,
  gapS: 0.1,
});
const readerShape = (random: () => number): ClientShape => ({
  lifetimeS: 1 + 3 * random(),
  holdS: 0.2,
  rowsPerTransaction,
  gapS: 0.2,
});

export class ClientCrowd {
  readonly ledgers: ClientLedger[] = [];
  private readonly living = new Set<SoakClient>();
  private running = false;
  constructor(
    private readonly database: string,
    private readonly random: () => number,
    /** Client ids are unique across crowds: they tag the rows. */
    private readonly nextClientId: () => number,
    private readonly writers = 3,
    private readonly readers = 1,
  ) {}

  start(): void {
    this.running = true;
    for (let index = 0; index < this.writers; index++) {
      this.spawn('writer');
    }
    for (let index = 0; index < this.readers; index++) {
      this.spawn('reader');
    }
  }

  /** SIGKILLs a living writer once it has a transaction open; false when none could be caught. */
  async killOneMidTransaction(): Promise<boolean> {
    const writers = [...this.living].filter((client) => client.ledger.kind === 'writer');
    for (const client of writers.sort(() => this.random() - 0.5)) {
      if (await client.killMidTransaction()) {
        return true;
      }
    }
    return false;
  }

  /** No new clients; resolves when the living have ended. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all([...this.living].map((client) => client.exited));
  }

  private spawn(kind: 'writer' | 'reader'): void {
    const shape = kind === 'writer' ? writerShape(this.random) : readerShape(this.random);
    const client = startClient(this.database, this.nextClientId(), kind, shape);
    this.ledgers.push(client.ledger);
    this.living.add(client);
    void client.exited.then(() => {
      this.living.delete(client);
      if (this.running) {
        this.spawn(kind);
      }
    });
  }
}
