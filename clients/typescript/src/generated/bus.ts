import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ListValue as _google_protobuf_ListValue, ListValue__Output as _google_protobuf_ListValue__Output } from './google/protobuf/ListValue';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from './google/protobuf/Struct';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from './google/protobuf/Value';
import type { AuditEvent as _omni_common_v1_AuditEvent, AuditEvent__Output as _omni_common_v1_AuditEvent__Output } from './omni/common/v1/AuditEvent';
import type { BusMetadata as _omni_common_v1_BusMetadata, BusMetadata__Output as _omni_common_v1_BusMetadata__Output } from './omni/common/v1/BusMetadata';
import type { CustomerErased as _omni_common_v1_CustomerErased, CustomerErased__Output as _omni_common_v1_CustomerErased__Output } from './omni/common/v1/CustomerErased';
import type { Event as _omni_common_v1_Event, Event__Output as _omni_common_v1_Event__Output } from './omni/common/v1/Event';
import type { EventIngested as _omni_common_v1_EventIngested, EventIngested__Output as _omni_common_v1_EventIngested__Output } from './omni/common/v1/EventIngested';
import type { Identifier as _omni_common_v1_Identifier, Identifier__Output as _omni_common_v1_Identifier__Output } from './omni/common/v1/Identifier';
import type { MembershipChanged as _omni_common_v1_MembershipChanged, MembershipChanged__Output as _omni_common_v1_MembershipChanged__Output } from './omni/common/v1/MembershipChanged';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      ListValue: MessageTypeDefinition<_google_protobuf_ListValue, _google_protobuf_ListValue__Output>
      NullValue: EnumTypeDefinition
      Struct: MessageTypeDefinition<_google_protobuf_Struct, _google_protobuf_Struct__Output>
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
      Value: MessageTypeDefinition<_google_protobuf_Value, _google_protobuf_Value__Output>
    }
  }
  omni: {
    common: {
      v1: {
        AuditEvent: MessageTypeDefinition<_omni_common_v1_AuditEvent, _omni_common_v1_AuditEvent__Output>
        BusMetadata: MessageTypeDefinition<_omni_common_v1_BusMetadata, _omni_common_v1_BusMetadata__Output>
        CustomerErased: MessageTypeDefinition<_omni_common_v1_CustomerErased, _omni_common_v1_CustomerErased__Output>
        DeliveryChannel: EnumTypeDefinition
        Event: MessageTypeDefinition<_omni_common_v1_Event, _omni_common_v1_Event__Output>
        EventIngested: MessageTypeDefinition<_omni_common_v1_EventIngested, _omni_common_v1_EventIngested__Output>
        Identifier: MessageTypeDefinition<_omni_common_v1_Identifier, _omni_common_v1_Identifier__Output>
        IdentifierType: EnumTypeDefinition
        MembershipChanged: MessageTypeDefinition<_omni_common_v1_MembershipChanged, _omni_common_v1_MembershipChanged__Output>
        SourceChannel: EnumTypeDefinition
      }
    }
  }
}

