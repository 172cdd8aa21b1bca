use super::exercise::ease;
use super::*;
use proptest::prelude::*;

const EPS: f64 = 0.001;

/// One phase as laid out on the session's time line, built independently of `at`.
#[derive(Debug, Clone, Copy)]
struct Seg {
    start: f64,
    end: f64,
    kind: PhaseKind,
    index: usize,
    prelude: bool,
    cycle: u32,
}

fn timeline(ex: &Exercise) -> Vec<Seg> {
    let mut segs = Vec::new();
    let mut t = 0.0;
    for (index, p) in ex.pattern.prelude.iter().enumerate() {
        segs.push(Seg {
            start: t,
            end: t + p.secs,
            kind: p.kind,
            index,
            prelude: true,
            cycle: 0,
        });
        t += p.secs;
    }
    let prelude = t;
    let cycle = ex.pattern.cycle_secs();
    for c in 0..ex.cycles {
        // Same arithmetic as `at`, so "exactly at" means the same instant.
        let mut t = prelude + f64::from(c) * cycle;
        for (index, p) in ex.pattern.phases.iter().enumerate() {
            segs.push(Seg {
                start: t,
                end: t + p.secs,
                kind: p.kind,
                index,
                prelude: false,
                cycle: c + 1,
            });
            t += p.secs;
        }
    }
    segs
}

fn assert_in(f: &Frame, s: &Seg, what: &str) {
    assert!(!f.done, "{what}: done too early: {f:?}");
    assert_eq!(f.kind, s.kind, "{what}: kind");
    assert_eq!(f.phase_index, s.index, "{what}: phase index");
    assert_eq!(f.prelude, s.prelude, "{what}: prelude flag");
    assert_eq!(f.cycle, s.cycle, "{what}: cycle");
}

/// Every preset's default exercise, plus non-integer and scaled variants.
fn table() -> Vec<Exercise> {
    let mut v: Vec<Exercise> = presets().into_iter().map(Exercise::default_for).collect();
    v.push(Exercise::default_for(resonance(5.5).unwrap()));
    v.push(Exercise::default_for(resonance(6.5).unwrap()));
    v.push(Exercise::default_for(box_breathing(3).unwrap()));
    v.push(Exercise::with_cycles(preset("478").unwrap(), 8).unwrap());
    v.push(Exercise::with_cycles(preset("sigh").unwrap(), 3).unwrap());
    v
}

#[test]
fn every_boundary_of_every_preset() {
    for ex in table() {
        let id = ex.pattern.name.clone();
        let segs = timeline(&ex);
        let total = ex.total_secs();
        assert!(
            (segs.last().unwrap().end - total).abs() < 1e-9,
            "{id}: timeline end"
        );

        // Start: negative time is time 0.
        let f0 = ex.at(0.0);
        assert_in(&f0, &segs[0], &format!("{id} at 0"));
        assert_eq!(f0.progress, 0.0);
        assert_eq!(ex.at(-EPS), f0);
        assert_eq!(ex.at(-100.0), f0);

        for w in segs.windows(2) {
            let (a, b) = (w[0], w[1]);
            let t = b.start;
            let what = format!("{id} boundary at {t} ({:?} -> {:?})", a.kind, b.kind);
            let before = ex.at(t - EPS);
            let on = ex.at(t);
            let after = ex.at(t + EPS);
            assert_in(&before, &a, &format!("{what}, before"));
            assert_in(&on, &b, &format!("{what}, on"));
            assert_in(&after, &b, &format!("{what}, after"));
            assert!(
                before.progress > 0.99,
                "{what}: progress before {}",
                before.progress
            );
            assert!(on.progress < 1e-6, "{what}: progress on {}", on.progress);
            assert!(
                after.progress < 0.01,
                "{what}: progress after {}",
                after.progress
            );
            assert!(before.phase_left < 0.01 && (on.phase_left - (b.end - b.start)).abs() < 1e-6);
            let jump = (before.scale - after.scale).abs();
            assert!(jump < 0.01, "{what}: scale jumps by {jump}");
            assert!(
                (before.session_left - (total - t + EPS)).abs() < 1e-6,
                "{what}: left"
            );
        }

        // End: the last phase until the end, then the rest position.
        let last = *segs.last().unwrap();
        assert_in(&ex.at(total - EPS), &last, &format!("{id} before the end"));
        for t in [total, total + EPS, total + 1000.0, f64::INFINITY] {
            let f = ex.at(t);
            assert!(f.done, "{id}: not done at {t}");
            assert_eq!(
                (f.kind, f.scale, f.session_left),
                (PhaseKind::HoldEmpty, 0.0, 0.0)
            );
            assert_eq!((f.cycle, f.cycles), (ex.cycles, ex.cycles));
        }
        assert!((ex.at(total - EPS).scale - ex.at(total).scale).abs() < 0.01);
    }
}

