/**
 * The protobuf and gRPC definitions generated inside @eventstore/db-client, re-exported for the
 * test double. The double is built on the very classes the real client serialises with, so a
 * field the client sets is a field the double reads; nothing is re-declared by hand.
 *
 * The generated files are CommonJS whose exports google-protobuf assigns at run time, which Node
 * cannot detect statically: hence default imports (module.exports) rather than named ones.
 */
import serverFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import serverFeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';

export const { StreamsService } = streamsGrpc;
export const { ServerFeaturesService } = serverFeaturesGrpc;

export const { Empty, StreamIdentifier, UUID } = sharedPb;
export const { SupportedMethod, SupportedMethods } = serverFeaturesPb;
export const { AppendReq, AppendResp, ReadReq, ReadResp } = streamsPb;

export type UUID = InstanceType<typeof UUID>;
export type SupportedMethods = InstanceType<typeof SupportedMethods>;
export type AppendReq = InstanceType<typeof AppendReq>;
export type AppendResp = InstanceType<typeof AppendResp>;
export type ReadReq = InstanceType<typeof ReadReq>;
export type ReadResp = InstanceType<typeof ReadResp>;
export type ReadOptions = InstanceType<typeof ReadReq.Options>;
export type FilterOptions = InstanceType<typeof ReadReq.Options.FilterOptions>;
export type UUIDOption = InstanceType<typeof ReadReq.Options.UUIDOption>;
