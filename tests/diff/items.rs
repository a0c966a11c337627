//! Every item of the grammar takes part in `kehoach diff` (issue 16, item 5).
//!
//! How this stays complete: [`ROWS`] is a table of one-item mutations of
//! `tests/diff/items/base.kh`, a valid plan that uses every item, each row
//! naming the grammar rules it exercises and the change path `diff` must
//! report. [`every_grammar_rule_is_exercised_or_set_aside`] reads
//! `grammar/plan.pest` and takes every rule that builds a node (all but the
//! silent `_{ … }` ones, which only group alternatives): each must be named
//! by a row or set aside in [`NOT_COMPARED`] with the reason. A rule added to
//! the grammar (a new item, a new keyword in an item) fails that test until a
//! row shows `diff` reports a change of it. [`each_mutation_is_reported`]
//! then runs every row: its text is found exactly once in the base plan, the
//! mutated plan is valid (`diff` exits 1, not 2), and the row's path is among
//! the changes, in both directions.
//!
//! The compile-time half of the guard is in `src/diff`: the syntax tree's
//! and the model's structs are taken apart without `..`, and item kinds are
//! placed by a match without a catch-all arm, so a new field or kind does not
//! compile until the diff compares it.

use super::{diff_texts, summary};

/// (grammar rules exercised, text in base.kh, its replacement, path expected).
type Row = (&'static [&'static str], &'static str, &'static str, &'static str);

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // The header.
    (&["file", "header", "k_plan", "string", "str_inner"], "plan \"B\"", "plan \"B2\"", "plan.id"),
    (&["k_extends"], "extends \"parent.kh\"", "extends \"parent-2.kh\"", "plan.extends"),
    (&["title", "k_title"], "title \"Tiêu đề\"", "title \"Tiêu đề mới\"", "plan.title"),
    (&["issuer", "k_issuer"], "issuer \"Ban Thường vụ\"", "issuer \"Ban Tổ chức\"", "plan.issuer"),
    (&["issued", "k_issued", "date"], "issued 2024-11-01", "issued 2024-11-02", "plan.issued"),
    (&["supersedes", "k_supersedes"], "supersedes \"A\"", "supersedes \"A0\"", "plan.supersedes"),
    (&["k_dated"], " dated 2023-11-01", "", "plan.supersedes"),
    (&["effective", "k_effective"], "effective 2024-11-01", "effective 2024-11-02", "plan.effective"),
    (&["k_until"], " until 2025-10-31", "", "plan.effective"),
    (&["basis", "k_basis"], "basis \"Hướng dẫn 33\"", "basis \"Hướng dẫn 36\"", "plan.basis"),
    // The columns carried to `eval`'s output.
    (&["display", "k_display"], "display ho_ten \"Họ và tên\"", "display ho_ten \"Họ và tên\" don_vi", "plan.display"),
    (&["display"], "display ho_ten \"Họ và tên\"", "display \"Họ và tên\" ho_ten", "plan.display"),
    (&["display"], "display ho_ten \"Họ và tên\"\n", "", "plan.display"),
    // The scale and the tiers.
    (&["scale", "k_scale", "lbrace", "rbrace"], "scale muc_do {", "scale thang_diem {", "scale"),
    (&["grade", "number"], "tot \"Tốt\" 3", "tot \"Tốt\" 2", "scale.tot.value"),
    (&["grade"], "tot \"Tốt\" 3", "tot \"Khá\" 3", "scale.tot.label"),
    (&["grade"], "kem \"Kém\" 1\n", "kem \"Kém\" 1\n  trung_binh \"Trung bình\" 2\n", "scale.trung_binh"),
    (&["tiers", "k_tiers", "tier_decl"], "ht \"Hoàn thành\"", "ht \"Hoàn thành nhiệm vụ\"", "tiers"),
    (&["tier_decl"], "htxs \"Hoàn thành xuất sắc\"\n  htt \"Hoàn thành tốt\"", "htt \"Hoàn thành tốt\"\n  htxs \"Hoàn thành xuất sắc\"", "tiers"),
    // Levels.
    (&["level", "k_level"], "level co_so \"", "level xa {\n  due before 1/12\n}\n\nlevel co_so \"", "level.xa"),
    (&["level"], "level huyen \"Huyện\"", "level huyen \"Quận\"", "level.huyen.label"),
    (&["level"], LEVELS, LEVELS_SWAPPED, "levels"),
    (&["locked", "k_locked"], "level huyen \"Huyện\" {", "level huyen \"Huyện\" locked {", "level.huyen.locked"),
    (&["due", "k_due", "due_before", "k_before", "day_month"], "before 15/12", "before 14/12", "level.co_so.due"),
    (&["due_by", "k_by"], "due by 14/12", "due by 16/12", "level.huyen.due"),
    (&["due_month", "k_in", "k_month"], "in month 1 next", "in month 2 next", "level.tinh.due"),
    (&["next_year", "k_next", "k_year"], "in month 1 next year", "in month 12", "level.tinh.due"),
    (&["report", "k_report", "k_to"], "to \"Quận ủy\"", "to \"Thành ủy\"", "level.co_so.report"),
    (&["k_via"], " via \"Ban Tổ chức\"", "", "level.co_so.report"),
    // Subjects: the subject line and single items.
    (&["subject", "k_subject"], "hook cong", "subject khach {\n  otherwise ht\n}\n\nhook cong", "subject.khach"),
    (&["subject"], "chi_bo \"Chi bộ\" {", "chi_bo \"Chi bộ cơ sở\" {", "subject.chi_bo.label"),
    (&["k_extends"], "to_chuc \"Tổ chức\" {", "to_chuc \"Tổ chức\" extends can_bo {", "subject.to_chuc.extends"),
    (&["locked"], "chi_bo \"Chi bộ\" {", "chi_bo \"Chi bộ\" locked {", "subject.chi_bo.locked"),
    (&["subject_level"], "level huyen\n", "level tinh\n", "subject.can_bo.level"),
    (&["lock_rules", "k_lock", "k_rules"], "  lock rules\n", "", "subject.dang_vien.lock_rules"),
    (&["lock_exempt", "k_exempt"], "  lock exempt\n", "", "subject.dang_vien.lock_exempt"),
    (&["lock_caps", "k_caps"], "  lock caps\n", "", "subject.dang_vien.lock_caps"),
    (&["group_decl", "k_group", "k_total"], "\"Kết quả\" total 50", "\"Kết quả\" total 60", "subject.dang_vien.group.ket_qua.total"),
    (&["group_decl", "string"], "\"Kết quả\" total", "\"Kết quả thực hiện\" total", "subject.dang_vien.group.ket_qua.label"),
    (&["group_decl", "locked"], "total 50\n", "total 50 locked\n", "subject.dang_vien.group.ket_qua.locked"),
    (&["group_decl"], "  group ket_qua \"Kết quả\" total 50\n", "", "subject.dang_vien.group.ket_qua"),
    // Declarations.
    (&["criterion", "k_criterion", "weight", "k_weight"], "weight 40", "weight 39", "subject.dang_vien.criterion.nhiem_vu.weight"),
    (&["criterion"], "\"Nhiệm vụ\" weight", "\"Nhiệm vụ chính\" weight", "subject.dang_vien.criterion.nhiem_vu.label"),
    (&["points", "k_points"], "Thêm\" points 10", "Thêm\" points 11", "subject.dang_vien.criterion.them.points"),
    (&["k_group"], "weight 40\n", "weight 40 group ket_qua\n", "subject.dang_vien.criterion.nhiem_vu.group"),
    (&["locked"], "group ket_qua locked", "group ket_qua", "subject.dang_vien.criterion.tu_tuong.locked"),
    (&["criterion"], "  criterion them", "  criterion them_nua \"Thêm nữa\" points 0\n  criterion them", "subject.dang_vien.criterion.them_nua"),
    (&["flag", "k_flag"], "  flag moi\n", "  flag moi\n  flag khen\n", "subject.dang_vien.flag.khen"),
    (&["flag"], "\"Bị kỷ luật\" locked", "\"Bị xử lý kỷ luật\" locked", "subject.dang_vien.flag.bi_ky_luat.label"),
    (&["locked"], "\"Bị kỷ luật\" locked", "\"Bị kỷ luật\"", "subject.dang_vien.flag.bi_ky_luat.locked"),
    (&["field", "k_field"], "\"Tuổi\" number", "\"Tuổi đời\" number", "subject.dang_vien.field.tuoi.label"),
    (&["ty_text", "k_text", "ty_number", "k_number"], "ghi_chu text", "ghi_chu number", "subject.dang_vien.field.ghi_chu.type"),
    (&["ty_date", "k_date"], "ghi_chu text", "ghi_chu date", "subject.dang_vien.field.ghi_chu.type"),
    (&["ty_tier", "k_tier"], "ghi_chu text", "ghi_chu tier", "subject.dang_vien.field.ghi_chu.type"),
    (&["ty_ref", "k_ref"], "ghi_chu text", "ghi_chu ref can_bo", "subject.dang_vien.field.ghi_chu.type"),
    (&["locked"], "ghi_chu text", "ghi_chu text locked", "subject.dang_vien.field.ghi_chu.locked"),
    (&["ty_choice", "k_choice", "choice_opt"], "Cảnh cáo\" cach_chuc\n", "Cảnh cáo\" cach_chuc \"Cách chức\"\n", "subject.dang_vien.field.hinh_thuc.type"),
    (&["choice_opt"], "khien_trach \"Khiển trách\" canh_cao \"Cảnh cáo\"", "canh_cao \"Cảnh cáo\" khien_trach \"Khiển trách\"", "subject.dang_vien.field.hinh_thuc.type"),
    (&["drop", "k_drop"], "  drop field ghi_chu\n", "", "subject.dang_vien_moi.field.ghi_chu"),
    // Lists: exemptions, rules, caps, quotas.
    (&["exempt", "k_exempt", "k_when"], "(ngay_vao) < 6", "(ngay_vao) < 7", "subject.dang_vien.exempt"),
    (&["because", "k_because"], "\"Mới kết nạp\"", "\"Mới vào Đảng\"", "subject.dang_vien.exempt"),
    (&["months_since", "k_months_since"], "months_since(ngay_vao)", "months_since(2020-01-01)", "subject.dang_vien.exempt"),
    // The domain constructs of issue 19.
    (&["months_between", "k_months_between", "comma"], "months_since(ngay_vao)", "months_between(ngay_vao, 2020-12-10)", "subject.dang_vien.exempt"),
    (&["review", "k_review"], "because \"Mới kết nạp\"", "because \"Mới kết nạp\" review", "subject.dang_vien.exempt"),
    (&["aliases", "k_alias"], "tot \"Tốt\" 3", "tot \"Tốt\" 3 alias \"T\"", "scale.tot.alias"),
    (&["aliases"], "htxs \"Hoàn thành xuất sắc\"\n", "htxs \"Hoàn thành xuất sắc\" alias \"HTXSNV\"\n", "tiers"),
    (&["rule", "k_rule"], "rule ht when score >= 50", "rule ht when score >= 49", "subject.dang_vien.rules"),
    (&["otherwise", "k_otherwise"], "otherwise kht", "otherwise ht", "subject.dang_vien.rules"),
    (&["cap", "k_cap"], "cap ht when moi", "cap htt when moi", "subject.dang_vien.caps"),
    (&["cap_at", "k_at", "k_of"], "  cap at tier of chi_bo_cua\n", "", "subject.can_bo.caps"),
    (&["quota", "k_quota", "k_most", "k_per", "quota_share", "percent", "k_all"], "20% of all", "25% of all", "subject.dang_vien.quotas"),
    (&["k_plan"], "of all per plan", "of all per don_vi", "subject.dang_vien.quotas"),
    (&["quota_count"], "at most 2 per", "at most 3 per", "subject.dang_vien.quotas"),
    (&["quota_round", "k_round", "k_up", "k_down"], "round up", "round down", "subject.dang_vien.quotas"),
    (&["k_nearest"], "round nearest", "round up", "subject.dang_vien.quotas"),
    (&["quota_tier", "or_better", "k_or", "k_better"], "of htt or better", "of htt", "subject.dang_vien.quotas"),
    // Expressions, in rule conditions.
    (&["expr", "conj", "k_and"], "or not moi", "and not moi", "subject.dang_vien.rules"),
    (&["negation", "k_not"], "or not moi", "or moi", "subject.dang_vien.rules"),
    (&["comparison", "cmp_op"], "score >= 50", "score > 50", "subject.dang_vien.rules"),
    (&["sum", "add_op"], "tuoi_doi + 2 - 1", "tuoi_doi - 2 + 1", "subject.ca_nhan.rules"),
    (&["product", "mul_op"], "* 2 / 2", "/ 2 * 2", "subject.ca_nhan.rules"),
    (&["unary", "minus"], "-tuoi_doi < 0", "tuoi_doi < 0", "subject.ca_nhan.rules"),
    (&["paren", "lparen", "rparen"], "(tuoi_doi + 2 - 1) * 2", "tuoi_doi + 2 - 1 * 2", "subject.ca_nhan.rules"),
    (&["quantifier", "k_any"], "all in ket_qua", "any in ket_qua", "subject.dang_vien.rules"),
    (&["k_in"], "all in ket_qua == xuat_sac", "all == xuat_sac", "subject.dang_vien.rules"),
    (&["k_none"], "none == kem", "all != kem", "subject.dang_vien.rules"),
    (&["count", "k_count", "aggregate", "k_by"], "count(dang_vien by", "count(dang_vien_moi by", "subject.chi_bo.rules"),
    (&["k_where"], " where bi_ky_luat", " where moi", "subject.chi_bo.rules"),
    (&["share", "k_share", "percent"], ">= 50%", ">= 60%", "subject.chi_bo.rules"),
    (&["date"], "< 2020-01-01", "< 2020-01-02", "subject.ca_nhan.rules"),
    (&["day_month"], "!= 15/12", "!= 16/12", "subject.ca_nhan.rules"),
    (&["string"], "noi == \"A\"", "noi == \"B\"", "subject.ca_nhan.rules"),
    (&["k_true", "k_false"], "moi_den == true", "moi_den == false", "subject.ca_nhan.rules"),
    (&["number"], "score >= 90", "score >= 91", "subject.dang_vien.rules"),
    (&["ident"], "<= canh_cao", "<= khien_trach", "subject.ca_nhan.rules"),
    (&["k_score"], "rule ht when score >= 50", "rule ht when tuoi >= 50", "subject.dang_vien.rules"),
    (&["k_tier"], "where bi_ky_luat", "where bi_ky_luat and tier >= htt", "subject.chi_bo.rules"),
    // Hooks.
    (&["hook", "k_hook"], "hook cong for", "hook cong_them for", "hook.cong_them"),
    (&["script"], "  score\n```", "  score + 1.0\n```", "hook.cong"),
    (&["k_for"], "ha for chi_bo", "ha for can_bo", "hook.ha"),
    (&["k_on", "k_score"], "cong for dang_vien on score", "cong for dang_vien on tier", "hook.cong"),
    (&["locked"], "on tier file", "on tier locked file", "hook.ha"),
    (&["hook"], HOOKS, HOOKS_SWAPPED, "hooks.score"),
    (&["hook_file", "k_file"], "file \"thuong.rhai\"", "file \"thuong-2.rhai\"", "hook.ha"),
];

