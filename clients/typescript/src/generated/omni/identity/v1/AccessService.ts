// Original file: omni/identity/v1/identity.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateApiKeyRequest as _omni_identity_v1_CreateApiKeyRequest, CreateApiKeyRequest__Output as _omni_identity_v1_CreateApiKeyRequest__Output } from '../../../omni/identity/v1/CreateApiKeyRequest';
import type { CreateApiKeyResponse as _omni_identity_v1_CreateApiKeyResponse, CreateApiKeyResponse__Output as _omni_identity_v1_CreateApiKeyResponse__Output } from '../../../omni/identity/v1/CreateApiKeyResponse';
import type { ListApiKeysRequest as _omni_identity_v1_ListApiKeysRequest, ListApiKeysRequest__Output as _omni_identity_v1_ListApiKeysRequest__Output } from '../../../omni/identity/v1/ListApiKeysRequest';
import type { ListApiKeysResponse as _omni_identity_v1_ListApiKeysResponse, ListApiKeysResponse__Output as _omni_identity_v1_ListApiKeysResponse__Output } from '../../../omni/identity/v1/ListApiKeysResponse';
import type { ListAuditLogRequest as _omni_identity_v1_ListAuditLogRequest, ListAuditLogRequest__Output as _omni_identity_v1_ListAuditLogRequest__Output } from '../../../omni/identity/v1/ListAuditLogRequest';
import type { ListAuditLogResponse as _omni_identity_v1_ListAuditLogResponse, ListAuditLogResponse__Output as _omni_identity_v1_ListAuditLogResponse__Output } from '../../../omni/identity/v1/ListAuditLogResponse';
import type { RevokeApiKeyRequest as _omni_identity_v1_RevokeApiKeyRequest, RevokeApiKeyRequest__Output as _omni_identity_v1_RevokeApiKeyRequest__Output } from '../../../omni/identity/v1/RevokeApiKeyRequest';
import type { RevokeApiKeyResponse as _omni_identity_v1_RevokeApiKeyResponse, RevokeApiKeyResponse__Output as _omni_identity_v1_RevokeApiKeyResponse__Output } from '../../../omni/identity/v1/RevokeApiKeyResponse';
import type { RotateApiKeyRequest as _omni_identity_v1_RotateApiKeyRequest, RotateApiKeyRequest__Output as _omni_identity_v1_RotateApiKeyRequest__Output } from '../../../omni/identity/v1/RotateApiKeyRequest';
import type { RotateApiKeyResponse as _omni_identity_v1_RotateApiKeyResponse, RotateApiKeyResponse__Output as _omni_identity_v1_RotateApiKeyResponse__Output } from '../../../omni/identity/v1/RotateApiKeyResponse';

