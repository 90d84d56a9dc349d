// Original file: omni/identity/v1/identity.proto

import type { AuditEntry as _omni_identity_v1_AuditEntry, AuditEntry__Output as _omni_identity_v1_AuditEntry__Output } from '../../../omni/identity/v1/AuditEntry';

export interface ListAuditLogResponse {
  'entries'?: (_omni_identity_v1_AuditEntry)[];
  'nextPageToken'?: (string);
}

export interface ListAuditLogResponse__Output {
  'entries': (_omni_identity_v1_AuditEntry__Output)[];
  'nextPageToken': (string);
}
