use super::*;
use crate::study::StudyState;

fn vid(s: &str) -> VideoId {
    VideoId::parse(s).unwrap()
}

const A: &str = "AAAAAAAAAAA";
const B: &str = "BBBBBBBBBBB";
const C: &str = "CCCCCCCCCCC";
const NOW: u64 = 1_800_000_000_000;

fn day(y: i32, m: u32, d: u32) -> Day {
    Day::from_ymd(y, m, d).unwrap()
}

#[test]
fn player_lengths_are_checked_and_merge_as_the_longest() {
    assert_eq!(duration_secs(2710.4), Some(2710));
    for bad in [0.0, 0.4, -3.0, f64::NAN, f64::INFINITY, 1e9] {
        assert_eq!(duration_secs(bad), None, "{bad}");
    }
    let mut s = StudyState::default();
    assert!(s.learn_duration(&vid(A), 1800.2, NOW));
    assert!(
        !s.learn_duration(&vid(A), 1799.0, NOW),
        "a shorter reading changes nothing"
    );
    assert!(!s.learn_duration(&vid(A), 0.0, NOW));
    let mut t = StudyState::default();
    t.learn_duration(&vid(A), 1900.0, NOW);
    t.learn_duration(&vid(B), 60.0, NOW);
    let m = s.merge(&t);
    assert_eq!(m, t.merge(&s));
    assert_eq!(m.durations().get(A), Some(&1900));
    assert_eq!(m.durations().get(B), Some(&60));
}

#[test]
fn time_left_counts_unwatched_the_rest_of_in_progress_and_unknowns() {
    let mut s = StudyState::default();
    s.learn_duration(&vid(A), 3600.0, NOW);
    s.learn_duration(&vid(B), 1200.0, NOW);
    s.set_resume(&vid(B), Some(200), NOW);
    let ids = [A, B, C];
    let left = time_left(ids, s.progress(), s.durations(), 100);
    assert_eq!(
        left,
        TimeLeft {
            total_secs: 4800,
            left_secs: 4600,
            lectures_left: 3,
            unknown: 1
        }
    );
    // At 2× half the time; at 1.5× rounded up to the second.
    assert_eq!(
        time_left(ids, s.progress(), s.durations(), 200).left_secs,
        2300
    );
    assert_eq!(
        time_left([B], s.progress(), s.durations(), 150).left_secs,
        667
    );
    // A speed not offered (forged) counts as 1×.
    assert_eq!(
        time_left(ids, s.progress(), s.durations(), 7).left_secs,
        4600
    );
    s.set_watch_state(&vid(A), WatchState::Watched, NOW + 1);
    let left = time_left(ids, s.progress(), s.durations(), 100);
    assert_eq!(
        (left.left_secs, left.lectures_left, left.total_secs),
        (1000, 2, 4800)
    );
    assert_eq!(hours_minutes(3 * 3600 + 40 * 60), (3, 40));
    // The total is the rows' minutes added up: 59:30 and 0:40 show as
    // "60 min" and "1 min", so "1 h 1 min in all", not "1 h".
    let mut r = StudyState::default();
    r.learn_duration(&vid(A), 3570.0, NOW);
    r.learn_duration(&vid(B), 40.0, NOW);
    assert_eq!((length_minutes(3570), length_minutes(40)), (60, 1));
    let left = time_left([A, B], r.progress(), r.durations(), 100);
    assert_eq!(hours_minutes(left.total_secs), (1, 1));
    assert_eq!(hours_minutes(left.left_secs), (1, 1));
    assert_eq!(
        hours_minutes(20),
        (0, 1),
        "never 0 min while anything is left"
    );
    assert_eq!(hours_minutes(0), (0, 0));
}

#[test]
fn speed_is_a_remembered_setting() {
    let mut s = StudyState::default();
    assert_eq!(s.speed_percent(), 100);
    assert!(s.set_speed(150, NOW));
    assert!(!s.set_speed(150, NOW + 1));
    assert!(!s.set_speed(333, NOW + 2), "only the offered speeds");
    let back = crate::study::decode(&crate::study::encode(&s), NOW + 5);
    let crate::study::Decoded::Ok { state, .. } = back else {
        panic!()
    };
    assert_eq!(state.speed_percent(), 150);
}

