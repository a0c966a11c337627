//! Metamorphic properties of evaluation over generated member data: raising a
//! grade never lowers a tier, permuting the input changes no result, and no
//! quota is ever exceeded.

use kehoach::check::{Model, check_path};
use kehoach::eval::outcome::Status;
use kehoach::eval::run::{Options, evaluate};
use proptest::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const GRADES: [&str; 4] = ["kem", "trung_binh", "tot", "xuat_sac"];

fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| check_path(Path::new("plans/hanoi/165-KH-TU.kh")).unwrap().model.unwrap())
}

type Member = ([usize; 4], bool, usize);

fn csv(members: &[(usize, Member)]) -> String {
    let mut out =
        String::from("id,subject,tu_tuong,dao_duc,ky_luat,nhiem_vu,bi_ky_luat,co_so_dang,ngay_vao_dang\n");
    for (id, (g, disciplined, org)) in members {
        out.push_str(&format!(
            "M{id:03},dang_vien,{},{},{},{},{},P{org},1/1/2000\n",
            GRADES[g[0]],
            GRADES[g[1]],
            GRADES[g[2]],
            GRADES[g[3]],
            u8::from(*disciplined)
        ));
    }
    out
}

/// id → (tier index, status) after evaluating `members`.
fn tiers(members: &[(usize, Member)]) -> HashMap<String, (Option<u8>, Status)> {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("m.csv");
    std::fs::write(&path, csv(members)).unwrap();
    let opts = Options { year: 2019, as_of: None, subject: None, capture: None, ..Options::default() };
    let e = evaluate(model(), &[path], &opts).unwrap();
    assert_eq!(e.outcomes.len(), members.len(), "no record is lost");
    e.outcomes.iter().map(|o| (o.id.to_string(), (o.tier, o.status))).collect()
}

fn member() -> impl Strategy<Value = Member> {
    (prop::array::uniform4(0usize..4), prop::bool::weighted(0.1), 0usize..3)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn permuting_the_input_changes_no_result(members in prop::collection::vec(member(), 1..40), seed in any::<u64>()) {
        let numbered: Vec<(usize, Member)> = members.into_iter().enumerate().collect();
        let mut shuffled = numbered.clone();
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(tiers(&numbered), tiers(&shuffled));
    }

    #[test]
    fn raising_a_grade_never_lowers_the_tier(m in member(), which in 0usize..4) {
        // Alone in its organization, so no quota ranks it against others.
        let before = tiers(&[(0, m)]);
        let mut raised = m;
        raised.0[which] = (raised.0[which] + 1).min(3);
        let after = tiers(&[(0, raised)]);
        let (b, a) = (before["M000"].0.unwrap(), after["M000"].0.unwrap());
        prop_assert!(a <= b, "tier index {} became {}", b, a);
    }

    #[test]
    fn no_quota_is_ever_exceeded(members in prop::collection::vec(member(), 1..60)) {
        let numbered: Vec<(usize, Member)> = members.into_iter().enumerate().collect();
        let result = tiers(&numbered);
        for org in 0..3 {
            let ids: Vec<String> = numbered.iter().filter(|(_, m)| m.2 == org).map(|(i, _)| format!("M{i:03}")).collect();
            let count = |t: u8| ids.iter().filter(|id| result[*id] == (Some(t), Status::Classified)).count();
            // 20% of htt, counted after the moves, rounded down.
            prop_assert!(count(0) * 5 <= count(1), "org {}: {} htxs for {} htt", org, count(0), count(1));
        }
    }
}
