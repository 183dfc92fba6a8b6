import { Inject, Injectable } from '@nestjs/common';
import { ROSTER_STREAM_ID, type RosterEvent, type RosterLookup, fold, rosterDecider } from '#domain';
import { type EventStore, readWholeStream } from '#event-store';
import { EVENT_STORE } from '../event-store/event-store.module.js';
import { toDomainEvent } from './command-pipeline.js';

/** The roster as of now, for commands that check who is on which team. */
@Injectable()
export class RosterReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async current(): Promise<RosterLookup> {
    const events = await readWholeStream(this.store, ROSTER_STREAM_ID);
    return fold(rosterDecider, events.map(toDomainEvent<RosterEvent>)).members;
  }
}
