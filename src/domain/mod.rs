//! The functional core: pure functions over plain data. No I/O, no clock reads.

pub mod breath;
pub mod offline;
pub mod parse;
pub mod plan;
pub mod policy;
pub mod review;
pub mod session;
pub mod summary;
pub mod time;