/// Two levels with the same last day, in both orders.
const LEVELS: &str = "level co_so \"Cơ sở\" {\n  due before 15/12\n  report to \"Quận ủy\" via \"Ban Tổ chức\"\n}\n\nlevel huyen \"Huyện\" {\n  due by 14/12\n}\n";
const LEVELS_SWAPPED: &str = "level huyen \"Huyện\" {\n  due by 14/12\n}\n\nlevel co_so \"Cơ sở\" {\n  due before 15/12\n  report to \"Quận ủy\" via \"Ban Tổ chức\"\n}\n";
/// Two score hooks of one subject, in both orders.
const HOOKS: &str = "hook cong for dang_vien on score ```\n  score\n```\n\nhook tru for dang_vien on score ```\n  score * 1.0\n```\n";
const HOOKS_SWAPPED: &str = "hook tru for dang_vien on score ```\n  score * 1.0\n```\n\nhook cong for dang_vien on score ```\n  score\n```\n";

/// Rules that are not part of what a plan says, with the reason.
const NOT_COMPARED: &[(&str, &str)] = &[
    ("COMMENT", "comments are not meaning (see the_same_plan_reformatted_is_no_change)"),
    ("keyword", "the list of reserved words, matched inside other rules"),
    ("assign", "the `=` of a test record"),
    ("signed_number", "record values and expected scores, in tests only"),
    ("script_body", "the text of `script`, compared with it"),
    // Test blocks check a plan against records; they do not change what
    // the plan decides (docs/DECISIONS.md, "Diff: every item").
    ("test", "test block"),
    ("test_year", "test block"),
    ("test_data", "test block"),
    ("record", "test block"),
    ("assignment", "test block"),
    ("value", "test block"),
    ("expect_count", "test block"),
    ("expect", "test block"),
    ("expect_tier", "test block"),
    ("expect_score", "test block"),
    ("k_test", "test block"),
    ("k_data", "test block"),
    ("k_record", "test block"),
    ("k_expect", "test block"),
    ("k_error", "test block"),
];

