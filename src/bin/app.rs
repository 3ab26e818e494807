//! The web app's entry point: trunk builds this for the browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<nutshell::ui::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the web app runs in the browser: build it with `trunk build --release`");
    std::process::exit(2);
}
