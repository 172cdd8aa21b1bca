//! Watson: its `frames` file, a JSON array of finished frames
//! `[start, stop, "project", "id", ["tag", ...], updated_at]` with unix timestamps. Files from
//! Watson before tags have no tag list (`[start, stop, project, id, updated_at]`). The running
//! frame lives in Watson's `state` file, so every frame here is finished. A frame's key is its
//! id.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::{BadLine, Loc, Parsed, Record, Source, json_items};

/// Parses a `frames` file (`file` names it in messages).
pub fn parse(text: &str, file: &str) -> Parsed {
    let mut out = Parsed::default();
    let items = match json_items(text, file) {
        Ok(items) => items,
        Err(e) => {
            out.bad.push(e);
            return out;
        }
    };
    for (n, (line, v)) in items.into_iter().enumerate() {
        let at = Loc {
            file: file.to_string(),
            line,
            column: None,
        };
        match frame(&v) {
            Ok(f) => {
                let title = if f.tags.is_empty() {
                    f.project.clone()
                } else {
                    let tags: Vec<String> = f.tags.iter().map(|t| format!("+{t}")).collect();
                    format!("{} {}", f.project, tags.join(" "))
                };
                let mut tags = vec![f.project];
                tags.extend(f.tags);
                out.push(Record {
                    at,
                    source: Source::Watson,
                    key: f.id,
                    start: f.start,
                    end: f.stop,
                    tags,
                    title: Some(title),
                    note: None,
                });
            }
            Err(msg) => out.bad.push(BadLine {
                at,
                message: format!("frame {}: {msg}", n + 1),
            }),
        }
    }
    out
}

struct Frame {
    start: DateTime<Utc>,
    stop: DateTime<Utc>,
    project: String,
    id: String,
    tags: Vec<String>,
}

const SHAPE: &str = "[start, stop, \"project\", \"id\", [\"tag\", ...], updated_at]";

fn frame(v: &Value) -> Result<Frame, String> {
    let a = v
        .as_array()
        .ok_or_else(|| format!("expected a frame {SHAPE}, found {v}"))?;
    if a.len() < 4 {
        return Err(format!(
            "expected a frame {SHAPE}, found {} field(s)",
            a.len()
        ));
    }
    let time = |i: usize, what: &str| -> Result<DateTime<Utc>, String> {
        let secs = match &a[i] {
            Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f.round() as i64)),
            _ => None,
        };
        secs.and_then(|s| DateTime::from_timestamp(s, 0))
            .ok_or_else(|| format!("{what}: expected a unix timestamp, found {}", a[i]))
    };
    let text = |i: usize, what: &str| -> Result<String, String> {
        a[i].as_str()
            .map(String::from)
            .ok_or_else(|| format!("{what}: expected a string, found {}", a[i]))
    };
    let start = time(0, "start")?;
    let stop = time(1, "stop")?;
    let project = text(2, "project")?;
    let id = text(3, "id")?;
    if id.is_empty() {
        return Err("id: expected a frame id, found \"\"".into());
    }
    let tags = match a.get(4) {
        Some(Value::Array(t)) => t
            .iter()
            .map(|t| {
                t.as_str()
                    .map(String::from)
                    .ok_or_else(|| format!("tags: expected strings, found {t}"))
            })
            .collect::<Result<_, _>>()?,
        // Older Watson: updated_at in the fifth place, no tags.
        Some(Value::Number(_)) | Some(Value::Null) | None => Vec::new(),
        Some(other) => return Err(format!("tags: expected a list of strings, found {other}")),
    };
    Ok(Frame {
        start,
        stop,
        project,
        id,
        tags,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_old_and_new() {
        let text = r#"[
            [1795424400, 1795428000, "client-a", "a1b2", ["report", "q4"], 1795428001],
            [1795428000.4, 1795429800, "gym", "c3d4", [], 1795429801],
            [1795430000, 1795431000, "old", "e5f6", 1795431001]
        ]"#;
        let p = parse(text, "frames");
        assert!(p.bad.is_empty(), "{:?}", p.bad);
        let got: Vec<(&str, &str, i64, Vec<String>, u32)> = p
            .records
            .iter()
            .map(|r| {
                (
                    r.key.as_str(),
                    r.title.as_deref().unwrap(),
                    (r.end - r.start).num_seconds(),
                    r.tags.clone(),
                    r.at.line as u32,
                )
            })
            .collect();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            got,
            vec![
                (
                    "a1b2",
                    "client-a +report +q4",
                    3600,
                    s(&["client-a", "report", "q4"]),
                    2
                ),
                ("c3d4", "gym", 1800, s(&["gym"]), 3),
                ("e5f6", "old", 1000, s(&["old"]), 4),
            ]
        );
    }

    #[test]
    fn bad_frames_name_the_line_and_the_field() {
        let cases = [
            (r#"{"frames": []}"#, "frames:1:1: expected a JSON array"),
            ("[\n[1, 2, \"p\"]\n]", "frames:2: frame 1: expected a frame"),
            (
                "[\n[\"x\", 2, \"p\", \"id\"]\n]",
                "frames:2: frame 1: start: expected a unix timestamp",
            ),
            (
                "[[1, 2, 3, \"id\"]]",
                "frames:1: frame 1: project: expected a string",
            ),
            (
                "[[1, 2, \"p\", \"id\", \"tag\"]]",
                "frames:1: frame 1: tags: expected a list",
            ),
            (
                "[[1, 2, \"p\", \"\"]]",
                "frames:1: frame 1: id: expected a frame id",
            ),
            (
                "[\n[1, 2, \"p\", \"id\"],\n[1, 2 \"p\"]]",
                "frames:3:7: invalid JSON",
            ),
        ];
        for (text, want) in cases {
            let p = parse(text, "frames");
            assert_eq!(p.bad.len(), 1, "{text}");
            let e = p.bad[0].to_string();
            assert!(e.starts_with(want), "{text}: {e}");
        }
    }

    #[test]
    fn backwards_and_empty_frames_are_skipped() {
        let p = parse("[[10, 5, \"p\", \"a\"], [10, 10, \"p\", \"b\"]]", "frames");
        assert!(p.records.is_empty());
        assert_eq!(p.skipped.len(), 2);
    }
}
