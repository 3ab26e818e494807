//! The root component: the worker-backed summarizer and the workspace.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use yew::prelude::*;

use super::agent::{FromWorker, SummarizeRequest, WorkerBridge};
use super::workspace::Workspace;
use crate::engine::Summary;

/// How the page gets a summary: a request, whom to tell when work on it
/// begins, and where to send the answer. The app passes the Web Worker;
/// tests can pass the engine itself.
pub type Summarizer = Callback<(SummarizeRequest, Callback<()>, Callback<Summary>)>;

/// A request with its two callbacks (see [`Summarizer`]).
type Job = (SummarizeRequest, Callback<()>, Callback<Summary>);

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
/// If the worker cannot start or fails, the page summarises on its own
/// thread instead: slower for huge texts, but never a spinner without end.
#[derive(Default)]
struct WorkerQueue {
    bridge: Option<WorkerBridge>,
    ready: bool,
    failed: bool,
    /// The request in the worker and where its answer goes.
    running: Option<Job>,
    waiting: Option<Job>,
}

impl WorkerQueue {
    /// Sends the waiting request if the worker is free.
    fn start_waiting(&mut self) {
        if !self.ready || self.running.is_some() {
            return;
        }
        if let (Some(bridge), Some(job)) = (&self.bridge, self.waiting.take()) {
            bridge.send(&job.0);
            self.running = Some(job);
        }
    }

    /// The worker is gone: the requests it held are answered here.
    fn fail(&mut self) -> Vec<Job> {
        self.failed = true;
        self.bridge = None;
        self.running
            .take()
            .into_iter()
            .chain(self.waiting.take())
            .collect()
    }
}

fn summarize_here(jobs: Vec<Job>) {
    for (request, on_start, reply) in jobs {
        on_start.emit(());
        reply.emit(request.run());
    }
}

fn on_worker_message(queue: &Weak<RefCell<WorkerQueue>>, message: FromWorker) {
    let Some(queue) = queue.upgrade() else {
        return;
    };
    let reply = match message {
        FromWorker::Ready => {
            queue.borrow_mut().ready = true;
            None
        }
        FromWorker::Summarising => {
            let on_start = queue.borrow().running.as_ref().map(|job| job.1.clone());
            if let Some(on_start) = on_start {
                on_start.emit(());
            }
            return;
        }
        FromWorker::Summary(summary) => queue
            .borrow_mut()
            .running
            .take()
            .map(|(_, _, r)| (r, summary)),
        FromWorker::Failed => {
            let orphans = queue.borrow_mut().fail();
            summarize_here(orphans);
            return;
        }
    };
    if let Some((reply, summary)) = reply {
        reply.emit(summary);
    }
    queue.borrow_mut().start_waiting();
}

#[hook]
fn use_worker_summarizer() -> Summarizer {
    let queue = use_mut_ref(WorkerQueue::default);
    let summarizer = use_memo((), move |_| {
        Callback::from(move |job: Job| {
            let mut q = queue.borrow_mut();
            if q.bridge.is_none() && !q.failed {
                let weak = Rc::downgrade(&queue);
                q.bridge = WorkerBridge::spawn(move |m| on_worker_message(&weak, m));
                q.failed = q.bridge.is_none();
            }
            if q.failed {
                drop(q);
                summarize_here(vec![job]);
                return;
            }
            q.waiting = Some(job);
            q.start_waiting();
        })
    });
    (*summarizer).clone()
}
