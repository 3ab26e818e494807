//! The summarizer in a Web Worker: the page sends the text and the length,
//! the worker runs [`summarize`] and sends the [`Summary`] back, so a 5 MB
//! paste never blocks typing or scrolling.
//!
//! The page and the worker run the same wasm: the page spawns `./worker.js`
//! (a module worker, copied by trunk; `scripts/post-build.sh` writes the
//! hashed names of the app's JS glue and wasm into it), which initialises the
//! app's wasm, whose entry point (`src/bin/app.rs`) finds no `window` there
//! and calls [`register_worker`]. Messages are bincode bytes: the worker's
//! first message (empty) says it is ready, then per request one byte when it
//! has read the request and begins summarising, then the summary.
//! Plain `web-sys` rather than yew-agent: the same worker in fewer bytes.

use js_sys::Uint8Array;
use bincode::{Decode, Encode};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::engine::{summarize, Config, Hint, Length, Override, Summary};

/// The worker's script, relative to the page so that `dist/` works under any
/// sub-path.
pub const WORKER_PATH: &str = "./worker.js";

/// One job for the worker.
#[derive(Clone, Debug, PartialEq, Encode, Decode)]
pub struct SummarizeRequest {
    pub text: String,
    pub length: Length,
    pub overrides: Vec<Override>,
    /// What a rich paste's markup says of the text's lines.
    pub hints: Vec<Hint>,
}

impl SummarizeRequest {
    /// Runs the engine on this request (in the worker, or directly in tests).
    pub fn run(&self) -> Summary {
        summarize(
            &self.text,
            &Config {
                length: self.length,
                overrides: self.overrides.clone(),
                hints: self.hints.clone(),
                ..Config::default()
            },
        )
    }
}

/// What the worker said.
pub enum FromWorker {
    /// It has started and takes requests.
    Ready,
    /// It has read the request it was last sent and is summarising it.
    Summarising,
    /// The summary for the request it was last sent.
    Summary(Summary),
    /// It could not start or run (its script failed to load, or it crashed).
    Failed,
}

/// The page's end of the worker. Dropping it stops the worker.
pub struct WorkerBridge {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl WorkerBridge {
    /// Starts the worker; `on_message` hears what it says. `None` when the
    /// browser refuses to start it.
    pub fn spawn(on_message: impl Fn(FromWorker) + 'static) -> Option<WorkerBridge> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(WORKER_PATH, &options).ok()?;
        let on_message = Rc::new(on_message);
        let on_error = {
            let on_message = on_message.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_message(FromWorker::Failed))
        };
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let n_bytes = Uint8Array::new(&data).length();
            if n_bytes == 0 {
                on_message(FromWorker::Ready);
            } else if n_bytes == 1 {
                on_message(FromWorker::Summarising);
            } else if let Some(summary) = decode(&data) {
                on_message(FromWorker::Summary(summary));
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(WorkerBridge {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends one request (after [`FromWorker::Ready`]).
    pub fn send(&self, request: &SummarizeRequest) {
        if let Some(message) = encode(request) {
            let _ = self.worker.post_message(&message);
        }
    }
}

impl Drop for WorkerBridge {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Runs the summarizer in this worker: the wasm's entry point calls this
/// when it starts without a `window`.
pub fn register_worker() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(request) = decode::<SummarizeRequest>(&event.data()) else {
            return;
        };
        // (No summary encodes to a single byte.)
        let _ = reply_to.post_message(&Uint8Array::new_with_length(1));
        if let Some(reply) = encode(&request.run()) {
            let _ = reply_to.post_message(&reply);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&Uint8Array::new_with_length(0));
}

/// The message format: bincode with fixed-width integers (a smaller decoder
/// than variable-width ones: 521 bytes less gzipped page).
const CODEC: bincode::config::Configuration<
    bincode::config::LittleEndian,
    bincode::config::Fixint,
> = bincode::config::standard().with_fixed_int_encoding();

fn encode(value: &impl Encode) -> Option<JsValue> {
    let bytes = bincode::encode_to_vec(value, CODEC).ok()?;
    Some(Uint8Array::from(bytes.as_slice()).into())
}

fn decode<T: Decode<()>>(data: &JsValue) -> Option<T> {
    let bytes = Uint8Array::new(data).to_vec();
    bincode::decode_from_slice(&bytes, CODEC)
        .ok()
        .map(|(value, _)| value)
}
