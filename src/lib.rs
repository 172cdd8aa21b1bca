//! serein: plan the day in timeboxes, in the terminal.
//!
//! A functional core (`domain`, `app::update`) inside an imperative shell (`shell`, `cli`,
//! `store`). See `DESIGN.md` in the shared folder for the rules.

pub mod app;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod domain;
pub mod i18n;
pub mod keys;
pub mod logging;
pub mod notify;
pub mod shell;
pub mod store;
pub mod ui;