#[test]
fn days_round_trip_and_refuse_impossible_dates() {
    assert_eq!(day(1970, 1, 1), Day(0));
    assert_eq!(day(2026, 3, 7).ymd(), (2026, 3, 7));
    assert_eq!(day(2024, 2, 29).iso(), "2024-02-29");
    assert_eq!(Day::from_ymd(2026, 2, 29), None);
    assert_eq!(Day::parse_iso("2026-03-07"), Some(day(2026, 3, 7)));
    assert_eq!(
        Day::parse_iso("1066-10-14"),
        None,
        "outside the years a due date names"
    );
    for n in -1000..100_000 {
        let (y, m, d) = Day(n).ymd();
        assert_eq!(Day::from_ymd(y, m, d), Some(Day(n)));
    }
    // Taipei is eight hours ahead: 17:00 UTC on the 6th is the 7th there.
    let utc_5pm = (day(2026, 3, 6).0 as u64) * 86_400_000 + 17 * 3_600_000;
    assert_eq!(Day::at(utc_5pm, 480), day(2026, 3, 7));
    assert_eq!(Day::at(utc_5pm, -300), day(2026, 3, 6));
}

/// Slide text written for this test in the style of a course's assignment
/// slide: the due date sits in a line of its own among links and numbers.
const SLIDE: &str = "作業一：預習影片
請在下一次上課前 (3/07) 看完以下影片
https://youtu.be/AAAAAAAAAAA 2024/3 版本
生成式AI導論 2024 第1講 到 第3講
助教時間 10/12 不另行通知";

#[test]
fn the_due_date_is_read_from_the_slide() {
    let today = day(2026, 2, 20);
    assert_eq!(read_due_date(SLIDE, today), Some(day(2026, 3, 7)));
    // After the date: this year's while just missed, next year's later on.
    assert_eq!(
        read_due_date(SLIDE, day(2026, 3, 20)),
        Some(day(2026, 3, 7))
    );
    assert_eq!(read_due_date(SLIDE, day(2026, 9, 1)), Some(day(2027, 3, 7)));
    for (text, due) in [
        ("Due before next class (3/7)", Some(day(2026, 3, 7))),
        ("截止日期：４／１５", Some(day(2026, 4, 15))),
        ("請於 5月2日 前完成", Some(day(2026, 5, 2))),
        ("deadline 2/30", None),
        ("HW3 截止日期：2025/03/28", Some(day(2025, 3, 28))),
        ("第3講 到 第5講", None),
        ("see https://example.com/2024/3/7 before class", None),
        ("13/40 before", None),
        ("", None),
    ] {
        assert_eq!(read_due_date(text, today), due, "{text:?}");
    }
}

#[test]
fn pace_spreads_what_is_left_over_the_days_before_the_due_date() {
    let left = TimeLeft {
        total_secs: 0,
        left_secs: 5 * 45 * 60,
        lectures_left: 4,
        unknown: 1,
    };
    let today = day(2026, 3, 2);
    assert_eq!(
        pace(&left, today, day(2026, 3, 7)),
        Pace::Days {
            days: 5,
            per_day_secs: 45 * 60
        }
    );
    assert_eq!(pace(&left, today, today), Pace::DueToday);
    assert_eq!(
        pace(&left, today, day(2026, 2, 28)),
        Pace::PastDue { days_late: 2 }
    );
    let done = TimeLeft::default();
    assert_eq!(pace(&done, today, day(2026, 2, 28)), Pace::Done);
}

