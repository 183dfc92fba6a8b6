import type { DomainEvent, SchemaVersions } from '../shared/decider.js';

/** Content marketing publishes to answer one objection category. */
export type ContentPublished = DomainEvent<
  'ContentPublished',
  { contentId: string; category: string; title: string; url: string; publishedBy: string }
>;

export type ContentWithdrawn = DomainEvent<'ContentWithdrawn', { contentId: string; withdrawnBy: string }>;

export type ContentEvent = ContentPublished | ContentWithdrawn;

/** The current schema version of each event type; stored older versions are upcast on read. */
export const contentSchemaVersions: SchemaVersions<ContentEvent> = {
  ContentPublished: 1,
  ContentWithdrawn: 1,
};
