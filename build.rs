fn main() {
    // The Fluent bundles are read from `locales/` when the crate is
    // compiled: a locale directory added later must rebuild it.
    println!("cargo:rerun-if-changed=locales");
}
