// Omni TypeScript client: typed @grpc/grpc-js clients for the six Omni services, with
// the API key sent on every call. Types come from src/generated (clients/generate).
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

import type { ProtoGrpcType as ChannelProto } from './generated/channel';
import type { ProtoGrpcType as DecisioningProto } from './generated/decisioning';
import type { ProtoGrpcType as IdentityProto } from './generated/identity';
import type { ProtoGrpcType as InsightsProto } from './generated/insights';
import type { ProtoGrpcType as JourneyProto } from './generated/journey';
import type { ProtoGrpcType as SegmentProto } from './generated/segment';
import type { ChannelServiceClient } from './generated/omni/channel/v1/ChannelService';
import type { DecisioningServiceClient } from './generated/omni/decisioning/v1/DecisioningService';
import type { IdentityServiceClient } from './generated/omni/identity/v1/IdentityService';
import type { AccessServiceClient } from './generated/omni/identity/v1/AccessService';
import type { InsightsServiceClient } from './generated/omni/insights/v1/InsightsService';
import type { JourneyServiceClient } from './generated/omni/journey/v1/JourneyService';
import type { SegmentServiceClient } from './generated/omni/segment/v1/SegmentService';

export type {
  AccessServiceClient,
  ChannelServiceClient,
  DecisioningServiceClient,
  IdentityServiceClient,
  InsightsServiceClient,
  JourneyServiceClient,
  SegmentServiceClient,
};

/** Where each service listens, as host:port. */
export interface Endpoints {
  identity: string;
  segment: string;
  decisioning: string;
  journey: string;
  channel: string;
  insights: string;
}

/** The default endpoints of `omni up` on this machine. */
export function localEndpoints(host = '127.0.0.1'): Endpoints {
  return {
    identity: `${host}:50051`,
    segment: `${host}:50052`,
    decisioning: `${host}:50053`,
    journey: `${host}:50054`,
    channel: `${host}:50055`,
    insights: `${host}:50056`,
  };
}

/** Options for {@link connect}. */
export interface ConnectOptions {
  /** Use TLS (default: plaintext, as `omni up` serves). */
  tls?: boolean;
}

/** One typed client per service. */
export interface OmniClients {
  identity: IdentityServiceClient;
  /** API keys and the audit log, served by the identity process. */
  access: AccessServiceClient;
  segment: SegmentServiceClient;
  decisioning: DecisioningServiceClient;
  journey: JourneyServiceClient;
  channel: ChannelServiceClient;
  insights: InsightsServiceClient;
  /** Closes every channel. */
  close(): void;
}

const PROTO_DIR = path.join(__dirname, '..', '..', 'proto');
const FILES = [
  'omni/identity/v1/identity.proto',
  'omni/segment/v1/segment.proto',
  'omni/decisioning/v1/decisioning.proto',
  'omni/journey/v1/journey.proto',
  'omni/channel/v1/channel.proto',
  'omni/insights/v1/insights.proto',
];

type AllProtos = IdentityProto &
  SegmentProto &
  DecisioningProto &
  JourneyProto &
  ChannelProto &
  InsightsProto;

/** Loads the contracts shipped with the package. */
export function loadContracts(): AllProtos {
  const definition = protoLoader.loadSync(FILES, {
    includeDirs: [PROTO_DIR],
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  return grpc.loadPackageDefinition(definition) as unknown as AllProtos;
}

/** An interceptor adding `authorization: Bearer <apiKey>` to every call. */
export function apiKeyInterceptor(apiKey: string): grpc.Interceptor {
  return (options, nextCall) =>
    new grpc.InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        metadata.set('authorization', `Bearer ${apiKey}`);
        next(metadata, listener);
      },
    });
}

/** Connects to every service with the API key. */
export function connect(endpoints: Endpoints, apiKey: string, options: ConnectOptions = {}): OmniClients {
  const v1 = loadContracts().omni;
  const credentials = options.tls ? grpc.credentials.createSsl() : grpc.credentials.createInsecure();
  const clientOptions = { interceptors: [apiKeyInterceptor(apiKey)] };
  const identity = new v1.identity.v1.IdentityService(endpoints.identity, credentials, clientOptions);
  const access = new v1.identity.v1.AccessService(endpoints.identity, credentials, clientOptions);
  const segment = new v1.segment.v1.SegmentService(endpoints.segment, credentials, clientOptions);
  const decisioning = new v1.decisioning.v1.DecisioningService(endpoints.decisioning, credentials, clientOptions);
  const journey = new v1.journey.v1.JourneyService(endpoints.journey, credentials, clientOptions);
  const channel = new v1.channel.v1.ChannelService(endpoints.channel, credentials, clientOptions);
  const insights = new v1.insights.v1.InsightsService(endpoints.insights, credentials, clientOptions);
  return {
    identity,
    access,
    segment,
    decisioning,
    journey,
    channel,
    insights,
    close() {
      for (const c of [identity, access, segment, decisioning, journey, channel, insights]) c.close();
    },
  };
}

/** Calls a unary method and returns a promise of its response. */
export function unary<Req, Res>(
  call: (request: Req, callback: grpc.requestCallback<Res>) => unknown,
  request: Req,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    call(request, (error, response) => {
      if (error) reject(error);
      else resolve(response as Res);
    });
  });
}