#[test]
fn the_plan_fills_each_day_to_an_even_share() {
    let today = day(2026, 3, 2);
    let lectures = [
        (0, Some(3600)),
        (1, Some(1800)),
        (2, None),
        (3, Some(1800)),
        (4, Some(600)),
    ];
    let plan = plan_days(&lectures, today, day(2026, 3, 5));
    assert_eq!(plan.len(), 3);
    assert_eq!(
        plan.iter()
            .flat_map(|d| d.lectures.clone())
            .collect::<Vec<_>>(),
        [0, 1, 2, 3, 4]
    );
    assert_eq!(plan[0].day, today);
    assert!(
        plan.iter().all(|d| d.day < day(2026, 3, 5)),
        "done before the due day"
    );
    assert!(plan_days(&lectures, today, today).is_empty());
    // More days than lectures: one a day, then nothing.
    let plan = plan_days(&lectures[..2], today, day(2026, 3, 20));
    assert_eq!(
        plan.iter().map(|d| d.lectures.len()).collect::<Vec<_>>(),
        [1, 1]
    );
}

#[test]
fn the_calendar_is_rfc_5545() {
    let events = [
        IcsEvent {
            uid: "pl-1-20260302@lecture-shelf".into(),
            day: day(2026, 3, 2),
            summary: "Week 1, part; one\\two".into(),
            description: "<script>alert(1)</script>\n第1講 生成式AI導論 2024：什麼是生成式人工智慧？ https://youtu.be/AAAAAAAAAAA\r\nnext".into(),
        },
        IcsEvent {
            uid: "pl-1-due@lecture-shelf".into(),
            day: day(2026, 12, 31),
            summary: "Due".into(),
            description: String::new(),
        },
    ];
    let ics = ics_calendar(&events, NOW);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT\r\n").count(), 2);
    assert!(ics.contains("DTSTART;VALUE=DATE:20260302\r\nDTEND;VALUE=DATE:20260303\r\n"));
    assert!(
        ics.contains("DTEND;VALUE=DATE:20270101\r\n"),
        "the day after New Year's Eve"
    );
    assert!(ics.contains("DTSTAMP:20270115T080000Z\r\n"));
    assert!(ics.contains("SUMMARY:Week 1\\, part\\; one\\\\two\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "no bare line feeds"
    );
    assert!(
        !ics.replace("\r\n", "").contains('\r'),
        "no bare carriage returns"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
    // Unfolding gives back the escaped text, whole characters and all.
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains(
        "DESCRIPTION:<script>alert(1)</script>\\n第1講 生成式AI導論 2024：什麼是生成式人工智慧？ https://youtu.be/AAAAAAAAAAA\\nnext\r\n"
    ));
}

#[test]
fn continue_is_the_latest_lecture_in_progress_else_the_next_due() {
    let mut s = StudyState::default();
    assert_eq!(
        continue_lecture(&s),
        None,
        "a fresh profile has nothing to continue"
    );
    let list = crate::ids::PlaylistId::parse("p1").unwrap();
    s.create_playlist_with(list.clone(), "Week 1", &[vid(A), vid(B)], NOW)
        .unwrap();
    assert_eq!(continue_lecture(&s), None, "no due date, nothing started");
    s.playlist_mut("p1", NOW)
        .unwrap()
        .set_due(Some(day(2027, 2, 1)));
    s.set_watch_state(&vid(A), WatchState::Watched, NOW + 1);
    assert_eq!(
        continue_lecture(&s),
        Some(Continue::Due {
            video: vid(B),
            playlist: list,
            due: day(2027, 2, 1)
        })
    );
    s.set_resume(&vid(C), Some(60), NOW + 2);
    s.set_resume(&vid(B), Some(90), NOW + 3);
    assert_eq!(continue_lecture(&s), Some(Continue::InProgress(vid(B))));
    s.set_resume(&vid(C), Some(70), NOW + 4);
    assert_eq!(continue_lecture(&s), Some(Continue::InProgress(vid(C))));
}

#[test]
fn a_rate_from_the_player_is_a_speed_only_when_offered() {
    assert_eq!(speed_from_rate(1.5), Some(150));
    assert_eq!(speed_from_rate(1.0), Some(100));
    assert_eq!(speed_from_rate(1.2500001), Some(125));
    for bad in [0.25, 0.5, 3.0, f64::NAN, f64::INFINITY, -1.5] {
        assert_eq!(speed_from_rate(bad), None, "{bad}");
    }
}
