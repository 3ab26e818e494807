//! Native engine timings, run by `scripts/bench.sh` (not a test: it reports,
//! it asserts nothing).
//!
//! ```text
//! cargo bench --bench engine -- bench/work/docs/3kb.txt bench/work/docs/30kb.txt ...
//! ```
//!
//! For each document it prints one JSON line: the median (and min/max) time
//! of `engine::summarize` over repeated runs; of `summarize` with
//! `Config::facts` off (the summary alone, what a summariser without key
//! facts does); and of `engine::facts::extract_facts` run on the same
//! summary's sentences. The three are timed in turn within each run, so a
//! slow stretch of the machine falls on all of them alike.
//! Runs: more for small documents (see [`runs_for`]), after one warm-up run.

use nutshell::engine::facts::extract_facts;
use nutshell::engine::{summarize, Config, Language};
use std::hint::black_box;
use std::time::Instant;

/// The CLI's allocator (`src/bin/nutshell.rs`), so that these timings are
/// the engine's as the CLI runs it (with the `cli` feature, on by default).
#[cfg(all(feature = "cli", not(target_arch = "wasm32")))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Repeated runs per document: at least 5, more where a run is cheap.
/// `BENCH_RUNS=n` overrides it (e.g. 1 under `valgrind --tool=cachegrind`,
/// which counts instructions exactly however busy the machine is).
fn runs_for(n_bytes: usize) -> usize {
    if let Some(n) = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
    {
        return n;
    }
    match n_bytes {
        0..=10_000 => 301,
        10_001..=100_000 => 51,
        100_001..=1_000_000 => 11,
        _ => 5,
    }
}

fn median(xs: &mut [f64]) -> f64 {
    nutshell::engine::sort::sort_by(xs, f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; everything else is a document path.
    let paths: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let config = Config::default();
    let summary_alone = Config {
        facts: false,
        ..Config::default()
    };
    for path in paths {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(2);
            }
        };
        let n_runs = runs_for(text.len());
        black_box(summarize(black_box(&text), &config));
        let (mut total_ms, mut facts_ms, mut summary_ms) = (Vec::new(), Vec::new(), Vec::new());
        let mut n_sentences = 0;
        // `BENCH_SUMMARIZE_ONLY=1` leaves out the other timings, so that an
        // instruction count of the whole run is `summarize` alone
        // (`BENCH_SUMMARIZE_ONLY=no-facts`: of the summary alone).
        let summarize_only = std::env::var("BENCH_SUMMARIZE_ONLY").ok();
        let timed = match summarize_only.as_deref() {
            Some("no-facts") => &summary_alone,
            _ => &config,
        };
        for _ in 0..n_runs {
            let start = Instant::now();
            let summary = summarize(black_box(&text), timed);
            total_ms.push(start.elapsed().as_secs_f64() * 1e3);
            n_sentences = summary.sentences.len();
            if summarize_only.is_some() {
                continue;
            }
            let start = Instant::now();
            black_box(summarize(black_box(&text), &summary_alone));
            summary_ms.push(start.elapsed().as_secs_f64() * 1e3);
            let language = summary.language.unwrap_or(Language::Other);
            let start = Instant::now();
            black_box(extract_facts(
                &text,
                &summary.sentences,
                &summary.chosen,
                language,
                &[],
            ));
            facts_ms.push(start.elapsed().as_secs_f64() * 1e3);
        }
        let (min, max) = (
            total_ms.iter().copied().fold(f64::INFINITY, f64::min),
            total_ms.iter().copied().fold(0.0, f64::max),
        );
        let total = median(&mut total_ms);
        let median_or_0 = |xs: &mut Vec<f64>| if xs.is_empty() { 0.0 } else { median(xs) };
        let facts = median_or_0(&mut facts_ms);
        let summary_only = median_or_0(&mut summary_ms);
        println!(
            "{{\"doc\":{path:?},\"bytes\":{},\"sentences\":{n_sentences},\"runs\":{n_runs},\
             \"total_ms\":{total:.4},\"total_min_ms\":{min:.4},\"total_max_ms\":{max:.4},\
             \"facts_ms\":{facts:.4},\"summary_ms\":{summary_only:.4},\"mb_per_s\":{:.3}}}",
            text.len(),
            text.len() as f64 / 1e6 / (total / 1e3),
        );
    }
}
