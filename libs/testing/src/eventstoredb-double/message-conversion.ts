/**
 * Conversions between the wire messages and the double's stored events, mirroring what the
 * server puts on the wire (and what the client's convertGrpcEvent reads back).
 */
import type { StoredEvent } from './in-memory-log.js';
import {
  ReadResp,
  StreamIdentifier,
  UUID,
  type ReadResp as ReadRespMessage,
  type UUIDOption,
} from './protocol.js';

const utf8Decoder = new TextDecoder();

const streamIdentifier = (streamName: string): InstanceType<typeof StreamIdentifier> =>
  new StreamIdentifier().setStreamName(new TextEncoder().encode(streamName));

export const streamNameOf = (identifier: InstanceType<typeof StreamIdentifier> | undefined): string =>
  identifier ? utf8Decoder.decode(identifier.getStreamName_asU8()) : '';

/** A UUID message as either form the protocol allows (the client sends strings). */
export const parseUuid = (uuid: UUID | undefined): string | undefined => {
  if (!uuid) return undefined;
  if (uuid.hasString()) return uuid.getString().toLowerCase();
  const structured = uuid.getStructured();
  if (!structured) return undefined;
  const hex = [structured.getMostSignificantBits(), structured.getLeastSignificantBits()]
    .map((half) => BigInt.asUintN(64, BigInt(half)).toString(16).padStart(16, '0'))
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** Answers in the form the read request asked for (`uuid_option`), as the server does. */
const toUuid = (id: string, uuidOption: UUIDOption | undefined): UUID => {
  if (!uuidOption?.hasStructured()) return new UUID().setString(id);
  const hex = id.replaceAll('-', '');
  const half = (from: number): string =>
    BigInt.asIntN(64, BigInt(`0x${hex.slice(from, from + 16)}`)).toString();
  return new UUID().setStructured(
    new UUID.Structured().setMostSignificantBits(half(0)).setLeastSignificantBits(half(16)),
  );
};

export const eventResponse = (event: StoredEvent, uuidOption: UUIDOption | undefined): ReadRespMessage => {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(toUuid(event.id, uuidOption))
    .setStreamIdentifier(streamIdentifier(event.streamName))
    .setStreamRevision(event.revision.toString())
    .setPreparePosition(event.position.toString())
    .setCommitPosition(event.position.toString())
    .setCustomMetadata(event.customMetadata)
    .setData(event.data);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.createdTicks.toString());
  const readEvent = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.toString());
  return new ReadResp().setEvent(readEvent);
};

export const confirmationResponse = (subscriptionId: string): ReadRespMessage =>
  new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId));

export const caughtUpResponse = (): ReadRespMessage => new ReadResp().setCaughtUp(new ReadResp.CaughtUp());

export const checkpointResponse = (position: bigint): ReadRespMessage =>
  new ReadResp().setCheckpoint(
    new ReadResp.Checkpoint().setCommitPosition(position.toString()).setPreparePosition(position.toString()),
  );

export const streamNotFoundResponse = (streamName: string): ReadRespMessage =>
  new ReadResp().setStreamNotFound(
    new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamName)),
  );