#[test]
fn scale_follows_the_breath() {
    let ex = Exercise::default_for(preset("sigh").unwrap());
    // First inhale 0 -> 0.8, top-up 0.8 -> 1, exhale 1 -> 0.
    assert_eq!(ex.at(0.0).scale, 0.0);
    assert!(
        (ex.at(1.0).scale - 0.4).abs() < 1e-9,
        "half of 0.8 at mid-inhale"
    );
    assert!((ex.at(2.0).scale - TOP_UP_FROM).abs() < 1e-9);
    assert_eq!(ex.at(2.0).kind, PhaseKind::InhaleTopUp);
    assert!((ex.at(2.5).scale - 0.9).abs() < 1e-9);
    assert!((ex.at(3.0).scale - 1.0).abs() < 1e-9);
    assert!((ex.at(6.0).scale - 0.5).abs() < 1e-9);
    assert!(ex.at(9.0 - EPS).scale < 1e-6);

    // 4-7-8: the prelude exhale goes 1 -> 0, then in, hold full, out.
    let ex = Exercise::default_for(preset("478").unwrap());
    let f = ex.at(0.0);
    assert!(f.prelude && f.cycle == 0 && f.kind == PhaseKind::Exhale && f.scale == 1.0);
    assert!((ex.at(2.0).scale - 0.5).abs() < 1e-9);
    assert_eq!(ex.at(4.0).scale, 0.0);
    assert_eq!(ex.at(10.0).scale, 1.0);
    assert_eq!(ex.at(10.0).kind, PhaseKind::HoldFull);

    // Box: holds keep full and empty.
    let ex = Exercise::default_for(preset("box").unwrap());
    assert_eq!(ex.at(6.0).scale, 1.0);
    assert_eq!(ex.at(14.0).scale, 0.0);
    assert_eq!(ex.at(14.0).kind, PhaseKind::HoldEmpty);
    // Eased, not linear: a quarter into the inhale is below a quarter.
    assert!(ex.at(1.0).scale < 0.25);
}

#[test]
fn ease_is_sine() {
    assert_eq!(ease(0.0), 0.0);
    assert!((ease(0.5) - 0.5).abs() < 1e-12);
    assert!((ease(1.0) - 1.0).abs() < 1e-12);
    assert_eq!(ease(-1.0), 0.0);
    assert!((ease(2.0) - 1.0).abs() < 1e-12);
    assert_eq!(ease(f64::NAN), 0.0);
}

#[test]
fn session_lengths_add_up() {
    let expected = [
        ("coherence", 30, 300.0),
        ("coherence-4-6", 30, 300.0),
        ("resonance", 60, 600.0),
        ("box", 19, 304.0),  // 5 min / 16 s = 18.75 -> 19
        ("478", 4, 80.0),    // 4 + 4 x 19
        ("sigh", 33, 297.0), // 5 min / 9 s = 33.3 -> 33
    ];
    let presets = presets();
    assert_eq!(presets.len(), expected.len());
    assert_eq!(presets[0].id, DEFAULT_PRESET);
    for (p, (id, cycles, total)) in presets.into_iter().zip(expected) {
        assert_eq!(p.id, id);
        let ex = Exercise::default_for(p);
        let by_hand: f64 = ex.pattern.prelude.iter().map(|p| p.secs).sum::<f64>()
            + f64::from(ex.cycles) * ex.pattern.phases.iter().map(|p| p.secs).sum::<f64>();
        assert_eq!(ex.cycles, cycles, "{id}: cycles");
        assert_eq!(ex.total_secs(), by_hand, "{id}: total");
        assert_eq!(ex.total_secs(), total, "{id}: total");
    }
}

