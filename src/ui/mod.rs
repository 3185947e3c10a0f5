//! The components, one folder per user group and a small kit they share:
//! - `team`: the school design team's workbook (`index.html`);
//! - `review`: the district reviewer's desk (`review.html`);
//! - `workshop`: the facilitator's workshop (`workshop.html`);
//! - `kit`: pieces every page uses (notices, confirm, files, pager, the update offer);
//! - `browser`: the glue to the browser's own objects (time, files, downloads, the URL).
//!
//! Each page is its own binary (`src/main.rs`, `src/bin/`), so a page's WebAssembly holds only
//! the code its screens reach.

pub mod browser;
pub mod kit;
pub mod review;
pub mod team;
pub mod workshop;
