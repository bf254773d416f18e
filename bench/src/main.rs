//! flushq benchmarks. Run: `cargo run --release -p flushq-bench [quick]`.
//!
//! Prints, for BENCHMARKS.md:
//! - core throughput (events/s) on a large scenario with faults, from 1x to 16x
//!   the size, and ns per event so linear growth can be checked;
//! - time-travel jumps into a trace of over a million events, and memory per event;
//! - parse + check of a 10,000-line script.

use flushq_core::mapi::ResourceMethods;
use flushq_core::scenario::{Fault, FaultKind, Scenario, TransportKind, TransportSpec};
use flushq_core::script::{diagnose, PRESET_SPOOLER};
use flushq_core::{Machine, TransportId};
use flushq_web::run::Run;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts live heap bytes, to report memory per event.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        LIVE.fetch_add(new, Ordering::Relaxed);
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// `transports` transports with `messages` messages each way, procedure A flushing
/// both directions with FLUSH_FORCE, and a fault of every kind.
fn large(transports: usize, messages: usize) -> Scenario {
    let ts: Vec<TransportSpec> = (0..transports)
        .map(|i| {
            let kind = match i % 8 {
                3 => TransportKind::Modem,
                6 => TransportKind::Ras,
                _ => TransportKind::Lan,
            };
            let mut t = TransportSpec::new(format!("T{i}"), kind);
            t.honors_no_ui = true;
            t.asynchronous = i % 16 == 5;
            t.methods = ResourceMethods::STATUS_VALIDATE_STATE | ResourceMethods::STATUS_FLUSH_QUEUES;
            t.outbound = (0..messages).map(|m| format!("o{i}.{m}")).collect();
            t.remote = (0..messages).map(|m| format!("r{i}.{m}")).collect();
            t
        })
        .collect();
    let faults = vec![
        Fault { transport: TransportId(1), kind: FaultKind::LinkDown },
        Fault { transport: TransportId(2), kind: FaultKind::MessageFails("o2.1".into()) },
        Fault { transport: TransportId(2), kind: FaultKind::MessageDeferred("o2.2".into()) },
        Fault { transport: TransportId(4), kind: FaultKind::DropsFlushBits(Some("o4.3".into())) },
        Fault { transport: TransportId(6), kind: FaultKind::UserCancels },
    ];
    Scenario {
        title: format!("{transports} transports x {messages} messages each way"),
        seed: 7,
        script: PRESET_SPOOLER
            .replace("FLUSH_NO_UI | FLUSH_UPLOAD", "FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_DOWNLOAD | FLUSH_FORCE"),
        transports: ts,
        stores: vec![],
        faults,
    }
}

fn best_of<T>(n: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut out = None;
    for _ in 0..n {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(r);
    }
    (best, out.unwrap())
}

fn throughput(quick: bool) {
    println!("## Core throughput (Machine::run, release build)");
    println!("| size | transports x messages each way | events | best time | events/s | ns/event |");
    println!("|---|---|---|---|---|---|");
    // `FLUSHQ_BENCH_SIZES=16,32` measures other multiples (32x is the scenario limit).
    let custom: Option<Vec<usize>> =
        std::env::var("FLUSHQ_BENCH_SIZES").ok().map(|v| v.split(',').filter_map(|x| x.trim().parse().ok()).collect());
    let default: &[usize] = if quick { &[1, 2, 4] } else { &[1, 2, 4, 8, 16] };
    let sizes: &[usize] = custom.as_deref().unwrap_or(default);
    for &f in sizes {
        let s = large(64, 125 * f);
        let (t, events) = best_of(3, || {
            let mut m = Machine::new(&s).unwrap();
            m.run();
            m.events().len()
        });
        println!(
            "| {f}x | 64 x {} | {events} | {:.1} ms | {:.2} M | {:.0} |",
            125 * f,
            t * 1e3,
            events as f64 / t / 1e6,
            t * 1e9 / events as f64
        );
    }
    println!();
}

fn time_travel(quick: bool) {
    // 64 x 7812 x 2 messages is just under the scenario limit of 1,000,000 and gives
    // just over a million events.
    let per = if quick { 1000 } else { 7812 };
    let mut s = large(64, per);
    // Every message moves: no transport is cut off by a fault.
    s.faults.retain(|f| !matches!(f.kind, FaultKind::LinkDown | FaultKind::UserCancels | FaultKind::DropsFlushBits(_)));
    let before = LIVE.load(Ordering::Relaxed);
    let t = Instant::now();
    let run = Run::compute(&s, &[]);
    let build = t.elapsed();
    let bytes = LIVE.load(Ordering::Relaxed) - before;
    let n = run.len();
    println!("## Time travel (web Run: events + checkpointed views)");
    println!(
        "trace: {n} events ({} transports x {per} messages each way); computed in {:.2} s",
        64,
        build.as_secs_f64()
    );
    println!("size of one Event: {} bytes", std::mem::size_of::<flushq_core::trace::Event>());
    println!(
        "memory: {:.1} MiB in all, {:.0} bytes per event (events, views and checkpoints)",
        bytes as f64 / 1048576.0,
        bytes as f64 / n as f64
    );
    // Jumps to pseudo-random steps, as a scrubber does.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut times = Vec::new();
    let jumps = 5000;
    for _ in 0..jumps {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let step = (x % (n as u64 + 1)) as usize;
        let t = Instant::now();
        let v = run.view_at(step);
        let dt = t.elapsed().as_secs_f64();
        std::hint::black_box(&v);
        times.push(dt);
    }
    times.sort_by(f64::total_cmp);
    let mean = times.iter().sum::<f64>() / jumps as f64;
    let pct = |p: f64| times[((jumps as f64 * p) as usize).min(jumps - 1)] * 1e6;
    println!(
        "jump to a random step ({jumps} jumps): mean {:.1} us, p99 {:.1} us, worst {:.1} us",
        mean * 1e6,
        pct(0.99),
        times[jumps - 1] * 1e6
    );
    println!();
}

fn parse(quick: bool) {
    let lines_wanted = 10_000;
    // Procedure A over and over, with fresh variable names each time.
    let mut src = String::new();
    let mut k = 0;
    while src.lines().count() < lines_wanted {
        src.push_str(&format!(
            "t{k} = session.GetStatusTable()\nt{k}.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)\nr{k} = HrQueryAllRows(t{k}, PR_RESOURCE_TYPE == MAPI_SPOOLER)\ns{k} = session.OpenEntry(r{k}[0].PR_ENTRYID)\ns{k}.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD)\nRelease(s{k})\nRelease(t{k})\nFreeProws(r{k})\n"
        ));
        k += 1;
    }
    let lines = src.lines().count();
    let (t, diags) = best_of(if quick { 3 } else { 10 }, || diagnose(&src));
    println!("## Script parse + check");
    println!("{lines} lines, {} bytes: {:.2} ms (best of runs), {} diagnostics", src.len(), t * 1e3, diags.len());
    println!();
}

fn main() {
    let quick = std::env::args().any(|a| a == "quick");
    throughput(quick);
    time_travel(quick);
    parse(quick);
}
