import type { components } from '#client';
import { instant, money, shortHash } from '../format.js';
import { Person } from './person.js';

type EventSummary = components['schemas']['EventSummaryDto'];
type EvidenceFact = components['schemas']['EvidenceFactDto'];
type LateFact = components['schemas']['LateFactDto'];

/** Where an event is shown in full: the event view (whole data for an audit key). */
export const eventHref = (position: number): string => {
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  return `#/event/${position}?${params.toString()}`;
};

type Listed = EventSummary | EvidenceFact | LateFact;

const EventRow = ({
  event,
  currency,
  late,
}: {
  event: Listed;
  currency: string | undefined;
  late: boolean;
}) => (
  <tr class={late ? 'late' : undefined}>
    <td>
      <a href={eventHref(event.position)}>#{event.position}</a>
    </td>
    <td>{event.type}</td>
    {late && (
      <td>
        {'kind' in event ? event.kind : ''} <code>{'subject' in event ? event.subject : ''}</code>
      </td>
    )}
    <td>{instant(event.occurredAt)}</td>
    <td>{instant(event.recordedAt)}</td>
    <td>
      <Person id={event.actor} />
    </td>
    <td>
      <code>{event.streamId}</code>
    </td>
    <td>
      <code title={event.hash}>{shortHash(event.hash)}</code>
    </td>
    {currency && <td>{'amount' in event && event.amount !== null ? money(event.amount, currency) : '—'}</td>}
  </tr>
);

/** Evidence events: what, when it happened and was recorded, who, where, and its link in the chain. */
export const EventTable = ({
  events,
  caption,
  currency,
  highlight = false,
}: {
  events: Listed[];
  caption: string;
  currency?: string;
  /** Marks every row, and says what each fact counts as (facts recorded late). */
  highlight?: boolean;
}) => (
  <table class="events">
    <caption>{caption}</caption>
    <thead>
      <tr>
        <th scope="col">Position</th>
        <th scope="col">Type</th>
        {highlight && <th scope="col">Counts as</th>}
        <th scope="col">Business time</th>
        <th scope="col">Recorded</th>
        <th scope="col">Who</th>
        <th scope="col">Stream</th>
        <th scope="col">Hash</th>
        {currency && <th scope="col">Amount</th>}
      </tr>
    </thead>
    <tbody>
      {events.map((event) => (
        <EventRow
          key={`${event.position}/${'kind' in event ? event.kind : ''}/${'subject' in event ? event.subject : ''}`}
          event={event}
          currency={currency}
          late={highlight}
        />
      ))}
    </tbody>
  </table>
);
