//! The facilitator's workshop, as data and rules: a plan of sessions over the workbook's focus
//! areas, protocols (timed steps with who speaks and who stays silent), the agenda's times, and
//! the countdown of a run. Pure Rust: every function that needs the time is given it, so the
//! rules are tested natively and a sleeping laptop cannot make them drift.
//!
//! ```
//! use crossroads_workshop::{Plan, Timer};
//!
//! let plan = Plan::two_hours();
//! let agenda = plan.agenda(&Default::default());
//! assert_eq!(agenda.first().unwrap().start, plan.start);
//! assert!(plan.overrun(&Default::default()).is_none());
//!
//! let mut timer = Timer::new(5 * 60_000);
//! timer.start(0);
//! timer.pause(60_000);
//! assert_eq!(timer.remaining_ms(10 * 60_000), 4 * 60_000);
//! ```

mod plan;
mod protocol;
mod run;
mod shortcut;
mod timer;
mod workshop;

pub use plan::{
    clock, from_time_value, time_value, Agenda, Focus, Plan, Ran, Session, Slot, StepRef,
    MINUTES_PER_DAY,
};
pub use protocol::{library, Protocol, Role, Step};
pub use run::{Run, Running};
pub use shortcut::{shortcut, KeyPlace, Shortcut, SHORTCUT_HELP};
pub use timer::{Timer, MINUTE_MS};
pub use workshop::{Parked, Workshop};
