// Original file: omni/identity/v1/identity.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct';
import type { Identifier as _omni_common_v1_Identifier, Identifier__Output as _omni_common_v1_Identifier__Output } from '../../../omni/common/v1/Identifier';
import type { Consent as _omni_identity_v1_Consent, Consent__Output as _omni_identity_v1_Consent__Output } from '../../../omni/identity/v1/Consent';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { TraitType as _omni_identity_v1_TraitType, TraitType__Output as _omni_identity_v1_TraitType__Output } from '../../../omni/identity/v1/TraitType';
import type { ChannelReachability as _omni_identity_v1_ChannelReachability, ChannelReachability__Output as _omni_identity_v1_ChannelReachability__Output } from '../../../omni/identity/v1/ChannelReachability';
import type { PurchaseSummary as _omni_identity_v1_PurchaseSummary, PurchaseSummary__Output as _omni_identity_v1_PurchaseSummary__Output } from '../../../omni/identity/v1/PurchaseSummary';
import type { StoreVisit as _omni_identity_v1_StoreVisit, StoreVisit__Output as _omni_identity_v1_StoreVisit__Output } from '../../../omni/identity/v1/StoreVisit';
import type { ChannelEngagement as _omni_identity_v1_ChannelEngagement, ChannelEngagement__Output as _omni_identity_v1_ChannelEngagement__Output } from '../../../omni/identity/v1/ChannelEngagement';
import type { ContactPreferences as _omni_identity_v1_ContactPreferences, ContactPreferences__Output as _omni_identity_v1_ContactPreferences__Output } from '../../../omni/identity/v1/ContactPreferences';
import type { Long } from '@grpc/proto-loader';

export interface Profile {
  'customerId'?: (string);
  'traits'?: (_google_protobuf_Struct | null);
  'identifiers'?: (_omni_common_v1_Identifier)[];
  'eventCounts'?: ({[key: string]: number | string | Long});
  'consents'?: (_omni_identity_v1_Consent)[];
  'firstSeenTime'?: (_google_protobuf_Timestamp | null);
  'lastSeenTime'?: (_google_protobuf_Timestamp | null);
  'purposeConsents'?: (_omni_identity_v1_Consent)[];
  'globallyUnsubscribed'?: (boolean);
  'traitTypes'?: ({[key: string]: _omni_identity_v1_TraitType});
  'timezone'?: (string);
  'locale'?: (string);
  'reachability'?: (_omni_identity_v1_ChannelReachability)[];
  'purchases'?: (_omni_identity_v1_PurchaseSummary | null);
  'lastStore'?: (_omni_identity_v1_StoreVisit | null);
  'engagement'?: (_omni_identity_v1_ChannelEngagement)[];
  'contactPreferences'?: (_omni_identity_v1_ContactPreferences | null);
}

export interface Profile__Output {
  'customerId': (string);
  'traits': (_google_protobuf_Struct__Output | null);
  'identifiers': (_omni_common_v1_Identifier__Output)[];
  'eventCounts': ({[key: string]: string});
  'consents': (_omni_identity_v1_Consent__Output)[];
  'firstSeenTime': (_google_protobuf_Timestamp__Output | null);
  'lastSeenTime': (_google_protobuf_Timestamp__Output | null);
  'purposeConsents': (_omni_identity_v1_Consent__Output)[];
  'globallyUnsubscribed': (boolean);
  'traitTypes': ({[key: string]: _omni_identity_v1_TraitType__Output});
  'timezone': (string);
  'locale': (string);
  'reachability': (_omni_identity_v1_ChannelReachability__Output)[];
  'purchases': (_omni_identity_v1_PurchaseSummary__Output | null);
  'lastStore': (_omni_identity_v1_StoreVisit__Output | null);
  'engagement': (_omni_identity_v1_ChannelEngagement__Output)[];
  'contactPreferences': (_omni_identity_v1_ContactPreferences__Output | null);
}
