//! What one call of a hook may spend beyond the engine's own limits: time,
//! and notes (how many, and how many bytes). The engine's callbacks
//! (`on_progress`, `note`, `print`, `debug`) and the runner share it.
//!
//! Time is processor time, so that a busy machine does not stop a call that
//! a quiet one lets finish: a call that uses less than [`MAX_MILLIS`] of
//! processor time is never stopped. Reading the thread's processor clock is
//! a system call, so it is read only once a call has lasted [`MAX_MILLIS`] on
//! the (cheap) wall clock; from then on, [`MAX_MILLIS`] more of processor
//! time ends the call. A runaway call therefore lasts about twice the limit
//! on a quiet machine.

use super::limits::{CHECK_EVERY, MAX_MILLIS, MAX_NOTE_BYTES, MAX_NOTES};
use rhai::Dynamic;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The budget a call went past.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Over {
    Time,
    Notes,
}

const WITHIN: u8 = 0;
const TIME: u8 = 1;
const NOTES: u8 = 2;

/// The running call's clock and notes, and the run's account.
#[derive(Default)]
struct State {
    start: Option<Instant>,
    /// The thread's processor time when the call passed the limit on the wall clock.
    mark: Option<Duration>,
    notes: Vec<String>,
    bytes: usize,
    run: Account,
}

/// What the calls of one run have spent together.
#[derive(Default)]
struct Account {
    limit: Duration,
    /// The wall clock, and the thread's processor time, at the first call.
    began: Option<(Instant, Duration)>,
    /// The wall time of every call so far.
    spent: Duration,
    /// The total at which the processor clock is looked at next.
    next: Duration,
    over: bool,
}

impl Account {
    /// Charges a call of `wall` time; reads the processor clock when the
    /// total has passed the next mark.
    fn charge(&mut self, wall: Duration) {
        self.spent += wall;
        let Some((t0, c0)) = self.began else { return };
        if self.over || self.spent < self.next {
            return;
        }
        if processor_time(t0).saturating_sub(c0) >= self.limit {
            self.over = true;
        } else {
            self.next = self.spent + (self.limit / 16).max(Duration::from_millis(1));
        }
    }
}

/// One run's budget, and its running call's; cloning shares it.
#[derive(Clone)]
pub struct Budget {
    state: Arc<Mutex<State>>,
    over: Arc<AtomicU8>,
}

impl Default for Budget {
    /// With the run limit of [`super::limits::run_limit`].
    fn default() -> Budget {
        Budget::new(super::limits::run_limit())
    }
}

impl Budget {
    /// A run's budget whose calls may use `run` together.
    pub fn new(run: Duration) -> Budget {
        let account = Account { limit: run, next: run, ..Account::default() };
        let state = State { run: account, ..State::default() };
        Budget { state: Arc::new(Mutex::new(state)), over: Arc::default() }
    }

    /// The time the calls of the run may use together.
    pub fn run_limit(&self) -> Duration {
        self.state.lock().map(|s| s.run.limit).unwrap_or_default()
    }

    /// Whether the calls of the run have used up its time: no call may start.
    pub fn run_over(&self) -> bool {
        self.state.lock().map_or(true, |s| s.run.over)
    }

    /// A new call begins: the clock starts, no notes, nothing spent.
    pub fn start(&self) {
        self.over.store(WITHIN, Ordering::Relaxed);
        if let Ok(mut s) = self.state.lock() {
            let now = Instant::now();
            s.start = Some(now);
            s.mark = None;
            s.notes.clear();
            s.bytes = 0;
            if s.run.began.is_none() {
                s.run.began = Some((now, processor_time(now)));
            }
        }
    }

    /// Keeps a note; `false` (and nothing kept) once the call is past its cap.
    pub fn note(&self, text: &str) -> bool {
        if self.over.load(Ordering::Relaxed) != WITHIN {
            return false;
        }
        let Ok(mut s) = self.state.lock() else { return false };
        if s.notes.len() >= MAX_NOTES || s.bytes + text.len() > MAX_NOTE_BYTES {
            self.over.store(NOTES, Ordering::Relaxed);
            return false;
        }
        s.bytes += text.len();
        s.notes.push(text.to_string());
        true
    }

