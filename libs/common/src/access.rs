//! Roles, named permissions and the one table mapping every gRPC method to the
//! permission it needs.
//!
//! Each API key carries one [`Role`]; each RPC of every service needs exactly one
//! [`Permission`] ([`METHOD_PERMISSIONS`]). The auth layer looks the method up with
//! [`permission_for`] and answers `PERMISSION_DENIED` naming both when the role lacks
//! it. A unit test walks every service in the compiled descriptor set, so a new RPC
//! without an entry here fails CI. docs/access.md is the human-readable form of this
//! file and must change with it.

use std::fmt;
use std::str::FromStr;

/// A named permission: one capability an RPC needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Track, TrackBatch and Identify events.
    EventsTrack,
    /// Read profiles, timelines, merge history, consent history and memberships.
    ProfilesRead,
    /// Change profiles by hand: consent, merges, unmerges, match suggestions.
    ProfilesEdit,
    /// Erase or export a customer (data-subject requests).
    PrivacyManage,
    /// Set a customer's do-not-disturb preferences (own quiet hours, snoozes).
    PreferencesEdit,
    /// Read the workspace's identity rules.
    RulesRead,
    /// Change the workspace's identity rules.
    RulesEdit,
    /// Read segments, computed traits, lifecycle and RFM settings.
    SegmentsRead,
    /// Create and change segments, computed traits, lifecycle and RFM settings.
    SegmentsEdit,
    /// Read offers, experiments and logged decisions.
    OffersRead,
    /// Create, change and archive offers and experiments.
    OffersEdit,
    /// Ask for decisions: Decide, variants, channels, send times, outcomes.
    DecisionsDecide,
    /// Read journeys, runs and statistics; validate and simulate.
    JourneysRead,
    /// Create journey drafts.
    JourneysEdit,
    /// Publish, pause, resume and stop journeys.
    JourneysPublish,
    /// Enrol a customer into a journey from a backend.
    JourneysEnroll,
    /// Read and preview templates.
    TemplatesRead,
    /// Create templates and template versions.
    TemplatesEdit,
    /// Approve template versions for sending (the review flow).
    TemplatesApprove,
    /// Send messages and issue or redeem coupons.
    MessagesSend,
    /// Read messages, deliveries and coupons.
    MessagesRead,
    /// Read provider settings.
    ProvidersRead,
    /// Change provider settings.
    ProvidersEdit,
    /// Read send policies (quiet hours, caps).
    PoliciesRead,
    /// Change send policies.
    PoliciesEdit,
    /// Read the suppression list.
    SuppressionsRead,
    /// Add to or remove from the suppression list.
    SuppressionsEdit,
    /// Read reports: KPIs, attribution, incrementality, funnels, alerts, exports.
    ReportsRead,
    /// Record channel costs and campaign spend for reports.
    CostsEdit,
    /// Create, list, rotate and revoke API keys.
    KeysManage,
    /// Read the audit log.
    AuditRead,
}

impl Permission {
    /// Every permission, in documentation order.
    pub const ALL: [Permission; 31] = [
        Permission::EventsTrack,
        Permission::ProfilesRead,
        Permission::ProfilesEdit,
        Permission::PrivacyManage,
        Permission::PreferencesEdit,
        Permission::RulesRead,
        Permission::RulesEdit,
        Permission::SegmentsRead,
        Permission::SegmentsEdit,
        Permission::OffersRead,
        Permission::OffersEdit,
        Permission::DecisionsDecide,
        Permission::JourneysRead,
        Permission::JourneysEdit,
        Permission::JourneysPublish,
        Permission::JourneysEnroll,
        Permission::TemplatesRead,
        Permission::TemplatesEdit,
        Permission::TemplatesApprove,
        Permission::MessagesSend,
        Permission::MessagesRead,
        Permission::ProvidersRead,
        Permission::ProvidersEdit,
        Permission::PoliciesRead,
        Permission::PoliciesEdit,
        Permission::SuppressionsRead,
        Permission::SuppressionsEdit,
        Permission::ReportsRead,
        Permission::CostsEdit,
        Permission::KeysManage,
        Permission::AuditRead,
    ];

