/**
 * Subscription mode of Streams.Read: confirmation, history, `caught_up`, then live events, as a
 * server of version 23.10 or later sends them. One cursor walks the $all log for both history
 * and live events, so nothing appended while the history is sent can be missed or sent twice.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { ServerWritableStream } from '@grpc/grpc-js';
import type { EventPredicate } from './event-filter.js';
import type { InMemoryLog } from './in-memory-log.js';
import {
  caughtUpResponse,
  checkpointResponse,
  confirmationResponse,
  eventResponse,
} from './message-conversion.js';
import type { ReadReq, ReadResp, UUIDOption } from './protocol.js';

export interface SubscriptionSpec {
  /** Index in the $all log of the first event to consider. */
  readonly startIndex: number;
  readonly accepts: EventPredicate;
  /** Only for filtered $all subscriptions: events scanned between two checkpoints. */
  readonly checkpointInterval?: number;
  readonly uuidOption: UUIDOption | undefined;
}

export class LogSubscription {
  readonly #log: InMemoryLog;
  readonly #call: ServerWritableStream<ReadReq, ReadResp>;
  readonly #spec: SubscriptionSpec;
  readonly #stopListening: () => void;
  readonly #stopSignal = new AbortController();
  #cursor: number;
  #scannedSinceCheckpoint = 0;
  #caughtUp = false;
  #pumping = false;
  #stopped = false;

  constructor(log: InMemoryLog, call: ServerWritableStream<ReadReq, ReadResp>, spec: SubscriptionSpec) {
    this.#log = log;
    this.#call = call;
    this.#spec = spec;
    this.#cursor = spec.startIndex;
    this.#stopListening = log.onAppended(() => void this.#pump());
    // The client ends a subscription by cancelling the call; closing the double cancels it too.
    call.on('cancelled', () => this.stop());
    call.on('error', () => this.stop());
    call.on('close', () => this.stop());
  }

  start(): void {
    this.#call.write(confirmationResponse(randomUUID()));
    void this.#pump();
  }

  stop(): void {
    this.#stopped = true;
    this.#stopListening();
    this.#stopSignal.abort();
  }

  /** Sends everything between the cursor and the end of the log, honouring back-pressure. */
  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (!this.#stopped && this.#cursor < this.#log.all.length) {
        const event = this.#log.all[this.#cursor++];
        let writable = true;
        if (this.#spec.accepts(event))
          writable = this.#call.write(eventResponse(event, this.#spec.uuidOption));
        if (
          this.#spec.checkpointInterval !== undefined &&
          ++this.#scannedSinceCheckpoint >= this.#spec.checkpointInterval
        ) {
          this.#scannedSinceCheckpoint = 0;
          writable = this.#call.write(checkpointResponse(event.position)) && writable;
        }
        if (!writable) await once(this.#call, 'drain', { signal: this.#stopSignal.signal });
      }
      if (!this.#stopped && !this.#caughtUp) {
        this.#caughtUp = true;
        this.#call.write(caughtUpResponse());
      }
    } catch {
      this.stop(); // stopped, or the call failed, while waiting for 'drain'
    } finally {
      this.#pumping = false;
    }
    // Events appended during the last await were notified while pumping: pick them up now.
    if (!this.#stopped && this.#cursor < this.#log.all.length) void this.#pump();
  }
}
