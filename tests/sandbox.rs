//! The hook sandbox (issue 18, items 1–6), in the style of rhai's
//! `tests/operations.rs`: each forbidden function is absent, each budget trips
//! and becomes a record error that names it while the run goes on, wrong
//! values are named in the plan's words, hook files outside the plan's folder
//! or not regular are refused unread, and `check` finds `m.NAME` the subject
//! does not have. Every run has a timeout, so a regression fails, not hangs.

use assert_cmd::Command;
use kehoach::hooks::limits::{MAX_MILLIS, MAX_NOTE_BYTES, MAX_NOTES, RUN_MILLIS_VAR};
use rhai::{Dynamic, EvalAltResult};
use std::sync::mpsc;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

fn kehoach() -> Command {
    let mut c = Command::cargo_bin("kehoach").unwrap();
    c.env("NO_COLOR", "1").env("KEHOACH_LANG", "en").current_dir(env!("CARGO_MANIFEST_DIR")).timeout(TIMEOUT);
    c
}

/// Exit code and standard output; a run past [`TIMEOUT`] fails the test.
fn run(args: &[&str]) -> (i32, String) {
    let out = kehoach().args(args).output().unwrap();
    let code = out.status.code().unwrap_or_else(|| panic!("`kehoach {args:?}` ran past {TIMEOUT:?}"));
    (code, String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A script in the hooks' engine, in a thread that must answer in time.
fn eval(script: &str) -> Result<Dynamic, Box<EvalAltResult>> {
    let (tx, rx) = mpsc::channel();
    let s = script.to_string();
    std::thread::spawn(move || tx.send(kehoach::hooks::engine().eval::<Dynamic>(&s)));
    rx.recv_timeout(TIMEOUT).unwrap_or_else(|_| panic!("`{script}` ran past {TIMEOUT:?}"))
}

#[test]
fn nothing_reaches_the_clock_the_process_or_the_world() {
    for script in [
        "sleep(1e20)",
        "sleep(1.0)",
        "sleep(1000000000)",
        "timestamp()",
        "exit()",
        "exit(1)",
        "parse_json(\"{}\")",
        "get_fn_metadata_list()",
        "let x = 1; take(x)",
        "blob(10)",
        "open_file(\"/etc/passwd\")",
    ] {
        match eval(script).map_err(|e| *e) {
            Err(EvalAltResult::ErrorFunctionNotFound(..)) => {}
            other => panic!("`{script}` should not be callable, got {other:?}"),
        }
    }
}

/// What docs/DECISIONS.md ("What hooks may call") promises stays callable.
#[test]
fn hooks_keep_what_a_plan_needs() {
    let cases = [
        ("1 + 2 * 3 - 4 / 2 % 3", "5"),
        ("floor(2.7) + round(2.5) + abs(-1.0) + sqrt(4.0)", "8.0"),
        ("max(3, 4) + min(3.0, 1.0) + parse_int(\"7\") + parse_float(\"0.5\")", "12.5"),
        ("let s = \"Đảng viên\"; s.len() + s.to_upper().index_of(\"V\")", "14"),
        ("\"a,b,c\".split(\",\").len() + \"abc\".sub_string(1, 1).len()", "4"),
        ("\"a \" + 1 + \" \" + true + \" \" + `${2 + 3}`", "a 1 true 5"),
        ("let a = [3, 1, 2]; a.push(5); a.sort(); a.contains(5) && a[0] == 1", "true"),
        ("[1, 2, 3].map(|x| x * 2).filter(|x| x > 2).reduce(|s, x| s + x, 0)", "10"),
        ("let t = #{ a: 1, b: 2 }; t.c = 3; t.keys().len() + t.values().len()", "6"),
        ("let n = 0; for i in 0..10 { if i % 2 == 0 { continue; } n += i; } n", "25"),
        ("type_of(1.5) + type_of(\"x\")", "f64string"),
        ("fn bonus(x) { if x > 90.0 { 1.0 } else { 0.0 } } bonus(95.0)", "1.0"),
        ("let f = Fn(\"max\"); f.call(1, 2) + f.curry(5).call(3)", "7"),
        ("let x = 1; is_def_var(\"x\") && !is_def_fn(\"g\", 0) && (6 & 3) == 2", "true"),
        ("let i = 0; do { i += 1; } while i < 3; i", "3"),
        ("switch 2 { 1 => \"một\", 2 => \"hai\", _ => \"khác\" }", "hai"),
        ("let r = \"\"; try { throw \"x\"; } catch (e) { r = e; } r", "x"),
    ];
    for (script, want) in cases {
        let got = eval(script).unwrap_or_else(|e| panic!("`{script}` failed: {e}"));
        assert_eq!(got.to_string(), want, "{script}");
    }
}

const HOSTILE: [&str; 8] = [
    "eval",
    "tests/hooks/hostile.kh",
    "--data",
    "tests/hooks/hostile.csv",
    "--year",
    "2024",
    "--format",
    "csv",
];

/// The output line of record `id`.
fn line<'a>(out: &'a str, id: &str) -> &'a str {
    out.lines().find(|l| l.starts_with(&format!("{id},"))).unwrap_or_else(|| panic!("no `{id}` in {out}"))
}

