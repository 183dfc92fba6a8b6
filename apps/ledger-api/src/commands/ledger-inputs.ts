import { Inject, Injectable } from '@nestjs/common';
import {
  type DomainEvent,
  type LedgerInput,
  type LedgerInputs,
  ROSTER_STREAM_ID,
  type RosterEvent,
  fold,
  rosterCapability,
  upcastStored,
} from '#domain';
import { type EventStore, type RecordedEvent, readWholeStream } from '#event-store';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config.js';
import { EVENT_STORE } from '../event-store/event-store.module.js';

/** Stored events back into domain events of the current schema versions. */
export const toDomainEvent = <Event extends DomainEvent>(event: RecordedEvent): Event =>
  upcastStored(event) as Event;

/** Reads what a capability's commands need from outside their own stream. */
@Injectable()
export class LedgerInputsReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async read(names: readonly LedgerInput[]): Promise<Partial<LedgerInputs>> {
    const inputs: Partial<LedgerInputs> = {};
    if (names.includes('roster')) inputs.roster = await this.roster();
    if (names.includes('ledgerCurrency')) inputs.ledgerCurrency = this.config.currency;
    return inputs;
  }

  private async roster(): Promise<LedgerInputs['roster']> {
    const events = await readWholeStream(this.store, ROSTER_STREAM_ID);
    return fold(rosterCapability, events.map(toDomainEvent<RosterEvent>)).members;
  }
}
