//! Generated protobuf messages and gRPC clients/servers for every Omni contract.
//!
//! This crate holds generated code only; conversions to domain types live in each
//! service's `convert.rs`.
#![allow(missing_docs, clippy::all)]

/// `omni.common.v1`: identifiers, events and bus messages shared by every service.
pub mod common {
    /// Version 1.
    pub mod v1 {
        tonic::include_proto!("omni.common.v1");
    }
}

/// `omni.identity.v1`: the identity service contract.
pub mod identity {
    /// Version 1.
    pub mod v1 {
        tonic::include_proto!("omni.identity.v1");
    }
}

/// `omni.segment.v1`: the segment service contract.
pub mod segment {
    /// Version 1.
    pub mod v1 {
        tonic::include_proto!("omni.segment.v1");
    }
}

/// `omni.decisioning.v1`: the decisioning service contract.
pub mod decisioning {
    /// Version 1.
    pub mod v1 {
        tonic::include_proto!("omni.decisioning.v1");
    }
}

/// `omni.journey.v1`: the journey-orchestrator contract.
pub mod journey {
    /// Version 1.
    pub mod v1 {
        tonic::include_proto!("omni.journey.v1");
    }
}

/// `omni.channel.v1`: the channel-gateway contract.
pub mod channel {
    /// Version 1.
    pub mod v1 {
        tonic::include_proto!("omni.channel.v1");
    }
}

/// `omni.insights.v1`: the insights contract.
pub mod insights {
    /// Version 1.
    pub mod v1 {
        tonic::include_proto!("omni.insights.v1");
    }
}

/// Encoded `FileDescriptorSet` of every contract, for gRPC reflection.
pub const FILE_DESCRIPTOR_SET: &[u8] = tonic::include_file_descriptor_set!("omni_descriptor");

pub use prost;
pub use prost_types;