export interface AccessServiceClient extends grpc.Client {
  CreateApiKey(argument: _omni_identity_v1_CreateApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateApiKey(argument: _omni_identity_v1_CreateApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateApiKey(argument: _omni_identity_v1_CreateApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateApiKey(argument: _omni_identity_v1_CreateApiKeyRequest, callback: grpc.requestCallback<_omni_identity_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  createApiKey(argument: _omni_identity_v1_CreateApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  createApiKey(argument: _omni_identity_v1_CreateApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  createApiKey(argument: _omni_identity_v1_CreateApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  createApiKey(argument: _omni_identity_v1_CreateApiKeyRequest, callback: grpc.requestCallback<_omni_identity_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  
  ListApiKeys(argument: _omni_identity_v1_ListApiKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  ListApiKeys(argument: _omni_identity_v1_ListApiKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  ListApiKeys(argument: _omni_identity_v1_ListApiKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  ListApiKeys(argument: _omni_identity_v1_ListApiKeysRequest, callback: grpc.requestCallback<_omni_identity_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  listApiKeys(argument: _omni_identity_v1_ListApiKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  listApiKeys(argument: _omni_identity_v1_ListApiKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  listApiKeys(argument: _omni_identity_v1_ListApiKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  listApiKeys(argument: _omni_identity_v1_ListApiKeysRequest, callback: grpc.requestCallback<_omni_identity_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  
  ListAuditLog(argument: _omni_identity_v1_ListAuditLogRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListAuditLogResponse__Output>): grpc.ClientUnaryCall;
  ListAuditLog(argument: _omni_identity_v1_ListAuditLogRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_ListAuditLogResponse__Output>): grpc.ClientUnaryCall;
  ListAuditLog(argument: _omni_identity_v1_ListAuditLogRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListAuditLogResponse__Output>): grpc.ClientUnaryCall;
  ListAuditLog(argument: _omni_identity_v1_ListAuditLogRequest, callback: grpc.requestCallback<_omni_identity_v1_ListAuditLogResponse__Output>): grpc.ClientUnaryCall;
  listAuditLog(argument: _omni_identity_v1_ListAuditLogRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListAuditLogResponse__Output>): grpc.ClientUnaryCall;
  listAuditLog(argument: _omni_identity_v1_ListAuditLogRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_ListAuditLogResponse__Output>): grpc.ClientUnaryCall;
  listAuditLog(argument: _omni_identity_v1_ListAuditLogRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListAuditLogResponse__Output>): grpc.ClientUnaryCall;
  listAuditLog(argument: _omni_identity_v1_ListAuditLogRequest, callback: grpc.requestCallback<_omni_identity_v1_ListAuditLogResponse__Output>): grpc.ClientUnaryCall;
  
  RevokeApiKey(argument: _omni_identity_v1_RevokeApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_RevokeApiKeyResponse__Output>): grpc.ClientUnaryCall;
  RevokeApiKey(argument: _omni_identity_v1_RevokeApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_RevokeApiKeyResponse__Output>): grpc.ClientUnaryCall;
  RevokeApiKey(argument: _omni_identity_v1_RevokeApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_RevokeApiKeyResponse__Output>): grpc.ClientUnaryCall;
  RevokeApiKey(argument: _omni_identity_v1_RevokeApiKeyRequest, callback: grpc.requestCallback<_omni_identity_v1_RevokeApiKeyResponse__Output>): grpc.ClientUnaryCall;
  revokeApiKey(argument: _omni_identity_v1_RevokeApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_RevokeApiKeyResponse__Output>): grpc.ClientUnaryCall;
  revokeApiKey(argument: _omni_identity_v1_RevokeApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_RevokeApiKeyResponse__Output>): grpc.ClientUnaryCall;
  revokeApiKey(argument: _omni_identity_v1_RevokeApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_RevokeApiKeyResponse__Output>): grpc.ClientUnaryCall;
  revokeApiKey(argument: _omni_identity_v1_RevokeApiKeyRequest, callback: grpc.requestCallback<_omni_identity_v1_RevokeApiKeyResponse__Output>): grpc.ClientUnaryCall;
  
  RotateApiKey(argument: _omni_identity_v1_RotateApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_RotateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  RotateApiKey(argument: _omni_identity_v1_RotateApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_RotateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  RotateApiKey(argument: _omni_identity_v1_RotateApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_RotateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  RotateApiKey(argument: _omni_identity_v1_RotateApiKeyRequest, callback: grpc.requestCallback<_omni_identity_v1_RotateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  rotateApiKey(argument: _omni_identity_v1_RotateApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_RotateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  rotateApiKey(argument: _omni_identity_v1_RotateApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_RotateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  rotateApiKey(argument: _omni_identity_v1_RotateApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_RotateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  rotateApiKey(argument: _omni_identity_v1_RotateApiKeyRequest, callback: grpc.requestCallback<_omni_identity_v1_RotateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface AccessServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateApiKey: grpc.handleUnaryCall<_omni_identity_v1_CreateApiKeyRequest__Output, _omni_identity_v1_CreateApiKeyResponse>;
  
  ListApiKeys: grpc.handleUnaryCall<_omni_identity_v1_ListApiKeysRequest__Output, _omni_identity_v1_ListApiKeysResponse>;
  
  ListAuditLog: grpc.handleUnaryCall<_omni_identity_v1_ListAuditLogRequest__Output, _omni_identity_v1_ListAuditLogResponse>;
  
  RevokeApiKey: grpc.handleUnaryCall<_omni_identity_v1_RevokeApiKeyRequest__Output, _omni_identity_v1_RevokeApiKeyResponse>;
  
  RotateApiKey: grpc.handleUnaryCall<_omni_identity_v1_RotateApiKeyRequest__Output, _omni_identity_v1_RotateApiKeyResponse>;
  
}

export interface AccessServiceDefinition extends grpc.ServiceDefinition {
  CreateApiKey: MethodDefinition<_omni_identity_v1_CreateApiKeyRequest, _omni_identity_v1_CreateApiKeyResponse, _omni_identity_v1_CreateApiKeyRequest__Output, _omni_identity_v1_CreateApiKeyResponse__Output>
  ListApiKeys: MethodDefinition<_omni_identity_v1_ListApiKeysRequest, _omni_identity_v1_ListApiKeysResponse, _omni_identity_v1_ListApiKeysRequest__Output, _omni_identity_v1_ListApiKeysResponse__Output>
  ListAuditLog: MethodDefinition<_omni_identity_v1_ListAuditLogRequest, _omni_identity_v1_ListAuditLogResponse, _omni_identity_v1_ListAuditLogRequest__Output, _omni_identity_v1_ListAuditLogResponse__Output>
  RevokeApiKey: MethodDefinition<_omni_identity_v1_RevokeApiKeyRequest, _omni_identity_v1_RevokeApiKeyResponse, _omni_identity_v1_RevokeApiKeyRequest__Output, _omni_identity_v1_RevokeApiKeyResponse__Output>
  RotateApiKey: MethodDefinition<_omni_identity_v1_RotateApiKeyRequest, _omni_identity_v1_RotateApiKeyResponse, _omni_identity_v1_RotateApiKeyRequest__Output, _omni_identity_v1_RotateApiKeyResponse__Output>
}