fn error_of<'a>(out: &'a str, id: &str) -> &'a str {
    let l = line(out, id);
    assert!(l.contains(",error,"), "{l}");
    l.rsplit_once(": hook `").map_or(l, |(_, e)| e)
}

#[test]
fn hostile_hooks_are_record_errors_and_the_run_goes_on() {
    let started = std::time::Instant::now();
    let (code, out) = run(&HOSTILE);
    assert_eq!(code, 1, "records in error exit 1");
    for id in ["ngu_mai_1", "ngu_lau_1"] {
        assert!(error_of(&out, id).contains("it calls `sleep(number)`, which hooks do not have"), "{out}");
    }
    assert!(error_of(&out, "thoat_1").contains("it calls `exit(number)`"));
    assert!(error_of(&out, "doc_json_1").contains("it calls `parse_json(text)`"));
    // `contains` on a long array: one operation, long work; the time budget stops it.
    let slow = error_of(&out, "cham_1");
    assert!(slow.contains(&format!("it ran longer than {MAX_MILLIS} ms, the time limit")), "{slow}");
    assert!(slow.contains("depends on the machine"), "{slow}");
    // The other records are classified; the whole run took seconds, not minutes.
    assert!(line(&out, "hien_lanh_1").starts_with("hien_lanh_1,hien_lanh,classified,101,htt,"));
    assert!(line(&out, "in_vua_1").contains("hook `h_in_vua`: lần 2; rule `htt` holds"));
    assert!(started.elapsed() < Duration::from_secs(30), "{:?}", started.elapsed());
}

/// A plan whose hook spends a few ms on each of 40 records (each call
/// well within its own limit), and one record of a subject without a hook.
fn slow_run(dir: &std::path::Path) -> Vec<String> {
    let plan = "plan \"CHAM\" {}\nscale m {\n  tot \"Tốt\" 3\n}\ntiers {\n  htt \"HTT\"\n  ht \"HT\"\n}\n\
        subject s {\n  criterion c \"C\" weight 100\n  otherwise ht\n}\n\
        subject khac {\n  criterion c \"C\" weight 100\n  otherwise ht\n}\n\
        hook h for s on score ```\n  let a = []; a.pad(9999, m.id.len());\n  for i in 0..10 { a.contains(2); }\n```\n";
    let mut data = String::from("id,subject,c\n");
    for i in 0..40 {
        data += &format!("r{i},s,tot\n");
    }
    data += "cuoi,khac,tot\n";
    std::fs::write(dir.join("cham.kh"), plan).unwrap();
    std::fs::write(dir.join("cham.csv"), data).unwrap();
    let at = |f: &str| dir.join(f).display().to_string();
    ["eval", &at("cham.kh"), "--data", &at("cham.csv"), "--year", "2024", "--format", "csv"]
        .map(String::from)
        .to_vec()
}

#[test]
fn the_hooks_of_a_run_share_a_time_limit() {
    let dir = tempfile::tempdir().unwrap();
    let args = slow_run(dir.path());
    let out = kehoach().args(&args).env(RUN_MILLIS_VAR, "100").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "records in error exit 1");
    let out = String::from_utf8_lossy(&out.stdout);
    let words = "hook `h` was not run: the hooks of this run have used more than 100 ms together, \
                 the time limit for one run (this limit depends on the machine)";
    // The first call always runs; once the run is past its limit, no further call does.
    let stopped: Vec<bool> = (0..40).map(|i| line(&out, &format!("r{i}")).contains(words)).collect();
    assert!(!stopped[0] && stopped[39], "{out}");
    assert!(stopped.windows(2).all(|w| w[1] || !w[0]), "{stopped:?}");
    assert!(line(&out, "r0").contains(",classified,"), "{out}");
    // A record without a hook is classified as ever.
    assert!(line(&out, "cuoi").starts_with("cuoi,khac,classified,"), "{out}");
    // The limit only lowers: without the variable (60 s) every record is classified.
    let (code, all) = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{all}");
    assert!(!all.contains("was not run"));
}

