//! The Web Worker that runs the summarizer off the page's main thread.

#[cfg(target_arch = "wasm32")]
fn main() {
    use yew_agent::Registrable;
    nutshell::ui::agent::SummarizeTask::registrar()
        .encoding::<yew_agent::Bincode>()
        .register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the worker runs in the browser: build it with `trunk build --release`");
    std::process::exit(2);
}
