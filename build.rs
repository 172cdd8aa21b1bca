//! Link options for the `serein` binary only (the library, tests, examples and dependencies
//! are built as before).
//!
//! On Linux with glibc the binary is linked as a fixed-address executable (`-no-pie`): a
//! position-independent one starts by applying ~47,000 relative relocations (the tables of
//! pointers in serein and its dependencies), which writes 1.3 MB of `.data.rel.ro`
//! copy-on-write and reads a 1.1 MB relocation table on every start. Measured (benches/summary.sh, README):
//! `serein --version` 5.0 → 2.1 ms and 472 → 178 page faults, `serein summary --week` 10.8 →
//! 6.9 ms. The cost: the executable's own code and data are not at a random address (the
//! libraries, stack, heap and mmaps still are). serein reads only the user's own files and
//! session bus, so start-up wins here; build with `SEREIN_PIE=1` to keep a PIE (a
//! distribution's hardening policy).
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=SEREIN_PIE");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let keep_pie = std::env::var_os("SEREIN_PIE").is_some_and(|v| !v.is_empty() && v != "0");
    if os == "linux" && env == "gnu" && !keep_pie {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}