/// The rules of grammar/plan.pest that build a node: `name = { … }`,
/// `name = @{ … }` or `name = ${ … }`, not the silent `name = _{ … }`.
fn grammar_rules() -> Vec<String> {
    let grammar = std::fs::read_to_string("grammar/plan.pest").unwrap();
    grammar
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .filter_map(|l| {
            let (name, rest) = l.split_once('=')?;
            let name = name.trim();
            let ok = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            let body = rest.trim_start();
            (ok && !body.starts_with("_{") && body.trim_start_matches(['@', '$', '!']).starts_with('{'))
                .then(|| name.to_string())
        })
        .collect()
}

#[test]
fn every_grammar_rule_is_exercised_or_set_aside() {
    let rules = grammar_rules();
    assert!(rules.len() > 100, "the grammar was not read: {rules:?}");
    let named = |r: &str| ROWS.iter().any(|row| row.0.contains(&r)) || NOT_COMPARED.iter().any(|n| n.0 == r);
    let missing: Vec<&String> = rules.iter().filter(|r| !named(r)).collect();
    assert!(missing.is_empty(), "grammar rules no mutation in ROWS exercises: {missing:?}");
    // And no row names a rule that is not in the grammar (a typo would hide one).
    let unknown: Vec<&str> = ROWS
        .iter()
        .flat_map(|row| row.0.iter().copied())
        .chain(NOT_COMPARED.iter().map(|n| n.0))
        .filter(|r| !rules.iter().any(|x| x == r))
        .collect();
    assert!(unknown.is_empty(), "not rules of the grammar: {unknown:?}");
}

