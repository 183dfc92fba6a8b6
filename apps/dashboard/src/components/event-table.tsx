import type { components } from '#client';
import { instant, money, shortHash } from '../format.js';
import { Person } from './person.js';

type EventSummary = components['schemas']['EventSummaryDto'];
type EvidenceFact = components['schemas']['EvidenceFactDto'];

/** Where an event is shown in full: the event view (whole data for an audit key). */
export const eventHref = (position: number): string => {
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  return `#/event/${position}?${params.toString()}`;
};

/** Evidence events: what, when it happened and was recorded, who, where, and its link in the chain. */
export const EventTable = ({
  events,
  caption,
  currency,
}: {
  events: (EventSummary | EvidenceFact)[];
  caption: string;
  currency?: string;
}) => (
  <table class="events">
    <caption>{caption}</caption>
    <thead>
      <tr>
        <th scope="col">Position</th>
        <th scope="col">Type</th>
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
        <tr key={`${event.position}/${'subject' in event ? event.subject : ''}`}>
          <td>
            <a href={eventHref(event.position)}>#{event.position}</a>
          </td>
          <td>{event.type}</td>
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
          {currency && (
            <td>{'amount' in event && event.amount !== null ? money(event.amount, currency) : '—'}</td>
          )}
        </tr>
      ))}
    </tbody>
  </table>
);