#[test]
fn presets_read_well() {
    let p = |id| preset(id).unwrap();
    // The stored name (session titles) is the same in every language.
    assert_eq!(p("coherence").name, "Cardiac coherence (365)");
    assert_eq!(p("coherence").per_minute(), 6.0);
    assert_eq!(p("box").per_minute(), 3.75);
    assert_eq!(p("resonance").per_minute(), 6.0);
    assert!(p("box").has_holds && p("478").has_holds);
    assert!(!p("coherence").has_holds && !p("sigh").has_holds);
    assert_eq!(
        (p("478").default_cycles, p("478").max_cycles),
        (Some(4), Some(8))
    );
    assert_eq!(p("resonance").default_minutes, Some(10.0));
    assert!(preset("wim-hof").is_none());
    assert!(presets().iter().all(|p| !p.custom));
}

#[test]
fn phase_names() {
    use PhaseKind::*;
    for (s, k) in [
        ("inhale", Some(Inhale)),
        ("Inhale", Some(Inhale)),
        ("inhale_top_up", Some(InhaleTopUp)),
        ("top_up", Some(InhaleTopUp)),
        ("top-up", Some(InhaleTopUp)),
        ("hold_full", Some(HoldFull)),
        ("hold_empty", Some(HoldEmpty)),
        (" exhale ", Some(Exhale)),
        ("hold", None),
        ("breathe", None),
        ("", None),
    ] {
        assert_eq!(PhaseKind::parse(s), k, "{s:?}");
    }
}

#[test]
fn parameterised_presets() {
    for bad in [4.0, 6.25, 7.5, 0.0, -6.0, f64::NAN, f64::INFINITY] {
        let err = resonance(bad).unwrap_err();
        assert!(matches!(err, BreathError::ResonanceRate { .. }), "{err:?}");
    }
    let r = resonance(5.5).unwrap();
    assert!((r.phases[0].secs - 5.454_545_454_5).abs() < 1e-9);
    assert_eq!(r.phases[0].secs, r.phases[1].secs);
    assert_eq!(r.name, "Resonance breathing (5.5/min)");
    for ok in [4.5, 5.0, 6.0, 6.5, 7.0] {
        assert!((resonance(ok).unwrap().per_minute() - ok).abs() < 1e-9);
    }
    for bad in [0, 1, 6, 10] {
        assert_eq!(box_breathing(bad), Err(BreathError::BoxSide { secs: bad }));
    }
    assert_eq!(box_breathing(2).unwrap().cycle_secs(), 8.0);
}

