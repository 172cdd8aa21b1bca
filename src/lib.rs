//! serein: plan the day in timeboxes, in the terminal.
//!
//! A functional core (`domain`, `app::update`) inside an imperative shell (`app::run`, `cli`,
//! `store`). See `DESIGN.md` in the shared folder for the rules.

pub mod app;
pub mod cli;
pub mod cli_doctor;
pub mod cli_offline;
pub mod cli_review;
pub mod cli_summary;
pub mod cli_timer;
pub mod clock;
pub mod config;
pub mod daemon;
pub mod domain;
pub mod hooks;
pub mod logging;
pub mod notify;
pub mod store;
pub mod ui;
