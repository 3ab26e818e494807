//! The root component: the worker-backed summarizer and the workspace.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;
use yew_agent::oneshot::OneshotBridge;

use super::agent::{spawn_worker, SummarizeRequest, SummarizeTask};
use super::workspace::Workspace;
use crate::engine::Summary;

/// How the page gets a summary: a request and where to send the answer.
/// The app passes the Web Worker; tests can pass the engine itself.
pub type Summarizer = Callback<(SummarizeRequest, Callback<Summary>)>;

#[component]
pub fn App() -> Html {
    let summarizer = use_worker_summarizer();
    use_effect_with((), |_| register_service_worker());
    html! { <Workspace {summarizer} /> }
}

/// Registers `sw.js` (relative, so any sub-path works) for offline use.
/// `navigator.serviceWorker` is missing on insecure origins: then nothing
/// happens and the page simply needs the network.
fn register_service_worker() {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let registration = navigator.service_worker().register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // A failed registration only means no offline copy.
        let _ = wasm_bindgen_futures::JsFuture::from(registration).await;
    });
}

/// The worker connection: at most one request runs; a newer one waits and
/// replaces any older waiting one (its answer would be stale anyway).
#[derive(Default)]
struct WorkerQueue {
    bridge: Option<OneshotBridge<SummarizeTask>>,
    running: bool,
    waiting: Option<(SummarizeRequest, Callback<Summary>)>,
}

fn run_next(queue: Rc<RefCell<WorkerQueue>>, request: SummarizeRequest, reply: Callback<Summary>) {
    let mut bridge = {
        let mut q = queue.borrow_mut();
        q.running = true;
        q.bridge.take().unwrap_or_else(spawn_worker)
    };
    wasm_bindgen_futures::spawn_local(async move {
        let summary = bridge.run(request).await;
        let waiting = {
            let mut q = queue.borrow_mut();
            q.bridge = Some(bridge);
            q.running = false;
            q.waiting.take()
        };
        reply.emit(summary);
        if let Some((request, reply)) = waiting {
            run_next(queue, request, reply);
        }
    });
}

#[hook]
fn use_worker_summarizer() -> Summarizer {
    let queue = use_mut_ref(WorkerQueue::default);
    let summarizer = use_memo((), move |_| {
        Callback::from(
            move |(request, reply): (SummarizeRequest, Callback<Summary>)| {
                if queue.borrow().running {
                    queue.borrow_mut().waiting = Some((request, reply));
                } else {
                    run_next(queue.clone(), request, reply);
                }
            },
        )
    });
    (*summarizer).clone()
}