#[test]
fn exercise_limits() {
    let p478 = preset("478").unwrap();
    let err = Exercise::with_cycles(p478.clone(), 9).unwrap_err();
    assert!(
        matches!(
            err,
            BreathError::Cycles {
                value: 9,
                max: 8,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        Exercise::with_cycles(p478.clone(), 8).unwrap().total_secs(),
        156.0
    );
    assert!(Exercise::with_cycles(p478.clone(), 0).is_err());
    let err = Exercise::with_minutes(p478, 10.0).unwrap_err();
    assert!(
        matches!(err, BreathError::MinutesOverCap { max: 8, .. }),
        "{err:?}"
    );

    let coh = preset("coherence").unwrap();
    for bad in [0.0, -1.0, 60.5, f64::NAN, f64::INFINITY] {
        let err = Exercise::with_minutes(coh.clone(), bad).unwrap_err();
        assert!(matches!(err, BreathError::Minutes { .. }), "{err:?}");
    }
    let err = Exercise::with_cycles(coh.clone(), 1000).unwrap_err();
    assert!(
        matches!(err, BreathError::Cycles { max: 600, .. }),
        "{err:?}"
    );
    assert_eq!(Exercise::with_cycles(coh.clone(), 600).unwrap().cycles, 600);
    assert_eq!(
        Exercise::with_minutes(coh.clone(), 60.0).unwrap().cycles,
        360
    );
    assert_eq!(Exercise::with_minutes(coh.clone(), 0.01).unwrap().cycles, 1);
    assert_eq!(Exercise::with_minutes(coh.clone(), 1.24).unwrap().cycles, 7);
    // Quick reset: 3 cyclic sighs, 27 s.
    let sighs = Exercise::with_cycles(preset("sigh").unwrap(), 3).unwrap();
    assert_eq!(sighs.total_secs(), 27.0);
}

#[test]
fn degenerate_exercises_do_not_panic() {
    let mut p = preset("478").unwrap();
    let zero = Exercise {
        pattern: p.clone(),
        cycles: 0,
    };
    assert!(zero.at(1.0).prelude);
    assert!(zero.at(4.0).done);
    p.phases.clear();
    let empty = Exercise {
        pattern: p,
        cycles: 3,
    };
    assert!(empty.at(5.0).done);
    let mut q = preset("coherence").unwrap();
    q.phases[0].secs = f64::NAN;
    let nan = Exercise {
        pattern: q,
        cycles: 3,
    };
    assert!(nan.at(1.0).done);
}

fn owned(phases: &[(&str, f64)]) -> Vec<(String, f64)> {
    phases.iter().map(|(n, s)| (n.to_string(), *s)).collect()
}

#[test]
fn custom_patterns() {
    use PhaseKind::*;
    let (p, warnings) = custom(
        "square",
        &owned(&[
            ("inhale", 4.0),
            ("hold", 2.0),
            ("exhale", 4.0),
            ("hold", 2.0),
        ]),
    )
    .unwrap();
    let kinds: Vec<_> = p.phases.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [Inhale, HoldFull, Exhale, HoldEmpty]);
    assert!(warnings.is_empty() && p.has_holds);
    assert_eq!((p.id.as_str(), p.name.as_str()), ("square", "square"));

    // A leading hold follows the last phase, as the cycle repeats.
    let (p, _) = custom(
        "x",
        &owned(&[("hold", 2.0), ("inhale", 4.0), ("exhale", 6.0)]),
    )
    .unwrap();
    assert_eq!(p.phases[0].kind, HoldEmpty);
    let ex = Exercise::default_for(p);
    assert_eq!(ex.at(0.0).scale, 0.0);

    // A pattern may start with the exhale: the shape starts full.
    let (p, _) = custom("out-first", &owned(&[("exhale", 6.0), ("inhale", 4.0)])).unwrap();
    assert_eq!(Exercise::default_for(p).at(0.0).scale, 1.0);

    // Fast patterns are accepted with a warning.
    let (p, warnings) = custom("fast", &owned(&[("inhale", 2.0), ("exhale", 2.0)])).unwrap();
    assert_eq!(p.per_minute(), 15.0);
    assert_eq!(
        warnings,
        [BreathWarning::Fast {
            pattern: "fast".into(),
            per_minute: 15.0
        }]
    );
    // 10 a minute exactly is still slow.
    let (_, w) = custom("ten", &owned(&[("inhale", 3.0), ("exhale", 3.0)])).unwrap();
    assert!(w.is_empty());

    use BreathError::*;
    let n = |s: &str| s.to_string();
    let refused: Vec<(&[(&str, f64)], BreathError)> = vec![
        (
            &[("inhale", 0.0), ("exhale", 4.0)],
            NotPositive {
                index: 1,
                name: n("inhale"),
                secs: 0.0,
            },
        ),
        (
            &[("inhale", 4.0), ("exhale", 25.0)],
            TooLong {
                index: 2,
                name: n("exhale"),
                secs: 25.0,
            },
        ),
        (
            &[("inhale", 1.0), ("exhale", 4.0)],
            BreathTooShort {
                index: 1,
                name: n("inhale"),
                secs: 1.0,
            },
        ),
        (
            &[("inhale", 4.0), ("hold", 4.0)],
            Missing {
                count: 2,
                missing: "exhale",
            },
        ),
        (
            &[("exhale", 4.0)],
            Missing {
                count: 1,
                missing: "inhale",
            },
        ),
        (
            &[("top_up", 1.0), ("inhale", 2.0), ("exhale", 6.0)],
            TopUpNotAfterInhale {
                index: 1,
                name: n("inhale_top_up"),
                after: None,
            },
        ),
        (
            &[("inhale", 2.0), ("exhale", 6.0), ("top_up", 1.0)],
            TopUpNotAfterInhale {
                index: 3,
                name: n("inhale_top_up"),
                after: Some((2, n("exhale"))),
            },
        ),
        (
            &[("inhale", 4.0), ("breathe", 4.0)],
            UnknownPhase {
                index: 2,
                name: n("breathe"),
            },
        ),
        (
            &[("inhale", 4.0), ("exhale", 4.0), ("hold_full", 2.0)],
            HoldMismatch {
                index: 3,
                name: n("hold_full"),
                after: (2, n("exhale")),
            },
        ),
        (
            &[("inhale", 4.0), ("hold_empty", 2.0), ("exhale", 4.0)],
            HoldMismatch {
                index: 2,
                name: n("hold_empty"),
                after: (1, n("inhale")),
            },
        ),
        (
            &[("inhale", 4.0), ("hold", -1.0), ("exhale", 4.0)],
            NotPositive {
                index: 2,
                name: n("hold"),
                secs: -1.0,
            },
        ),
        (&[], NoPhases { pattern: n("bad") }),
    ];
    for (phases, want) in refused {
        assert_eq!(custom("bad", &owned(phases)), Err(want), "{phases:?}");
    }
    // NaN is not equal to itself: match instead.
    assert!(matches!(
        custom("bad", &owned(&[("inhale", 4.0), ("exhale", f64::NAN)])),
        Err(NotPositive { index: 2, .. })
    ));
    assert_eq!(
        custom("  ", &owned(&[("inhale", 4.0)])),
        Err(BreathError::NoName)
    );
}

/// Deterministic jitter in -0.010..=0.010 s (xorshift; no rand crate).
fn jitter(state: &mut u64) -> f64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    (*state % 20_001) as f64 / 1_000_000.0 - 0.010
}

