//! The `nutshell` command line; see `nutshell --help` and `src/cli.rs`.

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
