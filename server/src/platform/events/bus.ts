/**
 * The message bus between server processes (issue 15.7): short, non-durable signals that every
 * process must see at once — a revoked session, a new bid on a live trading session. (Durable work
 * goes through the reaction queue in events.ts, not here.)
 * - PostgreSQL: NOTIFY on one channel per database schema; every process LISTENs on a dedicated
 *   connection (reconnecting after a loss, when subscribers are told to reset: messages may have
 *   been missed). A process also delivers its own messages at once, without the round trip.
 * - Embedded (PGlite): one process owns the data directory, so the bus is in-process.
 */
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { sql } from 'kysely';
import type { Database, Db } from '../db/database';

export interface Bus {
  /** Deliver `data` to every subscriber of `topic` in every process (at most ~7,900 bytes). */
  publish(topic: string, data: string): Promise<void>;
  /** Subscribe; returns the unsubscribe function. */
  subscribe(topic: string, fn: (data: string) => void): () => void;
  /** Called when messages may have been lost (the listening connection was re-established). */
  onReset(fn: () => void): () => void;
  close(): Promise<void>;
}

const RESET = Symbol('reset');

class LocalBus implements Bus {
  protected emitter = new EventEmitter().setMaxListeners(0);
  async publish(topic: string, data: string) {
    this.emitter.emit(topic, data);
  }
  subscribe(topic: string, fn: (data: string) => void) {
    this.emitter.on(topic, fn);
    return () => void this.emitter.off(topic, fn);
  }
  onReset(fn: () => void) {
    this.emitter.on(RESET, fn);
    return () => void this.emitter.off(RESET, fn);
  }
  async close() {
    this.emitter.removeAllListeners();
  }
}

/** A PostgreSQL channel name for a schema (NOTIFY reaches the whole database: one per schema). */
export function channelFor(schema?: string): string {
  return `qike_bus_${schema ?? 'public'}`;
}

class PgBus extends LocalBus {
  private client?: pg.Client;
  private closed = false;
  private retry?: NodeJS.Timeout;
  private readonly from = crypto.randomBytes(6).toString('hex');
  ready: Promise<void>;

  constructor(
    private db: Db,
    private url: string,
    private channel: string,
  ) {
    super();
    this.ready = this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    const lost = () => {
      if (this.closed || this.client !== client) return;
      this.client = undefined;
      client.end().catch(() => {});
      this.retry = setTimeout(() => {
        this.connect()
          .then(() => this.emitter.emit(RESET))
          .catch(() => {});
      }, 1000);
      this.retry.unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => {
      if (n.channel !== this.channel || !n.payload) return;
      try {
        const m = JSON.parse(n.payload) as { f: string; t: string; d: string };
        if (m.f !== this.from) this.emitter.emit(m.t, m.d);
      } catch {
        /* not ours */
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
      this.client = client;
    } catch (e) {
      client.end().catch(() => {});
      if (this.closed) return;
      this.retry = setTimeout(() => void this.connect().then(() => this.emitter.emit(RESET)), 1000);
      this.retry.unref();
      throw e;
    }
  }

  override async publish(topic: string, data: string) {
    this.emitter.emit(topic, data);
    await sql`SELECT pg_notify(${this.channel}, ${JSON.stringify({ f: this.from, t: topic, d: data })})`.execute(this.db);
  }

  override async close() {
    this.closed = true;
    clearTimeout(this.retry);
    await super.close();
    await this.client?.end().catch(() => {});
  }
}

export async function openBus(database: Database): Promise<Bus> {
  if (!database.connection) return new LocalBus();
  const bus = new PgBus(database.db, database.connection.url, channelFor(database.connection.schema));
  await bus.ready;
  return bus;
}