#[test]
fn no_drift_over_five_minutes_at_30_fps() {
    let ex = Exercise::with_minutes(preset("coherence").unwrap(), 5.0).unwrap();
    let frame = 1.0 / 30.0;
    let total = ex.total_secs();
    assert_eq!(total, 300.0);
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let frames: Vec<f64> = (0..=(total * 30.0) as u32 + 30)
        .map(|i| f64::from(i) * frame + jitter(&mut seed))
        .collect();
    assert!(
        frames.windows(2).all(|w| w[0] < w[1]),
        "the fake clock moves forward"
    );

    let segs = timeline(&ex);
    for w in segs.windows(2) {
        let (old, new) = (w[0], w[1]);
        let t_b = new.start;
        let shown_at = |limit: f64| *frames.iter().find(|&&t| t >= limit).unwrap();
        // One frame after the boundary the new phase is on screen...
        let f = ex.at(shown_at(t_b + frame));
        assert_in(&f, &new, &format!("after boundary {t_b}"));
        // ...and one frame before it the old one still is.
        let t = *frames.iter().rev().find(|&&t| t <= t_b - frame).unwrap();
        assert_in(&ex.at(t), &old, &format!("before boundary {t_b}"));
    }
    let end = *frames.iter().find(|&&t| t >= total + frame).unwrap();
    assert!(ex.at(end).done);
    assert!(!ex.at(total - frame).done);
}

