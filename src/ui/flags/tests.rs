use chrono::NaiveDate;

use super::*;
use crate::domain::summary::{FlagKind, Level};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn flag(says: Says, source: Source, days: &[&str]) -> Flag {
    Flag {
        kind: FlagKind::WorkHours,
        level: Level::Notice,
        says,
        source,
        days: days.iter().map(|s| d(s)).collect(),
    }
}

/// Every message a flag can say, with figures and days (English, then French).
fn every_flag() -> Vec<(Flag, &'static str, &'static str)> {
    use Says::*;
    vec![
        (
            flag(LongWeeks { logged: 57 * 60 }, Source::WhoIlo, &[]),
            "You logged 57 h of work. Large studies link regular 55 h+ weeks to higher heart \
             and stroke risk (WHO/ILO).",
            "Vous avez enregistré 57 h de travail. De grandes études associent des semaines \
             régulières de 55 h ou plus à un risque cardiaque et d’AVC plus élevé (OMS/OIT).",
        ),
        (
            flag(EuWeek { logged: 49 * 60 }, Source::EuWeek, &[]),
            "You logged 49 h of work. The EU Working Time Directive sets an average of at most \
             48 h a week, overtime included.",
            "Vous avez enregistré 49 h de travail. La directive européenne sur le temps de \
             travail fixe une moyenne d’au plus 48 h par semaine, heures supplémentaires \
             comprises.",
        ),
        (
            flag(
                StandardWeek {
                    logged: 2401,
                    limit: 2400,
                },
                Source::StandardWeek,
                &[],
            ),
            "You logged 40 h 1 min of work, more than 40 h: longer than a standard full-time \
             week.",
            "Vous avez enregistré 40 h 1 min de travail, plus de 40 h : davantage qu’une \
             semaine à temps plein habituelle.",
        ),
        (
            flag(DailyRest { limit: 660 }, Source::EuRest, &["2026-11-24"]),
            "On 1 day you had under 11 h off between work sessions (Tue 24 Nov).",
            "Sur 1 jour, vous avez eu moins de 11 h de repos entre deux sessions de travail \
             (mar. 24 nov.).",
        ),
        (
            flag(
                WeeklyRest {
                    longest: 30 * 60,
                    limit: 35 * 60,
                },
                Source::EuWeeklyRest,
                &[],
            ),
            "Your longest time off work this week was 30 h, under 35 h. The EU Working Time \
             Directive sets a weekly rest of 24 h plus the 11 h daily rest.",
            "Votre plus longue coupure sans travail cette semaine a été de 30 h, moins de 35 h. \
             La directive européenne sur le temps de travail prévoit un repos hebdomadaire de \
             24 h, plus les 11 h de repos quotidien.",
        ),
        (
            flag(BothWeekendDays, Source::Weekend, &[]),
            "You worked both weekend days. Working most weekends is linked to poorer mood in a \
             large UK study.",
            "Vous avez travaillé les deux jours du week-end. Dans une grande étude britannique, \
             travailler la plupart des week-ends est associé à une humeur moins bonne.",
        ),
        (
            flag(WeekendWeeks { weeks: 3 }, Source::Weekend, &[]),
            "You worked at the weekend in 3 of the last 4 weeks. Working most weekends is \
             linked to poorer mood in a large UK study.",
            "Vous avez travaillé le week-end 3 des 4 dernières semaines. Dans une grande étude \
             britannique, travailler la plupart des week-ends est associé à une humeur moins \
             bonne.",
        ),
        (
            flag(
                OfflineHours {
                    sessions: 2,
                    minutes: 130,
                    disconnect: false,
                },
                Source::Offline,
                &["2026-11-24", "2026-11-25"],
            ),
            "2 work sessions happened during your offline hours (2 h 10 min; Tue 24 Nov, Wed \
             25 Nov).",
            "2 sessions de travail ont eu lieu pendant vos heures hors ligne (2 h 10 min ; \
             mar. 24 nov., mer. 25 nov.).",
        ),
        (
            flag(
                OfflineHours {
                    sessions: 1,
                    minutes: 60,
                    disconnect: true,
                },
                Source::FrDisconnect,
                &["2026-11-24"],
            ),
            "1 work session happened during your offline hours (1 h; Tue 24 Nov). France has \
             recognised a right to disconnect since 2017 (Code du travail).",
            "1 session de travail a eu lieu pendant vos heures hors ligne (1 h ; mar. 24 nov.). \
             La France reconnaît un droit à la déconnexion depuis 2017 (Code du travail).",
        ),
        (
            flag(
                LongBlock {
                    minutes: 180,
                    limit: 90,
                },
                Source::Breaks,
                &["2026-11-23"],
            ),
            "Your longest block without a break was 3 h, on Mon 23 Nov. Breaking up blocks of \
             over 1 h 30 min is a rule of thumb, not a proven limit.",
            "Votre plus long bloc sans pause, le lun. 23 nov., a duré 3 h. Couper les blocs de \
             plus de 1 h 30 min est une règle empirique, pas une limite prouvée.",
        ),
        (
            flag(
                LongBlock {
                    minutes: 100,
                    limit: 90,
                },
                Source::Breaks,
                &[],
            ),
            "Your longest block without a break was 1 h 40 min. Breaking up blocks of over \
             1 h 30 min is a rule of thumb, not a proven limit.",
            "Votre plus long bloc sans pause a duré 1 h 40 min. Couper les blocs de plus de \
             1 h 30 min est une règle empirique, pas une limite prouvée.",
        ),
        (
            flag(
                Breathing {
                    done: 12,
                    goal: 21,
                    week_goal: None,
                },
                Source::Breathing,
                &[],
            ),
            "12 of 21 coherence sessions this week.",
            "Séances de cohérence cette semaine : 12 sur 21.",
        ),
        (
            flag(
                Breathing {
                    done: 1,
                    goal: 6,
                    week_goal: Some(21),
                },
                Source::Breathing,
                &[],
            ),
            "1 of 6 coherence sessions so far this week (21 by Sunday).",
            "Séances de cohérence cette semaine : 1 sur 6 à ce jour (21 d’ici dimanche).",
        ),
        (
            flag(FrLegalWeek { logged: 38 * 60 }, Source::FrLegalWeek, &[]),
            "You logged 38 h of work, more than France's 35 h legal working week. It is the \
             reference for overtime, not a health limit.",
            "Vous avez enregistré 38 h de travail, plus que la durée légale de 35 h par \
             semaine. C’est la référence des heures supplémentaires, pas une limite de santé.",
        ),
        (
            flag(FrWeekMax { logged: 50 * 60 }, Source::FrWeekMax, &[]),
            "You logged 50 h of work. The French Code du travail sets a maximum of 48 h in one \
             week.",
            "Vous avez enregistré 50 h de travail. Le Code du travail fixe un maximum de 48 h \
             sur une même semaine.",
        ),
        (
            flag(FrDayMax, Source::FrDayMax, &["2026-11-23"]),
            "On 1 day you worked more than 10 h (Mon 23 Nov). The French Code du travail sets \
             a maximum of 10 h of work a day.",
            "Sur 1 jour, vous avez travaillé plus de 10 h (lun. 23 nov.). Le Code du travail \
             fixe un maximum de 10 h de travail par jour.",
        ),
        (
            flag(
                FrDailyRest,
                Source::FrDailyRest,
                &["2026-11-24", "2026-11-26"],
            ),
            "On 2 days you had under 11 h off between work sessions (Tue 24 Nov, Thu 26 Nov). \
             The French Code du travail sets a daily rest of 11 consecutive hours.",
            "Sur 2 jours, vous avez eu moins de 11 h de repos entre deux sessions de travail \
             (mar. 24 nov., jeu. 26 nov.). Le Code du travail prévoit un repos quotidien de \
             11 heures consécutives.",
        ),
        (
            flag(FrWeeklyRest { longest: 30 * 60 }, Source::FrWeeklyRest, &[]),
            "Your longest time off work this week was 30 h, under 35 h. The French Code du \
             travail sets a weekly rest of 24 consecutive hours plus the 11 h daily rest.",
            "Votre plus longue coupure sans travail cette semaine a été de 30 h, moins de 35 h. \
             Le Code du travail prévoit un repos hebdomadaire de 24 heures consécutives, plus \
             les 11 h de repos quotidien.",
        ),
        (
            flag(
                FrAverage {
                    average: 44 * 60 + 55,
                },
                Source::FrAverage,
                &[],
            ),
            "Over the last 12 weeks you logged 44 h 55 min of work a week on average. The \
             French Code du travail sets at most 44 h a week on average over 12 consecutive \
             weeks.",
            "Sur les 12 dernières semaines, vous avez enregistré en moyenne 44 h 55 min de \
             travail par semaine. Le Code du travail fixe au plus 44 h par semaine en moyenne \
             sur 12 semaines consécutives.",
        ),
    ]
}

