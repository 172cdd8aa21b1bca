//! The functional core: pure functions over plain data. No I/O, no clock reads.

pub mod breath;
pub mod import;
pub mod meeting;
pub mod offline;
pub mod parse;
pub mod plan;
pub mod policy;
pub mod review;
pub mod session;
pub mod summary;
pub mod time;

/// "1 box", "3 boxes": a count with the right form of its noun.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
