/**
 * Streams.Append (client streaming): one options message (stream, expected revision), then one
 * proposed message per event. The answer is Success (revision, position) or, for a concurrency
 * conflict, a WrongExpectedVersion *response* (not a gRPC error): the client turns that into
 * its WrongExpectedVersionError.
 */
import { status, type sendUnaryData, type ServerReadableStream } from '@grpc/grpc-js';
import type { ExpectedRevision } from './expected-revision.js';
import type { AppendOutcome, CurrentRevision, InMemoryLog, ProposedEvent } from './in-memory-log.js';
import { parseUuid, streamNameOf } from './message-conversion.js';
import { AppendReq, AppendResp, Empty } from './protocol.js';

type AppendRequest = InstanceType<typeof AppendReq>;
type AppendResponse = InstanceType<typeof AppendResp>;
type AppendOptions = InstanceType<typeof AppendReq.Options>;
type ProposedMessage = InstanceType<typeof AppendReq.ProposedMessage>;

const RevisionCase = AppendReq.Options.ExpectedStreamRevisionCase;

class InvalidArgument extends Error {}

export const appendHandler =
  (log: InMemoryLog) =>
  (
    call: ServerReadableStream<AppendRequest, AppendResponse>,
    callback: sendUnaryData<AppendResponse>,
  ): void => {
    let options: AppendOptions | undefined;
    const proposed: ProposedEvent[] = [];
    let finished = false;
    const fail = (details: string): void => {
      if (finished) return;
      finished = true;
      callback({ code: status.INVALID_ARGUMENT, details });
    };

    call.on('data', (request: AppendRequest) => {
      if (finished) return;
      try {
        if (!options) {
          options = request.getOptions();
          if (!options) throw new InvalidArgument('The first message of an append must carry its options');
        } else {
          proposed.push(proposedEvent(request.getProposedMessage()));
        }
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error));
      }
    });
    call.on('end', () => {
      if (finished) return;
      if (!options) return fail('An append needs its options');
      finished = true;
      const outcome = log.append(
        streamNameOf(options.getStreamIdentifier()),
        expectedRevisionOf(options),
        proposed,
      );
      callback(null, appendResponse(outcome));
    });
    call.on('error', () => {
      finished = true; // the client went away: nothing is written
    });
  };

/** The server refuses events without `type` or `content-type` metadata (RequiredMetadataPropertyMissing). */
const proposedEvent = (message: ProposedMessage | undefined): ProposedEvent => {
  if (!message) throw new InvalidArgument('Expected a proposed message');
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (type === undefined) throw new InvalidArgument("Required metadata property 'type' is missing");
  if (contentType === undefined)
    throw new InvalidArgument("Required metadata property 'content-type' is missing");
  const id = parseUuid(message.getId());
  if (!id) throw new InvalidArgument('A proposed message needs an id');
  return {
    id,
    type,
    contentType,
    customMetadata: message.getCustomMetadata_asU8(),
    data: message.getData_asU8(),
  };
};

const expectedRevisionOf = (options: AppendOptions): ExpectedRevision => {
  switch (options.getExpectedStreamRevisionCase()) {
    case RevisionCase.REVISION:
      return BigInt(options.getRevision());
    case RevisionCase.NO_STREAM:
      return 'no_stream';
    case RevisionCase.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return 'any';
  }
};

const appendResponse = (outcome: AppendOutcome): AppendResponse => {
  const response = new AppendResp();
  if (outcome.kind === 'success') {
    const success = new AppendResp.Success();
    if (outcome.currentRevision === 'no_stream') success.setNoStream(new Empty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    if (outcome.position) {
      success.setPosition(
        new AppendResp.Position()
          .setCommitPosition(outcome.position.commit.toString())
          .setPreparePosition(outcome.position.prepare.toString()),
      );
    } else {
      success.setNoPosition(new Empty());
    }
    return response.setSuccess(success);
  }
  return response.setWrongExpectedVersion(wrongExpectedVersion(outcome.currentRevision, outcome.expected));
};

const wrongExpectedVersion = (current: CurrentRevision, expected: ExpectedRevision) => {
  const message = new AppendResp.WrongExpectedVersion();
  if (current === 'no_stream') message.setCurrentNoStream(new Empty());
  else message.setCurrentRevision(current.toString());
  switch (expected) {
    case 'any':
      return message.setExpectedAny(new Empty());
    case 'no_stream':
      return message.setExpectedNoStream(new Empty());
    case 'stream_exists':
      return message.setExpectedStreamExists(new Empty());
    default:
      return message.setExpectedRevision(expected.toString());
  }
};