/// The English words are the ones the flags had when the domain wrote them (the summary's
/// JSON `text` keeps them), and the French ones say the same.
#[test]
fn every_flag_in_both_languages() {
    for (f, en, fr) in every_flag() {
        assert_eq!(i18n::with_lang(Lang::En, || text(&f)), en);
        assert_eq!(i18n::with_lang(Lang::Fr, || text(&f)), fr);
        // JSON keeps English whatever the language.
        assert_eq!(
            i18n::with_lang(Lang::Fr, || english(&f)).0,
            en,
            "english() under French"
        );
    }
}

/// Facts, not verdicts: no diagnosis or alarm words in either language.
#[test]
fn no_diagnosis_words() {
    let words = [
        "burnout",
        "diagnos",
        "danger",
        "warning",
        "must",
        "illegal",
        "illégal",
        "maladie",
        "épuisement",
        "vous devez",
        "alerte",
    ];
    for (f, _, _) in every_flag() {
        for lang in Lang::ALL {
            let t = i18n::with_lang(lang, || text(&f)).to_lowercase();
            for w in words {
                assert!(!t.contains(w), "{lang:?}: {w:?} in {t}");
            }
        }
    }
}

/// Every source is cited in both languages; the 40 h one says it is no health threshold.
#[test]
fn sources_in_both_languages() {
    use Source::*;
    let all = [
        WhoIlo,
        StandardWeek,
        EuWeek,
        EuRest,
        EuWeeklyRest,
        Weekend,
        Offline,
        Breaks,
        Breathing,
        FrLegalWeek,
        FrDayMax,
        FrWeekMax,
        FrAverage,
        FrDailyRest,
        FrWeeklyRest,
        FrDisconnect,
    ];
    for s in all {
        let en = i18n::with_lang(Lang::En, || source(s));
        let fr = i18n::with_lang(Lang::Fr, || source(s));
        assert!(!en.is_empty() && !fr.is_empty(), "{s:?}");
    }
    let std = |l| i18n::with_lang(l, || source(StandardWeek));
    assert!(std(Lang::En).contains("no health threshold at 40 h"));
    assert!(std(Lang::Fr).contains("aucun seuil de santé à 40 h"));
    assert_eq!(
        i18n::with_lang(Lang::En, || source(WhoIlo)),
        "WHO/ILO 2021 (Pega et al., Environment International)"
    );
    assert!(i18n::with_lang(Lang::Fr, || source(FrLegalWeek)).contains("L3121-27"));
}