/// A valid custom pattern: 1-3 breaths, each an inhale (maybe with a top-up), maybe a
/// hold, an exhale, maybe a hold; holds named in any accepted way.
fn valid_phases() -> impl Strategy<Value = Vec<(String, f64)>> {
    let secs = |lo: f64, hi: f64| (lo..=hi).prop_map(|s: f64| (s * 10.0).round() / 10.0);
    let breath = (
        secs(2.0, 20.0),
        prop::option::of(secs(0.1, 3.0)),
        prop::option::of(secs(0.1, 20.0)),
        secs(2.0, 20.0),
        prop::option::of(secs(0.1, 20.0)),
        any::<(bool, bool)>(),
    )
        .prop_map(
            |(inhale, top_up, hold_in, exhale, hold_out, (plain, alias))| {
                let mut v = vec![("inhale".to_string(), inhale)];
                if let Some(s) = top_up {
                    let name = if alias { "top_up" } else { "inhale_top_up" };
                    v.push((name.to_string(), s.max(0.1)));
                }
                if let Some(s) = hold_in {
                    let name = if plain { "hold" } else { "hold_full" };
                    v.push((name.to_string(), s.max(0.1)));
                }
                v.push(("exhale".to_string(), exhale));
                if let Some(s) = hold_out {
                    let name = if plain { "hold" } else { "hold_empty" };
                    v.push((name.to_string(), s.max(0.1)));
                }
                v
            },
        );
    prop::collection::vec(breath, 1..=3).prop_map(|b| b.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn frames_stay_in_range(
        phases in valid_phases(),
        cycles in 1u32..=6,
        ts in prop::collection::vec(-10.0f64..2000.0, 1..40),
        specials in prop::sample::subsequence(
            vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MAX, -0.0, f64::MIN_POSITIVE],
            0..=6,
        ),
    ) {
        let (p, _) = custom("prop", &phases).unwrap();
        let ex = Exercise::with_cycles(p, cycles).unwrap();
        let total = ex.total_secs();
        for t in ts.into_iter().chain(specials) {
            let f = ex.at(t);
            prop_assert!((0.0..=1.0).contains(&f.progress), "progress {} at {t}", f.progress);
            prop_assert!((0.0..=1.0).contains(&f.scale), "scale {} at {t}", f.scale);
            prop_assert!(f.phase_left >= 0.0 && f.session_left >= 0.0);
            prop_assert!(f.cycle <= cycles && f.cycles == cycles);
            if f.done {
                prop_assert!(t.is_nan() || t >= total - 1e-9 || t == f64::INFINITY);
                prop_assert_eq!(f.scale, 0.0);
            } else {
                prop_assert!(f.cycle >= 1);
                prop_assert_eq!(f.kind, ex.pattern.phases[f.phase_index].kind);
            }
        }
        prop_assert_eq!(ex.at(f64::NAN), ex.at(0.0));
        prop_assert!(ex.at(f64::INFINITY).done);
    }

    #[test]
    fn phases_repeat_in_order(
        phases in valid_phases(),
        cycles in 1u32..=5,
        picks in prop::collection::vec((0usize..64, 0.02f64..0.98), 1..20),
    ) {
        let (p, _) = custom("prop", &phases).unwrap();
        let ex = Exercise::with_cycles(p, cycles).unwrap();
        let segs = timeline(&ex);
        prop_assert_eq!(segs.len(), ex.pattern.phases.len() * cycles as usize);
        // Inside every phase `at` names that phase, in cycle order.
        for (pick, frac) in picks {
            let s = segs[pick % segs.len()];
            let t = s.start + (s.end - s.start) * frac;
            let f = ex.at(t);
            prop_assert_eq!((f.kind, f.phase_index, f.cycle), (s.kind, s.index, s.cycle));
            prop_assert!((f.progress - frac).abs() < 1e-6);
        }
        // Sampled in time order, (cycle, phase) never goes back and the scale never jumps.
        let total = ex.total_secs();
        let step = 0.01;
        let mut last = (0u32, 0usize);
        let mut prev_scale = ex.at(0.0).scale;
        let mut t = 0.0;
        while t < total {
            let f = ex.at(t);
            let now = (f.cycle, f.phase_index);
            prop_assert!(now >= last, "went back from {last:?} to {now:?} at {t}");
            // Eased with phases >= 0.1 s: at most pi/2 * 0.01 / 0.1 per step.
            prop_assert!((f.scale - prev_scale).abs() < 0.16, "jump at {t}");
            last = now;
            prev_scale = f.scale;
            t += step;
        }
    }

    #[test]
    fn invalid_phases_are_refused_by_number(
        phases in valid_phases(),
        at in 0usize..64,
        fault in 0usize..3,
    ) {
        let i = at % phases.len();
        let mut bad = phases.clone();
        match fault {
            // 0 s is fine for a hold (it is left out), so a hold gets a negative length.
            0 => bad[i].1 = if bad[i].0.contains("hold") { -1.0 } else { 0.0 },
            1 => bad[i].1 = 25.0,
            _ => bad[i] = ("inhale".to_string(), 1.0),
        }
        let err = custom("bad", &bad).unwrap_err();
        prop_assert_eq!(error_phase(&err), Some(i + 1), "{:?}", err);
    }

    #[test]
    fn missing_exhale_or_leading_top_up_is_refused(phases in valid_phases()) {
        let no_exhale: Vec<_> = phases
            .iter()
            .filter(|(n, _)| n != "exhale")
            .cloned()
            .collect();
        let err = custom("bad", &no_exhale).unwrap_err();
        prop_assert_eq!(
            err,
            BreathError::Missing { count: no_exhale.len(), missing: "exhale" }
        );

        let mut top_up_first = vec![("top_up".to_string(), 1.0)];
        top_up_first.extend(phases);
        let err = custom("bad", &top_up_first).unwrap_err();
        prop_assert!(
            matches!(err, BreathError::TopUpNotAfterInhale { index: 1, after: None, .. }),
            "{:?}", err
        );
    }
}
