//! The summarizer as a Web Worker task: the page sends the text and the
//! length, the worker runs [`summarize`] and sends the [`Summary`] back, so a
//! 5 MB paste never blocks typing or scrolling.
//!
//! `src/bin/worker.rs` registers [`SummarizeTask`]; the page spawns it from
//! `./worker_loader.js`, the loader shim trunk writes for the worker link in
//! `index.html`.

use serde::{Deserialize, Serialize};
use yew_agent::oneshot::{oneshot, OneshotBridge, OneshotSpawner};
use yew_agent::Bincode;

use crate::engine::{summarize, Config, Length, Summary};

/// Where trunk puts the worker's loader shim, relative to the page so that
/// `dist/` works under any sub-path.
pub const WORKER_LOADER_PATH: &str = "./worker_loader.js";

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
        .as_module(false)
        .spawn(WORKER_LOADER_PATH)
}