fn files() -> Vec<(&'static str, String)> {
    ["parent.kh", "parent-2.kh", "thuong.rhai", "thuong-2.rhai"]
        .into_iter()
        .map(|f| (f, std::fs::read_to_string(format!("tests/diff/items/{f}")).unwrap()))
        .collect()
}

/// What is wrong with one row, if anything.
fn row_fault(base: &str, extra: &[(&str, &str)], row: &Row) -> Option<String> {
    let (rules, find, replace, path) = *row;
    if base.matches(find).count() != 1 {
        return Some(format!("{rules:?}: `{find}` is not in base.kh exactly once"));
    }
    let mutated = base.replacen(find, replace, 1);
    for (old, new, way) in [(base, mutated.as_str(), "→"), (mutated.as_str(), base, "←")] {
        let (code, changes, out) = diff_texts(old, new, extra);
        let paths: Vec<String> = summary(&changes).into_iter().map(|c| c.0).collect();
        if code != 1 || !paths.iter().any(|p| p == path) {
            return Some(format!("{rules:?} {way}: exit {code}, expected `{path}` among {paths:?}\n{out}"));
        }
    }
    None
}

#[test]
fn each_mutation_is_reported() {
    let base = std::fs::read_to_string("tests/diff/items/base.kh").unwrap();
    let files = files();
    let extra: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let (code, changes, out) = diff_texts(&base, &base, &extra);
    assert_eq!((code, changes.len()), (0, 0), "the base plan against itself: {out}");
    // Four at a time: each row runs `kehoach diff` twice.
    let faults: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = ROWS
            .chunks(ROWS.len().div_ceil(4))
            .map(|rows| {
                scope
                    .spawn(|| rows.iter().filter_map(|row| row_fault(&base, &extra, row)).collect::<Vec<_>>())
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap()).collect()
    });
    assert!(
        faults.is_empty(),
        "{} of {} mutations not reported:\n{}",
        faults.len(),
        ROWS.len(),
        faults.join("\n")
    );
}

#[test]
fn test_blocks_are_not_compared() {
    let base = std::fs::read_to_string("tests/diff/items/base.kh").unwrap();
    let files = files();
    let extra: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let test = "\ntest \"một\" {\n  year 2024\n  record can_bo \"C1\" { ket_qua = 80 }\n  expect \"C1\" tier ht\n}\n";
    let (code, changes, out) = diff_texts(&base, &format!("{base}{test}"), &extra);
    assert_eq!((code, changes.len()), (0, 0), "{out}");
}
