// The summarizer's Web Worker (spawned by src/ui/agent.rs as a module worker).
// It runs the page's own wasm, so nothing is downloaded twice: the app's entry
// point (src/bin/app.rs) finds no `window` here and registers the summarizer
// task. scripts/post-build.sh writes in the hashed names of the app's files.
import init from "./__NUTSHELL_APP_JS__";

await init({ module_or_path: "./__NUTSHELL_APP_WASM__" });
