//! The `nutshell` command line; see `nutshell --help` and `src/cli.rs`.

/// mimalloc, with the `cli` feature (on by default): see `Cargo.toml` (the
/// bench binary uses it too, so that its timings are the CLI's).
#[cfg(all(feature = "cli", not(target_arch = "wasm32")))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = nutshell::cli::run(
        &args,
        &mut std::io::stdin().lock(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr(),
    );
    std::process::exit(status);
}
