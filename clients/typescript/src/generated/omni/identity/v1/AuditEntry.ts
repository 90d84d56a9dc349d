// Original file: omni/identity/v1/identity.proto

import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from '../../../google/protobuf/Value';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface AuditEntry {
  'auditId'?: (string);
  'actorKeyId'?: (string);
  'actorRole'?: (string);
  'action'?: (string);
  'resourceType'?: (string);
  'resourceId'?: (string);
  'before'?: (_google_protobuf_Value | null);
  'after'?: (_google_protobuf_Value | null);
  'time'?: (_google_protobuf_Timestamp | null);
  'service'?: (string);
}

export interface AuditEntry__Output {
  'auditId': (string);
  'actorKeyId': (string);
  'actorRole': (string);
  'action': (string);
  'resourceType': (string);
  'resourceId': (string);
  'before': (_google_protobuf_Value__Output | null);
  'after': (_google_protobuf_Value__Output | null);
  'time': (_google_protobuf_Timestamp__Output | null);
  'service': (string);
}
