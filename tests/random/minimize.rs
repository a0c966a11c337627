//! Shrinks a failing case by hand, since a seed does not shrink: drops plan
//! lines and data rows one at a time while the case still fails.

use super::data::File;

/// The smallest case found, by removing lines of the plan and rows of the
/// data (never a header) while `fails` holds.
pub fn minimize(plan: &str, files: &[File], fails: impl Fn(&str, &[File]) -> bool) -> (String, Vec<File>) {
    let mut plan: Vec<String> = plan.lines().map(String::from).collect();
    let mut files = files.to_vec();
    let test = |plan: &[String], files: &[File]| fails(&(plan.join("\n") + "\n"), files);
    loop {
        let mut changed = false;
        for i in (0..plan.len()).rev() {
            let mut fewer = plan.clone();
            fewer.remove(i);
            if test(&fewer, &files) {
                plan = fewer;
                changed = true;
            }
        }
        for f in 0..files.len() {
            let first = usize::from(!files[f].name.ends_with(".jsonl"));
            let rows = files[f].text.lines().count();
            for i in (first..rows).rev() {
                let mut fewer = files.clone();
                let kept: Vec<&str> =
                    files[f].text.lines().enumerate().filter(|(k, _)| *k != i).map(|(_, l)| l).collect();
                fewer[f].text = kept.join("\n") + "\n";
                if test(&plan, &fewer) {
                    files = fewer;
                    changed = true;
                }
            }
        }
        if !changed {
            return (plan.join("\n") + "\n", files);
        }
    }
}
