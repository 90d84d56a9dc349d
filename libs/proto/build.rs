//! Compiles every contract under proto/ with a vendored protoc.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // No system protoc: point prost at the vendored binary.
    let protoc = protoc_bin_vendored::protoc_bin_path()?;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../proto");
    let files = [
        "omni/common/v1/common.proto",
        "omni/common/v1/bus.proto",
        "omni/identity/v1/identity.proto",
        "omni/segment/v1/segment.proto",
        "omni/decisioning/v1/decisioning.proto",
        "omni/journey/v1/journey.proto",
        "omni/channel/v1/channel.proto",
        "omni/insights/v1/insights.proto",
    ];
    let paths: Vec<PathBuf> = files.iter().map(|f| root.join(f)).collect();
    for p in &paths {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    let mut config = tonic_prost_build::Config::new();
    config.protoc_executable(protoc);
    tonic_prost_build::configure()
        .file_descriptor_set_path(out.join("omni_descriptor.bin"))
        .compile_with_config(config, &paths, &[root])?;
    Ok(())
}
