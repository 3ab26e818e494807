//! The web app's entry point: trunk builds this for the browser.
//!
//! The page and its Web Worker load this same wasm (so it transfers once):
//! on the page it renders [`nutshell::ui::App`]; in the worker (`worker.js`,
//! where there is no `window`) it registers the summarizer task instead.

/// The page's and the worker's allocator: talc takes 2.5 KB less of the
/// gzipped page than std's dlmalloc and is as fast there (the A/B in
/// `bench/ANALYSIS.md`, "The page's allocator").
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    if web_sys::window().is_some() {
        yew::Renderer::<nutshell::ui::App>::new().render();
    } else {
        nutshell::ui::agent::register_worker();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the web app runs in the browser: build it with `make build` (scripts/trunk.sh build --release)");
    std::process::exit(2);
}
