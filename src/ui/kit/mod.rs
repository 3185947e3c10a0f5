//! Pieces every page uses.

pub mod confirm;
pub mod files;
pub mod keep;
pub mod later;
pub mod notice;
pub mod page;
pub mod pager;
pub mod save;
pub mod update;
