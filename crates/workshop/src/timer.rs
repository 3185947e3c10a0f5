//! The countdown of a run. It keeps timestamps, not ticks: the time left is worked out from
//! the clock whenever it is asked, so a laptop that sleeps or a tab in the background never
//! makes it drift, and a time box that ended during the sleep is over when the lid opens.

use serde::{Deserialize, Serialize};

/// One minute, in milliseconds: what "add a minute" adds.
pub const MINUTE_MS: u64 = 60_000;

/// A countdown over a time box. Times are milliseconds since the epoch, given by the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timer {
    /// The time box, with any minutes added.
    pub duration_ms: u64,
    /// When it was last started, while running.
    pub running_since: Option<u64>,
    /// Time counted before the last start.
    pub elapsed_before_ms: u64,
}

impl Timer {
    /// A countdown of `duration_ms`, not started.
    pub fn new(duration_ms: u64) -> Timer {
        Timer {
            duration_ms,
            running_since: None,
            elapsed_before_ms: 0,
        }
    }

    /// Time counted so far.
    pub fn elapsed_ms(&self, now: u64) -> u64 {
        self.elapsed_before_ms
            + self
                .running_since
                .map_or(0, |since| now.saturating_sub(since))
    }

    /// Time left, negative once the time box is over (how far over).
    pub fn remaining_ms(&self, now: u64) -> i64 {
        self.duration_ms as i64 - self.elapsed_ms(now) as i64
    }

    /// Whether the time box is over.
    pub fn is_up(&self, now: u64) -> bool {
        self.remaining_ms(now) <= 0
    }

    /// Whether it is counting.
    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Starts or resumes counting.
    pub fn start(&mut self, now: u64) {
        if self.running_since.is_none() {
            self.running_since = Some(now);
        }
    }

    /// Stops counting, keeping the time counted.
    pub fn pause(&mut self, now: u64) {
        if self.running_since.is_some() {
            self.elapsed_before_ms = self.elapsed_ms(now);
            self.running_since = None;
        }
    }

    /// One more minute in the time box.
    pub fn add_minute(&mut self) {
        self.duration_ms += MINUTE_MS;
    }

    /// Back to the whole time box, stopped.
    pub fn reset(&mut self, duration_ms: u64) {
        *self = Timer::new(duration_ms);
    }

    /// The time left as the room reads it: "4:05", or "+1:20" over time.
    pub fn display(&self, now: u64) -> String {
        let left = self.remaining_ms(now);
        // Whole seconds, rounded up while counting down, so it never shows 0:00 with time left.
        let (sign, ms) = if left > 0 {
            ("", left as u64 + 999)
        } else {
            ("+", left.unsigned_abs())
        };
        let seconds = ms / 1000;
        format!("{sign}{}:{:02}", seconds / 60, seconds % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: u64 = 1_764_000_000_000;

    #[test]
    fn it_counts_only_while_running() {
        let mut t = Timer::new(5 * MINUTE_MS);
        assert_eq!(
            t.remaining_ms(T0 + 99_000),
            5 * MINUTE_MS as i64,
            "not started"
        );
        t.start(T0);
        assert_eq!(t.remaining_ms(T0 + 60_000), 4 * MINUTE_MS as i64);
        t.pause(T0 + 90_000);
        assert!(!t.is_running());
        assert_eq!(
            t.remaining_ms(T0 + 10 * MINUTE_MS),
            210_000,
            "paused time does not count"
        );
        t.start(T0 + 10 * MINUTE_MS);
        t.start(T0 + 11 * MINUTE_MS);
        assert_eq!(
            t.remaining_ms(T0 + 10 * MINUTE_MS + 10_000),
            200_000,
            "a second start changes nothing"
        );
    }

    #[test]
    fn a_minute_added_extends_the_time_box_even_when_it_is_over() {
        let mut t = Timer::new(MINUTE_MS);
        t.start(T0);
        assert!(t.is_up(T0 + MINUTE_MS));
        t.add_minute();
        assert!(!t.is_up(T0 + MINUTE_MS));
        assert_eq!(t.remaining_ms(T0 + 90_000), 30_000);
    }

    #[test]
    fn a_sleep_across_the_end_wakes_up_over_time() {
        let mut t = Timer::new(2 * MINUTE_MS);
        t.start(T0);
        // No tick for twenty minutes: the lid was closed.
        let woke = T0 + 20 * MINUTE_MS;
        assert!(t.is_up(woke));
        assert_eq!(t.remaining_ms(woke), -18 * MINUTE_MS as i64);
        assert_eq!(t.display(woke), "+18:00");
    }

    #[test]
    fn reset_gives_back_the_whole_time_box_stopped() {
        let mut t = Timer::new(MINUTE_MS);
        t.start(T0);
        t.add_minute();
        t.reset(3 * MINUTE_MS);
        assert_eq!(t, Timer::new(3 * MINUTE_MS));
        assert_eq!(t.display(T0 + 99 * MINUTE_MS), "3:00");
    }

    #[test]
    fn the_display_never_shows_zero_with_time_left() {
        let mut t = Timer::new(MINUTE_MS);
        t.start(T0);
        assert_eq!(t.display(T0), "1:00");
        assert_eq!(t.display(T0 + 59_500), "0:01");
        assert_eq!(t.display(T0 + 60_000), "+0:00");
        assert_eq!(t.display(T0 + 65_000), "+0:05");
    }

    #[test]
    fn a_clock_that_goes_back_never_adds_time() {
        let mut t = Timer::new(MINUTE_MS);
        t.start(T0);
        assert_eq!(t.remaining_ms(T0 - 5_000), MINUTE_MS as i64);
    }
}