    /// The permission's name as written in docs and errors (`journeys.publish`).
    pub fn as_str(self) -> &'static str {
        match self {
            Permission::EventsTrack => "events.track",
            Permission::ProfilesRead => "profiles.read",
            Permission::ProfilesEdit => "profiles.edit",
            Permission::PrivacyManage => "privacy.manage",
            Permission::PreferencesEdit => "preferences.edit",
            Permission::RulesRead => "rules.read",
            Permission::RulesEdit => "rules.edit",
            Permission::SegmentsRead => "segments.read",
            Permission::SegmentsEdit => "segments.edit",
            Permission::OffersRead => "offers.read",
            Permission::OffersEdit => "offers.edit",
            Permission::DecisionsDecide => "decisions.decide",
            Permission::JourneysRead => "journeys.read",
            Permission::JourneysEdit => "journeys.edit",
            Permission::JourneysPublish => "journeys.publish",
            Permission::JourneysEnroll => "journeys.enroll",
            Permission::TemplatesRead => "templates.read",
            Permission::TemplatesEdit => "templates.edit",
            Permission::TemplatesApprove => "templates.approve",
            Permission::MessagesSend => "messages.send",
            Permission::MessagesRead => "messages.read",
            Permission::ProvidersRead => "providers.read",
            Permission::ProvidersEdit => "providers.edit",
            Permission::PoliciesRead => "policies.read",
            Permission::PoliciesEdit => "policies.edit",
            Permission::SuppressionsRead => "suppressions.read",
            Permission::SuppressionsEdit => "suppressions.edit",
            Permission::ReportsRead => "reports.read",
            Permission::CostsEdit => "costs.edit",
            Permission::KeysManage => "keys.manage",
            Permission::AuditRead => "audit.read",
        }
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The role an API key carries; a role is a fixed set of permissions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything, including keys, rules, providers, policies and privacy requests.
    Admin,
    /// Edits drafts: segments, offers, journeys, templates; reads what it needs to.
    Marketer,
    /// Reviews and publishes: approves templates, publishes journeys, reads the audit log.
    Approver,
    /// Reads reports and profiles; changes nothing.
    Analyst,
    /// Backend callers: track events, decide, send, enrol; reads what those need.
    Service,
}

/// What every role except admin may read about the workspace's set-up.
const SETUP_READS: &[Permission] = &[
    Permission::ProfilesRead,
    Permission::RulesRead,
    Permission::SegmentsRead,
    Permission::OffersRead,
    Permission::JourneysRead,
    Permission::TemplatesRead,
    Permission::MessagesRead,
    Permission::ProvidersRead,
    Permission::PoliciesRead,
    Permission::SuppressionsRead,
    Permission::ReportsRead,
];

