//! User hooks: programs from the config run on session events (start, end, break, pause).
//!
//! A hook is an argv, never a shell string, so titles with quotes or `$` cannot inject
//! anything. Event data travels in `SEREIN_*` environment variables. Hooks run with a
//! timeout and are killed when it expires; their failures are logged, never fatal.

use std::pin::Pin;
use std::process::{ExitStatus, Stdio};
use std::time::Duration;

use tokio::io::{AsyncRead, ReadBuf};
use tokio::process::Command;

/// Most bytes of a hook's stderr kept for the log and [`HookOutcome::Failed`].
const STDERR_LIMIT: usize = 500;

/// After the hook exits, how long we still wait for its pipes to close. A hook that
/// leaves a background child holding stderr must not turn into a timeout.
const PIPE_GRACE: Duration = Duration::from_millis(200);

pub use crate::domain::session::HookEvent;

/// A user hook: argv (no shell) from config, e.g. `["notify-send", "hi"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hook {
    /// Program followed by its arguments.
    pub argv: Vec<String>,
}

/// How a hook run ended.
#[derive(Debug, PartialEq, Eq)]
pub enum HookOutcome {
    /// Exited with status 0.
    Ok,
    /// Non-zero exit (`code` is `None` when killed by a signal, or when it could not be
    /// started for a reason other than "not found"); `stderr` is cut to 500 bytes.
    Failed {
        /// The exit code, if the process exited normally.
        code: Option<i32>,
        /// The start of its stderr, or the spawn error.
        stderr: String,
    },
    /// The program does not exist (the name is kept for the message).
    NotFound(String),
    /// Still running at the timeout; it was killed.
    TimedOut,
}

/// Runs the hook with env `SEREIN_EVENT`, `SEREIN_TITLE`, `SEREIN_DOMAIN`,
/// `SEREIN_REMAINING_S` (plus the inherited env), stdin null, stdout/stderr captured
/// (stderr truncated to 500 bytes), killed after `timeout` (kill_on_drop). Logs the
/// outcome with tracing (warn on failure). Never panics.
pub async fn run_hook(hook: &Hook, ev: &HookEvent, timeout: Duration) -> HookOutcome {
    let outcome = run(hook, ev, timeout).await;
    let program = hook.argv.first().map(String::as_str).unwrap_or("");
    match &outcome {
        HookOutcome::Ok => tracing::debug!(program, event = %ev.event, "hook ok"),
        HookOutcome::Failed { code, stderr } => {
            tracing::warn!(program, event = %ev.event, ?code, %stderr, "hook failed");
        }
        HookOutcome::NotFound(p) => {
            tracing::warn!(program = %p, event = %ev.event, "hook program not found");
        }
        HookOutcome::TimedOut => {
            tracing::warn!(program, event = %ev.event, ?timeout, "hook timed out, killed");
        }
    }
    outcome
}

async fn run(hook: &Hook, ev: &HookEvent, timeout: Duration) -> HookOutcome {
    let Some((program, args)) = hook.argv.split_first() else {
        return HookOutcome::Failed {
            code: None,
            stderr: "empty hook command".into(),
        };
    };
    let mut cmd = Command::new(program);
    cmd.args(args)
        .env("SEREIN_EVENT", &ev.event)
        .env("SEREIN_TITLE", &ev.title)
        .env("SEREIN_DOMAIN", &ev.domain)
        .env("SEREIN_REMAINING_S", ev.remaining_s.to_string())
        // stdin null: a hook must never read the TUI's keystrokes.
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Dropping the child (timeout, or the app shutting down) kills it.
        .kill_on_drop(true);

    let mut child = match cmd.spawn() {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return HookOutcome::NotFound(program.clone());
        }
        Err(e) => {
            return HookOutcome::Failed {
                code: None,
                stderr: format!("cannot run {program}: {e}"),
            };
        }
    };

    // Drain both pipes while the hook runs, so a chatty hook never blocks on a full pipe.
    let stdout = child
        .stdout
        .take()
        .map(|out| tokio::spawn(read_capped(out, STDERR_LIMIT)));
    let stderr = child
        .stderr
        .take()
        .map(|err| tokio::spawn(read_capped(err, STDERR_LIMIT)));

    let status = match tokio::time::timeout(timeout, child.wait()).await {
        Ok(Ok(status)) => status,
        Ok(Err(e)) => {
            return HookOutcome::Failed {
                code: None,
                stderr: format!("waiting for {program}: {e}"),
            };
        }
        Err(_) => {
            let _ = child.start_kill();
            // Reap it now if we can; kill_on_drop's background reaper covers the rest.
            let _ = tokio::time::timeout(Duration::from_secs(1), child.wait()).await;
            for task in [stdout, stderr].into_iter().flatten() {
                task.abort();
            }
            return HookOutcome::TimedOut;
        }
    };

    if let Some(task) = stdout {
        match tokio::time::timeout(PIPE_GRACE, task).await {
            Ok(Ok(out)) if !out.is_empty() => {
                tracing::debug!(program = %program, stdout = %out, "hook output");
            }
            Ok(_) => {}
            Err(_) => {} // dropping a JoinHandle detaches; the reader ends with the pipe
        }
    }
    let stderr = match stderr {
        Some(task) => match tokio::time::timeout(PIPE_GRACE, task).await {
            Ok(Ok(text)) => text,
            _ => String::new(),
        },
        None => String::new(),
    };
    outcome_of(status, stderr)
}

fn outcome_of(status: ExitStatus, stderr: String) -> HookOutcome {
    if status.success() {
        HookOutcome::Ok
    } else {
        HookOutcome::Failed {
            code: status.code(),
            stderr,
        }
    }
}

