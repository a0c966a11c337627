//! `kehoach schedule` (issue #6): golden tables, JSON and calendars for
//! 01-KH/TU, February in a leap year, a calendar read back by an iCalendar
//! parser, and compliance on a hand-made file.

use assert_cmd::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let mut c = Command::cargo_bin("kehoach").unwrap();
    let out = c
        .env("NO_COLOR", "1")
        .env("KEHOACH_LANG", "en")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

const HANOI: &str = "plans/hanoi/01-KH-TU.kh";

#[test]
fn golden_schedules_for_2024_and_2025() {
    for year in ["2024", "2025"] {
        for format in ["table", "json", "ics"] {
            let (code, out, err) = run(&["schedule", HANOI, "--year", year, "--format", format]);
            assert_eq!(code, 0, "{err}");
            insta::assert_snapshot!(format!("schedule_hanoi_{year}_{format}"), out);
        }
    }
}

#[test]
fn a_child_plan_shows_its_effective_deadlines_and_where_each_came_from() {
    let (code, out, _) = run(&["schedule", "plans/ba-dinh/12-KH-QU.kh", "--year", "2024"]);
    assert_eq!(code, 0);
    assert!(out.contains("before 10/12: last day Monday 09/12/2024"), "{out}");
    assert!(out.contains("from plans/ba-dinh/12-KH-QU.kh:17"), "{out}");
    assert!(out.contains("from plans/hanoi/01-KH-TU.kh:44"), "{out}");
    insta::assert_snapshot!("schedule_ba_dinh_2024", out);
}

#[test]
fn february_of_a_leap_year_ends_on_the_29th() {
    // The 2023 review's city level falls in February 2024.
    let (_, out, _) = run(&["schedule", HANOI, "--year", "2023", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let city = &v["deadlines"][2];
    assert_eq!(city["first_day"], "2024-02-01");
    assert_eq!(city["last_day"], "2024-02-29");
    let (_, out, _) = run(&["schedule", HANOI, "--year", "2024", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["deadlines"][2]["last_day"], "2025-02-28");
}

/// TEXT values as RFC 5545 §3.3.11 escapes them.
fn unescape(s: &str) -> String {
    s.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
}

#[test]
fn the_calendar_reads_back_with_an_icalendar_parser() {
    let (_, out, _) = run(&["schedule", HANOI, "--year", "2023", "--format", "ics"]);
    assert!(out.split_inclusive('\n').all(|l| l.ends_with("\r\n")), "CRLF line ends");
    assert!(out.split("\r\n").all(|l| l.len() <= 75), "lines folded at 75 octets");
    let cal = ical::IcalParser::new(out.as_bytes()).next().expect("one calendar").expect("it parses");
    assert_eq!(cal.events.len(), 3);
    let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
        e.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
    };
    let e = &cal.events[1];
    assert_eq!(unescape(&prop(e, "SUMMARY")), "Cấp quận, huyện, thị xã và tương đương");
    assert_eq!(prop(e, "UID"), "cap_huyen-2023@01-KH-TU");
    assert_eq!(prop(e, "DTSTART"), "20231230");
    assert_eq!(prop(e, "DTEND"), "20231231");
    assert_eq!(prop(e, "DTSTAMP"), "20201106T000000Z");
    assert!(
        unescape(&prop(e, "DESCRIPTION"))
            .contains("report to Ban Thường vụ Thành ủy via Ban Tổ chức Thành ủy")
    );
    let city = &cal.events[2];
    assert_eq!((prop(city, "DTSTART").as_str(), prop(city, "DTEND").as_str()), ("20240201", "20240301"));
}

#[test]
fn compliance_reports_each_unit_and_exits_1_when_any_is_late() {
    let args = [
        "schedule",
        HANOI,
        "--year",
        "2024",
        "--done",
        "tests/schedule/done-2024.csv",
        "--as-of",
        "2025-01-05",
    ];
    let (code, out, _) = run(&args);
    assert_eq!(code, 1);
    insta::assert_snapshot!("schedule_done_table", out);
    let (code, out, _) = run(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let status: Vec<(&str, &str, i64)> = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (u["unit"].as_str().unwrap(), u["status"].as_str().unwrap(), u["days_late"].as_i64().unwrap())
        })
        .collect();
    assert_eq!(
        status,
        [
            ("Chi bộ Tổ dân phố số 1", "on_time", 0),
            ("Đảng bộ phường Kim Mã", "on_time", 0), // the last allowed day itself, level by label
            ("Đảng bộ phường Láng Hạ", "late", 3),   // before 15/12: 14/12 was the last day
            ("Quận ủy Ba Đình", "on_time", 0),
            ("Quận ủy Hoàn Kiếm", "overdue", 6), // not done; 30/12 → 5/1
            ("Thành ủy", "early", 0),            // before February's window opens
            ("Đảng bộ Khối", "invalid", 0),
            ("Đảng bộ phường Hàng Trống", "invalid", 0),
        ]
    );
    assert_eq!(v["late"], 4);
}

#[test]
fn compliance_with_everyone_on_time_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("done.csv");
    std::fs::write(&file, "unit,level,done\nA,co_so,2024-12-01\nB,thanh_pho,2025-02-28\n").unwrap();
    let (code, out, _) = run(&["schedule", HANOI, "--year", "2024", "--done", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let (code, _, err) = run(&["schedule", HANOI, "--year", "2024", "--done", "tests/schedule/nope.csv"]);
    assert_eq!((code, err.contains("cannot read")), (2, true));
    let (code, _, err) =
        run(&["schedule", HANOI, "--year", "2024", "--done", file.to_str().unwrap(), "--format", "ics"]);
    assert_eq!((code, err.contains("`--done` reports on units")), (2, true), "{err}");
    std::fs::write(&file, "don_vi,cap\nA,co_so\n").unwrap();
    let (code, _, err) = run(&["schedule", HANOI, "--year", "2024", "--done", file.to_str().unwrap()]);
    assert_eq!((code, err.contains("no `done` column")), (2, true), "{err}");
}