    /// The engine's `on_progress`: every [`CHECK_EVERY`] operations, ends the
    /// call when it is past a budget (the value is only a marker).
    pub fn progress(&self, ops: u64) -> Option<Dynamic> {
        if !ops.is_multiple_of(CHECK_EVERY) {
            return None;
        }
        if self.over.load(Ordering::Relaxed) != WITHIN {
            return Some(Dynamic::UNIT);
        }
        let limit = Duration::from_millis(MAX_MILLIS);
        let mut s = self.state.lock().ok()?;
        let start = s.start?;
        if start.elapsed() <= limit {
            return None;
        }
        let now = processor_time(start);
        match s.mark {
            None => s.mark = Some(now),
            Some(mark) if now.saturating_sub(mark) > limit => {
                self.over.store(TIME, Ordering::Relaxed);
                return Some(Dynamic::UNIT);
            }
            Some(_) => {}
        }
        None
    }

    /// The call is over: the notes it kept, and the budget it went past.
    /// Its time is charged to the run.
    pub fn finish(&self) -> (Vec<String>, Option<Over>) {
        let notes = match self.state.lock() {
            Ok(mut s) => {
                let wall = s.start.map(|t| t.elapsed()).unwrap_or_default();
                s.run.charge(wall);
                std::mem::take(&mut s.notes)
            }
            Err(_) => Vec::new(),
        };
        let over = match self.over.load(Ordering::Relaxed) {
            TIME => Some(Over::Time),
            NOTES => Some(Over::Notes),
            _ => None,
        };
        (notes, over)
    }
}

/// The processor time this thread has used.
#[cfg(target_os = "linux")]
fn processor_time(_: Instant) -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime only writes the timespec it is given.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    let secs = u64::try_from(ts.tv_sec).unwrap_or(0);
    let nanos = u32::try_from(ts.tv_nsec).unwrap_or(0);
    if ok { Duration::new(secs, nanos) } else { Duration::ZERO }
}

/// Elsewhere, the time since the call began stands for it.
#[cfg(not(target_os = "linux"))]
fn processor_time(start: Instant) -> Duration {
    start.elapsed()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_past_the_count_or_the_bytes_are_refused() {
        let b = Budget::default();
        b.start();
        for _ in 0..MAX_NOTES {
            assert!(b.note("x"));
        }
        assert!(!b.note("x"));
        assert!(b.progress(CHECK_EVERY).is_some(), "the call is ended at the next check");
        assert_eq!(b.finish(), (vec!["x".to_string(); MAX_NOTES], Some(Over::Notes)));
        b.start();
        assert!(b.note(&"y".repeat(MAX_NOTE_BYTES)));
        assert!(!b.note("y"));
        assert_eq!(b.finish().1, Some(Over::Notes));
        b.start();
        assert_eq!(b.finish(), (Vec::new(), None), "a new call starts afresh");
    }

    /// Keeps the processor busy for `ms` milliseconds of its time.
    fn spin(ms: u64) {
        let start = Instant::now();
        let t0 = processor_time(start);
        let mut x = 0_u64;
        while processor_time(start).saturating_sub(t0) < Duration::from_millis(ms) {
            for _ in 0..1000 {
                x = std::hint::black_box(x.wrapping_add(1));
            }
        }
    }

    #[test]
    fn a_run_is_over_once_its_calls_used_its_processor_time() {
        let b = Budget::new(Duration::from_millis(40));
        assert!(!b.run_over());
        // Waiting calls pass the limit on the wall clock, not on the processor's.
        for _ in 0..3 {
            b.start();
            std::thread::sleep(Duration::from_millis(20));
            b.finish();
        }
        assert!(!b.run_over(), "waited, not worked");
        b.start();
        spin(50);
        b.finish();
        assert!(b.run_over());
        assert_eq!(b.run_limit(), Duration::from_millis(40));
    }

    #[test]
    fn a_call_is_stopped_by_processor_time_not_by_waiting() {
        let b = Budget::default();
        b.start();
        assert!(b.progress(CHECK_EVERY).is_none());
        // Waiting (as on a busy machine) uses no processor time.
        std::thread::sleep(Duration::from_millis(MAX_MILLIS + 5));
        assert!(b.progress(CHECK_EVERY + 1).is_none(), "the clock is not read on every operation");
        assert!(b.progress(2 * CHECK_EVERY).is_none(), "past the limit on the wall clock: the mark");
        assert!(b.progress(3 * CHECK_EVERY).is_none(), "waited, not worked");
        spin(MAX_MILLIS + 20);
        assert!(b.progress(4 * CHECK_EVERY).is_some());
        assert_eq!(b.finish().1, Some(Over::Time));
    }
}