/// Reads `r` to the end (so the writer never blocks), keeping the first `keep` bytes as
/// UTF-8 cut at a character boundary, trailing whitespace trimmed.
async fn read_capped<R: AsyncRead + Unpin>(mut r: R, keep: usize) -> String {
    let mut kept = Vec::with_capacity(keep.min(4096));
    let mut buf = [0u8; 4096];
    loop {
        // poll_read by hand: AsyncReadExt would need tokio's `io-util` feature just for this.
        let mut rb = ReadBuf::new(&mut buf);
        let read = std::future::poll_fn(|cx| Pin::new(&mut r).poll_read(cx, &mut rb)).await;
        let chunk = rb.filled();
        if read.is_err() || chunk.is_empty() {
            break;
        }
        let room = keep.saturating_sub(kept.len());
        kept.extend_from_slice(&chunk[..chunk.len().min(room)]);
    }
    // Cut back to the last whole character rather than showing a replacement char.
    if let Err(e) = std::str::from_utf8(&kept)
        && e.error_len().is_none()
    {
        kept.truncate(e.valid_up_to());
    }
    String::from_utf8_lossy(&kept).trim_end().to_owned()
}

/// Fire-and-forget: spawns run_hook on the current tokio runtime so the caller never waits.
///
/// Panics if called outside a tokio runtime, like [`tokio::spawn`].
pub fn spawn_hook(
    hook: Hook,
    ev: HookEvent,
    timeout: Duration,
) -> tokio::task::JoinHandle<HookOutcome> {
    tokio::spawn(async move { run_hook(&hook, &ev, timeout).await })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(event: &str, title: &str) -> HookEvent {
        HookEvent {
            event: event.into(),
            title: title.into(),
            domain: "work".into(),
            remaining_s: 1500,
        }
    }

    fn hook(argv: &[&str]) -> Hook {
        Hook {
            argv: argv.iter().map(|s| s.to_string()).collect(),
        }
    }

    const T: Duration = Duration::from_secs(10);

    #[tokio::test]
    async fn env_vars_reach_the_hook() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("out");
        let script = format!(
            "echo \"$SEREIN_EVENT:$SEREIN_TITLE:$SEREIN_DOMAIN:$SEREIN_REMAINING_S\" > '{}'",
            file.display()
        );
        // A title with shell metacharacters: it must arrive verbatim, never be evaluated.
        let h = hook(&["sh", "-c", &script]);
        let out = run_hook(&h, &ev("start", "Write `report` $HOME; x"), T).await;
        assert_eq!(out, HookOutcome::Ok);
        let got = std::fs::read_to_string(&file).unwrap();
        assert_eq!(got.trim_end(), "start:Write `report` $HOME; x:work:1500");
    }

    #[tokio::test]
    async fn outcomes() {
        let cases: &[(&[&str], HookOutcome)] = &[
            (&["true"], HookOutcome::Ok),
            (
                &["false"],
                HookOutcome::Failed {
                    code: Some(1),
                    stderr: String::new(),
                },
            ),
            (
                &["sh", "-c", "echo oops >&2; exit 3"],
                HookOutcome::Failed {
                    code: Some(3),
                    stderr: "oops".into(),
                },
            ),
            (
                &["/nonexistent/serein-hook"],
                HookOutcome::NotFound("/nonexistent/serein-hook".into()),
            ),
            (
                &["serein-no-such-program-xyz"],
                HookOutcome::NotFound("serein-no-such-program-xyz".into()),
            ),
        ];
        for (argv, want) in cases {
            assert_eq!(
                &run_hook(&hook(argv), &ev("end", "t"), T).await,
                want,
                "{argv:?}"
            );
        }
    }

    #[tokio::test]
    async fn slow_hook_is_killed_at_the_timeout() {
        let out = run_hook(
            &hook(&["sleep", "10"]),
            &ev("pause", "t"),
            Duration::from_millis(200),
        )
        .await;
        assert_eq!(out, HookOutcome::TimedOut);
    }

    #[tokio::test]
    async fn stderr_is_truncated_to_the_limit() {
        // 2000 bytes of 'é' (2 bytes each): the cut must land on a char boundary.
        let h = hook(&[
            "sh",
            "-c",
            "i=0; while [ $i -lt 1000 ]; do printf 'é' >&2; i=$((i+1)); done; exit 2",
        ]);
        match run_hook(&h, &ev("end", "t"), T).await {
            HookOutcome::Failed {
                code: Some(2),
                stderr,
            } => {
                assert_eq!(stderr.len(), STDERR_LIMIT);
                assert!(stderr.chars().all(|c| c == 'é'));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[tokio::test]
    async fn background_child_holding_stderr_does_not_cause_a_timeout() {
        // The hook exits at once but leaves a child with our pipes open.
        let h = hook(&["sh", "-c", "sleep 5 & exit 0"]);
        assert_eq!(
            run_hook(&h, &ev("start", "t"), Duration::from_secs(3)).await,
            HookOutcome::Ok
        );
    }

    #[tokio::test]
    async fn spawn_hook_returns_at_once() {
        let handle = spawn_hook(hook(&["true"]), ev("break", "t"), T);
        assert_eq!(handle.await.unwrap(), HookOutcome::Ok);
    }

    #[tokio::test]
    async fn empty_argv_fails_without_panicking() {
        let out = run_hook(&hook(&[]), &ev("start", "t"), T).await;
        assert!(
            matches!(out, HookOutcome::Failed { code: None, .. }),
            "{out:?}"
        );
    }
}