#[test]
fn notes_and_printed_text_are_capped_per_call() {
    let (_, out) = run(&HOSTILE);
    let cap = format!("it made more than {MAX_NOTES} notes or {MAX_NOTE_BYTES} bytes of notes");
    // `loop { note(…) }`: the notes within the cap stay, then the record is in error.
    let many = line(&out, "ghi_nhieu_1");
    assert_eq!(many.matches("hook `h_ghi_nhieu`: một ghi chú").count(), MAX_NOTES, "{many}");
    assert!(many.contains(&cap), "{many}");
    // `loop { print(s) }` with 8 000-byte `s`: two fit in the bytes, no more.
    let big = line(&out, "in_lon_1");
    assert_eq!(big.matches("hook `h_in_lon`: ").count(), 2);
    assert!(big.len() < MAX_NOTE_BYTES + 1_000 && big.contains(&cap), "{} bytes", big.len());
}

#[test]
fn wrong_values_are_named_in_the_plans_words() {
    let (_, out) = run(&HOSTILE);
    let cases = [
        ("tra_m_1", "must give a number (the new score) or `()`, not the record `m`"),
        ("tra_mang_1", "must give a number (the new score) or `()`, not an array"),
        ("bac_so_1", "must give a tier name or `()`, not the number 5"),
        ("bac_m_1", "must give a tier name or `()`, not the record `m`"),
    ];
    for (id, words) in cases {
        let l = line(&out, id);
        assert!(l.contains(words) && !l.contains("kehoach::") && !l.contains("RecordView"), "{l}");
    }
}

/// Codes of `check --format json` on `plan`, and the whole output.
fn check_codes(plan: &str) -> (i32, Vec<String>, String) {
    let (code, out) = run(&["check", plan, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let codes =
        v["diagnostics"].as_array().unwrap().iter().filter_map(|d| d["code"].as_str()).map(String::from);
    (code, codes.collect(), out)
}

#[test]
fn hook_files_outside_the_folder_are_refused_unread() {
    let (code, codes, out) = check_codes("tests/cases/hook-files.kh");
    assert_eq!(code, 1);
    assert_eq!(codes.iter().filter(|c| *c == "hook-file").count(), 4, "{codes:?}");
    assert!(out.contains("hook file `/etc/passwd` is an absolute path"), "{out}");
    assert!(out.contains("hook file `../../Cargo.toml` is outside the plan's folder"), "{out}");
    assert!(!out.contains("root:") && !out.contains("[package]"), "nothing of those files is shown");
}

#[cfg(unix)]
#[test]
fn special_files_and_links_to_them_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::os::unix::fs::symlink("/dev/zero", d.join("zero.rhai")).unwrap();
    let fifo = d.join("fifo.rhai");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    std::fs::write(d.join("big.rhai"), " ".repeat((1 << 20) + 1)).unwrap();
    let mut plan =
        String::from("plan \"X\" {}\ntiers {\n  a \"A\"\n  b \"B\"\n}\nsubject s {\n  otherwise a\n}\n");
    for (i, f) in ["zero.rhai", "fifo.rhai", "big.rhai"].iter().enumerate() {
        plan += &format!("hook h{i} for s on score file \"{f}\"\n");
    }
    std::fs::write(d.join("plan.kh"), plan).unwrap();
    let (code, codes, out) = check_codes(d.join("plan.kh").to_str().unwrap());
    assert_eq!((code, codes.len()), (1, 3), "{out}");
    assert!(codes.iter().all(|c| c == "hook-file"), "{codes:?}");
    assert!(out.contains("hook file `zero.rhai` is outside the plan's folder"), "{out}");
    assert!(out.contains("hook file `fifo.rhai` is a FIFO (named pipe), not a regular file"), "{out}");
    assert!(out.contains("hook file `big.rhai` is larger than 1 MiB"), "{out}");
}

#[test]
fn check_finds_properties_the_subject_does_not_have() {
    let (code, codes, out) = check_codes("tests/cases/hook-props.kh");
    assert_eq!(code, 1, "{out}");
    assert!(codes.iter().all(|c| c == "hook-property"), "{codes:?}");
    assert_eq!(codes.len(), 3, "{out}");
}