impl Role {
    /// Every role.
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Marketer,
        Role::Approver,
        Role::Analyst,
        Role::Service,
    ];

    /// The role's name (`admin`, `marketer`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Marketer => "marketer",
            Role::Approver => "approver",
            Role::Analyst => "analyst",
            Role::Service => "service",
        }
    }

    /// Whether this role holds `permission`.
    pub fn allows(self, permission: Permission) -> bool {
        use Permission as P;
        match self {
            Role::Admin => true,
            Role::Marketer => {
                SETUP_READS.contains(&permission)
                    || matches!(
                        permission,
                        P::SegmentsEdit
                            | P::OffersEdit
                            | P::JourneysEdit
                            | P::TemplatesEdit
                            | P::SuppressionsEdit
                            | P::CostsEdit
                            | P::PreferencesEdit
                    )
            }
            Role::Approver => {
                SETUP_READS.contains(&permission)
                    || matches!(
                        permission,
                        P::JourneysPublish | P::TemplatesApprove | P::AuditRead
                    )
            }
            Role::Analyst => matches!(
                permission,
                P::ReportsRead
                    | P::ProfilesRead
                    | P::SegmentsRead
                    | P::OffersRead
                    | P::JourneysRead
                    | P::MessagesRead
            ),
            Role::Service => matches!(
                permission,
                P::EventsTrack
                    | P::DecisionsDecide
                    | P::MessagesSend
                    | P::JourneysEnroll
                    | P::ProfilesRead
                    | P::ProfilesEdit
                    | P::PreferencesEdit
                    | P::SegmentsRead
                    | P::OffersRead
                    | P::TemplatesRead
                    | P::MessagesRead
            ),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A role name that is not one of [`Role::ALL`].
#[derive(Debug, thiserror::Error)]
#[error("unknown role `{0}`: expected admin, marketer, approver, analyst or service")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

/// Every gRPC method of every Omni service (`/package.Service/Method`) and the one
/// permission it needs. Health and reflection are open and not listed.
pub const METHOD_PERMISSIONS: &[(&str, Permission)] = {
    use Permission as P;
    &[
        // identity
        ("/omni.identity.v1.IdentityService/Track", P::EventsTrack),
        (
            "/omni.identity.v1.IdentityService/TrackBatch",
            P::EventsTrack,
        ),
        ("/omni.identity.v1.IdentityService/Identify", P::EventsTrack),
        (
            "/omni.identity.v1.IdentityService/GetProfile",
            P::ProfilesRead,
        ),
        (
            "/omni.identity.v1.IdentityService/GetMergeHistory",
            P::ProfilesRead,
        ),
        (
            "/omni.identity.v1.IdentityService/ListEvents",
            P::ProfilesRead,
        ),
        (
            "/omni.identity.v1.IdentityService/ListConflicts",
            P::ProfilesRead,
        ),
        (
            "/omni.identity.v1.IdentityService/ListConsentHistory",
            P::ProfilesRead,
        ),
        (
            "/omni.identity.v1.IdentityService/ListMatchSuggestions",
            P::ProfilesRead,
        ),
        (
            "/omni.identity.v1.IdentityService/UpdateConsent",
            P::ProfilesEdit,
        ),
        (
            "/omni.identity.v1.IdentityService/SetContactPreferences",
            P::PreferencesEdit,
        ),
        (
            "/omni.identity.v1.IdentityService/SnoozeContact",
            P::PreferencesEdit,
        ),
        (
            "/omni.identity.v1.IdentityService/GetContactPreferences",
            P::ProfilesRead,
        ),
        (
            "/omni.identity.v1.IdentityService/UpdateGlobalUnsubscribe",
            P::ProfilesEdit,
        ),
        (
            "/omni.identity.v1.IdentityService/MergeCustomers",
            P::ProfilesEdit,
        ),
        ("/omni.identity.v1.IdentityService/Unmerge", P::ProfilesEdit),
        (
            "/omni.identity.v1.IdentityService/AcceptSuggestion",
            P::ProfilesEdit,
        ),
        (
            "/omni.identity.v1.IdentityService/RejectSuggestion",
            P::ProfilesEdit,
        ),
        (
            "/omni.identity.v1.IdentityService/EraseCustomer",
            P::PrivacyManage,
        ),
        (
            "/omni.identity.v1.IdentityService/ExportCustomer",
            P::PrivacyManage,
        ),
        (
            "/omni.identity.v1.IdentityService/GetIdentityRules",
            P::RulesRead,
        ),
        (
            "/omni.identity.v1.IdentityService/UpdateIdentityRules",
            P::RulesEdit,
        ),
        (
            "/omni.identity.v1.AccessService/CreateApiKey",
            P::KeysManage,
        ),
        ("/omni.identity.v1.AccessService/ListApiKeys", P::KeysManage),
        (
            "/omni.identity.v1.AccessService/RotateApiKey",
            P::KeysManage,
        ),
        (
            "/omni.identity.v1.AccessService/RevokeApiKey",
            P::KeysManage,
        ),
        ("/omni.identity.v1.AccessService/ListAuditLog", P::AuditRead),
        // segment
        (
            "/omni.segment.v1.SegmentService/CreateSegment",
            P::SegmentsEdit,
        ),
        (
            "/omni.segment.v1.SegmentService/UpdateSegment",
            P::SegmentsEdit,
        ),
        (
            "/omni.segment.v1.SegmentService/CreateComputedTrait",
            P::SegmentsEdit,
        ),
        (
            "/omni.segment.v1.SegmentService/RecomputeSegment",
            P::SegmentsEdit,
        ),
        (
            "/omni.segment.v1.SegmentService/UpdateLifecycleSettings",
            P::SegmentsEdit,
        ),
        (
            "/omni.segment.v1.SegmentService/RefreshRfm",
            P::SegmentsEdit,
        ),
        (
            "/omni.segment.v1.SegmentService/GetSegment",
            P::SegmentsRead,
        ),
        (
            "/omni.segment.v1.SegmentService/ListSegments",
            P::SegmentsRead,
        ),
        (
            "/omni.segment.v1.SegmentService/ListSegmentVersions",
            P::SegmentsRead,
        ),
        (
            "/omni.segment.v1.SegmentService/GetComputedTrait",
            P::SegmentsRead,
        ),
        (
            "/omni.segment.v1.SegmentService/ListComputedTraits",
            P::SegmentsRead,
        ),
        (
            "/omni.segment.v1.SegmentService/ListMembers",
            P::SegmentsRead,
        ),
        (
            "/omni.segment.v1.SegmentService/WatchMembership",
            P::SegmentsRead,
        ),
        (
            "/omni.segment.v1.SegmentService/GetSegmentSizeHistory",
            P::SegmentsRead,
        ),
        (
            "/omni.segment.v1.SegmentService/PreviewSegment",
            P::SegmentsRead,
        ),
        (
            "/omni.segment.v1.SegmentService/GetRecompute",
            P::SegmentsRead,
        ),
        (
            "/omni.segment.v1.SegmentService/GetLifecycleSettings",
            P::SegmentsRead,
        ),
        (
            "/omni.segment.v1.SegmentService/GetRfmModel",
            P::SegmentsRead,
        ),
        (
            "/omni.segment.v1.SegmentService/GetMemberships",
            P::ProfilesRead,
        ),
        (
            "/omni.segment.v1.SegmentService/GetComputedTraitValues",
            P::ProfilesRead,
        ),
        (
            "/omni.segment.v1.SegmentService/GetCustomerBuiltins",
            P::ProfilesRead,
        ),
        // decisioning
        (
            "/omni.decisioning.v1.DecisioningService/CreateOffer",
            P::OffersEdit,
        ),
        (
            "/omni.decisioning.v1.DecisioningService/UpdateOffer",
            P::OffersEdit,
        ),
        (
            "/omni.decisioning.v1.DecisioningService/ArchiveOffer",
            P::OffersEdit,
        ),
        (
            "/omni.decisioning.v1.DecisioningService/CreateExperiment",
            P::OffersEdit,
        ),
        (
            "/omni.decisioning.v1.DecisioningService/GetOffer",
            P::OffersRead,
        ),
        (
            "/omni.decisioning.v1.DecisioningService/ListOffers",
            P::OffersRead,
        ),
        (
            "/omni.decisioning.v1.DecisioningService/GetDecision",
            P::OffersRead,
        ),
        (
            "/omni.decisioning.v1.DecisioningService/GetExperiment",
            P::OffersRead,
        ),
        (
            "/omni.decisioning.v1.DecisioningService/GetExperimentResults",
            P::OffersRead,
        ),
        (
            "/omni.decisioning.v1.DecisioningService/Decide",
            P::DecisionsDecide,
        ),
        (
            "/omni.decisioning.v1.DecisioningService/RecordOutcome",
            P::DecisionsDecide,
        ),
        (
            "/omni.decisioning.v1.DecisioningService/AssignVariant",
            P::DecisionsDecide,
        ),
        (
            "/omni.decisioning.v1.DecisioningService/BestSendTime",
            P::DecisionsDecide,
        ),
        (
            "/omni.decisioning.v1.DecisioningService/ChooseChannel",
            P::DecisionsDecide,
        ),
        // journey-orchestrator
        (
            "/omni.journey.v1.JourneyService/CreateJourney",
            P::JourneysEdit,
        ),
        (
            "/omni.journey.v1.JourneyService/UpdateJourneyDraft",
            P::JourneysEdit,
        ),
        (
            "/omni.journey.v1.JourneyService/PublishJourney",
            P::JourneysPublish,
        ),
        (
            "/omni.journey.v1.JourneyService/PauseJourney",
            P::JourneysPublish,
        ),
        (
            "/omni.journey.v1.JourneyService/ResumeJourney",
            P::JourneysPublish,
        ),
        (
            "/omni.journey.v1.JourneyService/StopJourney",
            P::JourneysPublish,
        ),
        (
            "/omni.journey.v1.JourneyService/EnrollCustomer",
            P::JourneysEnroll,
        ),
        (
            "/omni.journey.v1.JourneyService/GetJourney",
            P::JourneysRead,
        ),
        ("/omni.journey.v1.JourneyService/GetRun", P::JourneysRead),
        ("/omni.journey.v1.JourneyService/ListRuns", P::JourneysRead),
        (
            "/omni.journey.v1.JourneyService/ValidateJourney",
            P::JourneysRead,
        ),
        (
            "/omni.journey.v1.JourneyService/GetJourneyStats",
            P::JourneysRead,
        ),
        (
            "/omni.journey.v1.JourneyService/SimulateJourney",
            P::JourneysRead,
        ),
        (
            "/omni.journey.v1.JourneyService/SubmitJourneyForReview",
            P::JourneysEdit,
        ),
        (
            "/omni.journey.v1.JourneyService/ApproveJourney",
            P::JourneysPublish,
        ),
        (
            "/omni.journey.v1.JourneyService/RejectJourney",
            P::JourneysPublish,
        ),
        (
            "/omni.journey.v1.JourneyService/GetJourneyReview",
            P::JourneysRead,
        ),
        (
            "/omni.journey.v1.JourneyService/ListJourneyReviews",
            P::JourneysRead,
        ),
        (
            "/omni.journey.v1.JourneyService/GetJourneyReviewSettings",
            P::JourneysRead,
        ),
        (
            "/omni.journey.v1.JourneyService/UpdateJourneyReviewSettings",
            P::PoliciesEdit,
        ),
        // channel-gateway
        (
            "/omni.channel.v1.ChannelService/CreateTemplate",
            P::TemplatesEdit,
        ),
        (
            "/omni.channel.v1.ChannelService/GetTemplate",
            P::TemplatesRead,
        ),
        (
            "/omni.channel.v1.ChannelService/PreviewTemplate",
            P::TemplatesRead,
        ),
        ("/omni.channel.v1.ChannelService/Send", P::MessagesSend),
        (
            "/omni.channel.v1.ChannelService/IssueCoupon",
            P::MessagesSend,
        ),
        (
            "/omni.channel.v1.ChannelService/RedeemCoupon",
            P::MessagesSend,
        ),
        (
            "/omni.channel.v1.ChannelService/GetMessage",
            P::MessagesRead,
        ),
        (
            "/omni.channel.v1.ChannelService/ListMessages",
            P::MessagesRead,
        ),
        (
            "/omni.channel.v1.ChannelService/WatchDeliveries",
            P::MessagesRead,
        ),
        ("/omni.channel.v1.ChannelService/GetCoupon", P::MessagesRead),
        (
            "/omni.channel.v1.ChannelService/UpdateProviderConfig",
            P::ProvidersEdit,
        ),
        (
            "/omni.channel.v1.ChannelService/GetProviderConfig",
            P::ProvidersRead,
        ),
        (
            "/omni.channel.v1.ChannelService/ListProviderConfigs",
            P::ProvidersRead,
        ),
        (
            "/omni.channel.v1.ChannelService/GetSendPolicy",
            P::PoliciesRead,
        ),
        (
            "/omni.channel.v1.ChannelService/UpdateSendPolicy",
            P::PoliciesEdit,
        ),
        (
            "/omni.channel.v1.ChannelService/CreateSuppression",
            P::SuppressionsEdit,
        ),
        (
            "/omni.channel.v1.ChannelService/DeleteSuppression",
            P::SuppressionsEdit,
        ),
        (
            "/omni.channel.v1.ChannelService/ListSuppressions",
            P::SuppressionsRead,
        ),
        (
            "/omni.channel.v1.ChannelService/UpdateTemplate",
            P::TemplatesEdit,
        ),
        (
            "/omni.channel.v1.ChannelService/SubmitTemplateForReview",
            P::TemplatesEdit,
        ),
        (
            "/omni.channel.v1.ChannelService/ApproveTemplate",
            P::TemplatesApprove,
        ),
        (
            "/omni.channel.v1.ChannelService/RejectTemplate",
            P::TemplatesApprove,
        ),
        (
            "/omni.channel.v1.ChannelService/GetTemplateReview",
            P::TemplatesRead,
        ),
        (
            "/omni.channel.v1.ChannelService/ListTemplateReviews",
            P::TemplatesRead,
        ),
        (
            "/omni.channel.v1.ChannelService/GetTemplateReviewSettings",
            P::TemplatesRead,
        ),
        (
            "/omni.channel.v1.ChannelService/UpdateTemplateReviewSettings",
            P::PoliciesEdit,
        ),
        // insights
        ("/omni.insights.v1.InsightsService/GetKpis", P::ReportsRead),
        (
            "/omni.insights.v1.InsightsService/GetAttribution",
            P::ReportsRead,
        ),
        (
            "/omni.insights.v1.InsightsService/GetIncrementality",
            P::ReportsRead,
        ),
        (
            "/omni.insights.v1.InsightsService/GetFunnel",
            P::ReportsRead,
        ),
        (
            "/omni.insights.v1.InsightsService/ListAlerts",
            P::ReportsRead,
        ),
        (
            "/omni.insights.v1.InsightsService/ExportReport",
            P::ReportsRead,
        ),
        (
            "/omni.insights.v1.InsightsService/GetCohorts",
            P::ReportsRead,
        ),
        (
            "/omni.insights.v1.InsightsService/GetCustomerValue",
            P::ReportsRead,
        ),
        (
            "/omni.insights.v1.InsightsService/SetChannelCost",
            P::CostsEdit,
        ),
        (
            "/omni.insights.v1.InsightsService/SetCampaignSpend",
            P::CostsEdit,
        ),
    ]
};

/// The permission the method at `path` (`/package.Service/Method`) needs, or `None` for
/// a path no Omni service serves.
pub fn permission_for(path: &str) -> Option<Permission> {
    METHOD_PERMISSIONS
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, perm)| *perm)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use omni_proto::prost::Message;

    use super::*;

    /// `/package.Service/Method` of every RPC in the compiled contracts.
    fn served_methods() -> Vec<String> {
        let set =
            omni_proto::prost_types::FileDescriptorSet::decode(omni_proto::FILE_DESCRIPTOR_SET)
                .expect("descriptor set decodes");
        let mut out = Vec::new();
        for file in set.file {
            let package = file.package().to_owned();
            for service in &file.service {
                for method in &service.method {
                    out.push(format!("/{package}.{}/{}", service.name(), method.name()));
                }
            }
        }
        out
    }

    #[test]
    fn every_rpc_of_every_service_has_a_permission() {
        let methods = served_methods();
        for service in [
            "IdentityService",
            "AccessService",
            "SegmentService",
            "DecisioningService",
            "JourneyService",
            "ChannelService",
            "InsightsService",
        ] {
            assert!(
                methods.iter().any(|m| m.contains(&format!(".{service}/"))),
                "descriptor set lacks {service}"
            );
        }
        let missing: Vec<&String> = methods
            .iter()
            .filter(|m| permission_for(m).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "RPCs without a permission in METHOD_PERMISSIONS: {missing:?}"
        );
    }

    #[test]
    fn the_table_names_only_served_methods_once() {
        let methods: HashSet<String> = served_methods().into_iter().collect();
        let mut seen = HashSet::new();
        for (path, _) in METHOD_PERMISSIONS {
            assert!(
                methods.contains(*path),
                "{path} is not an RPC of any contract"
            );
            assert!(seen.insert(*path), "{path} is listed twice");
        }
    }

    #[test]
    fn admin_holds_every_permission_and_names_round_trip() {
        for p in Permission::ALL {
            assert!(Role::Admin.allows(p), "admin lacks {p}");
        }
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>().expect("parses"), r);
        }
        assert!("owner".parse::<Role>().is_err());
    }

    #[test]
    fn roles_split_drafting_from_publishing() {
        use Permission as P;
        assert!(Role::Marketer.allows(P::JourneysEdit));
        assert!(!Role::Marketer.allows(P::JourneysPublish));
        assert!(Role::Approver.allows(P::JourneysPublish));
        assert!(!Role::Approver.allows(P::JourneysEdit));
        assert!(Role::Analyst.allows(P::ReportsRead));
        assert!(!Role::Analyst.allows(P::SegmentsEdit));
        assert!(Role::Service.allows(P::EventsTrack));
        assert!(!Role::Service.allows(P::KeysManage));
        for r in [Role::Marketer, Role::Approver, Role::Analyst, Role::Service] {
            assert!(!r.allows(P::KeysManage), "{r} may manage keys");
            assert!(!r.allows(P::RulesEdit), "{r} may edit rules");
        }
    }

    #[test]
    fn service_role_covers_every_internal_call() {
        // The calls services make to each other with the internal key (journey runner
        // and channel-gateway's engagement reports).
        for path in [
            "/omni.identity.v1.IdentityService/Track",
            "/omni.identity.v1.IdentityService/TrackBatch",
            "/omni.decisioning.v1.DecisioningService/Decide",
            "/omni.decisioning.v1.DecisioningService/AssignVariant",
            "/omni.decisioning.v1.DecisioningService/ChooseChannel",
            "/omni.decisioning.v1.DecisioningService/GetExperiment",
            "/omni.channel.v1.ChannelService/Send",
            "/omni.channel.v1.ChannelService/GetTemplate",
            "/omni.segment.v1.SegmentService/GetSegment",
        ] {
            let p = permission_for(path).expect("listed");
            assert!(Role::Service.allows(p), "service lacks {p} for {path}");
        }
    }
}
