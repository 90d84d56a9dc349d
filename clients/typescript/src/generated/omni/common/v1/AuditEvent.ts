// Original file: omni/common/v1/bus.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface AuditEvent {
  'auditId'?: (string);
  'workspaceId'?: (string);
  'actorKeyId'?: (string);
  'actorRole'?: (string);
  'action'?: (string);
  'resourceType'?: (string);
  'resourceId'?: (string);
  'beforeJson'?: (string);
  'afterJson'?: (string);
  'time'?: (_google_protobuf_Timestamp | null);
  'service'?: (string);
}

export interface AuditEvent__Output {
  'auditId': (string);
  'workspaceId': (string);
  'actorKeyId': (string);
  'actorRole': (string);
  'action': (string);
  'resourceType': (string);
  'resourceId': (string);
  'beforeJson': (string);
  'afterJson': (string);
  'time': (_google_protobuf_Timestamp__Output | null);
  'service': (string);
}
