//! The summarizer as a Web Worker task: the page sends the text and the
//! length, the worker runs [`summarize`] and sends the [`Summary`] back, so a
//! 5 MB paste never blocks typing or scrolling.
//!
//! The page and the worker run the same wasm: the page spawns `./worker.js`
//! (a module worker, copied by trunk; `scripts/post-build.sh` writes the
//! hashed names of the app's JS glue and wasm into it), which initialises the
//! app's wasm, whose entry point (`src/bin/app.rs`) finds no `window` there
//! and calls [`register_worker`].

use serde::{Deserialize, Serialize};
use yew_agent::oneshot::{oneshot, OneshotBridge, OneshotSpawner};
use yew_agent::{Bincode, Registrable};

use crate::engine::{summarize, Config, Length, Summary};

/// The worker's script, relative to the page so that `dist/` works under any
/// sub-path.
pub const WORKER_PATH: &str = "./worker.js";

/// One job for the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SummarizeRequest {
    pub text: String,
    pub length: Length,
}

impl SummarizeRequest {
    /// Runs the engine on this request (in the worker, or directly in tests).
    pub fn run(&self) -> Summary {
        summarize(
            &self.text,
            &Config {
                length: self.length,
                ..Config::default()
            },
        )
    }
}

/// The worker's task: one request in, one summary out.
#[oneshot]
pub async fn SummarizeTask(request: SummarizeRequest) -> Summary {
    request.run()
}

/// Starts the worker. The codec is set before `with_loader`, which
/// `encoding` would otherwise reset.
pub fn spawn_worker() -> OneshotBridge<SummarizeTask> {
    OneshotSpawner::<SummarizeTask>::new()
        .encoding::<Bincode>()
        .with_loader(true)
        .as_module(true)
        .spawn(WORKER_PATH)
}

/// Runs [`SummarizeTask`] in this worker: the wasm's entry point calls this
/// when it starts without a `window`.
pub fn register_worker() {
    SummarizeTask::registrar().encoding::<Bincode>().register();
}
