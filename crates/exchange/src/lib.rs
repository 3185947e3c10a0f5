//! Export and import of design proposals: pure functions, data in and text out, text in and
//! checked data or a plain error out.
//!
//! The proposal formats (HTML, JSON, Markdown) are built here as the export capability lands;
//! this room never touches the browser or storage.
