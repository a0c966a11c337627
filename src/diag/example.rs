//! A record the checker made up to show a finding (`fall-through`,
//! `exempt-undoes-cap`): the values it reads and, when useful, its score;
//! said in each language (`a record with nhiem_vu = tot (score 55)`).

use crate::lang::Lang;
use crate::t;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Example {
    /// Each item read and its value, as the plan writes them.
    pub values: Vec<(String, String)>,
    /// The score, written with a decimal point (`?` past exact range).
    pub score: Option<String>,
}

impl Example {
    pub fn words(&self, lang: Lang) -> String {
        let values: Vec<String> = match lang {
            Lang::En => self.values.iter().map(|(n, v)| format!("{n} = {v}")).collect(),
            _ => self.values.iter().map(|(n, v)| format!("`{n} = {v}`")).collect(),
        };
        let values = values.join(", ");
        match &self.score {
            Some(score) => t!(lang, "example-scored", values = values, score = lang.number(score)),
            None => t!(lang, "example", values = values),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_example_in_both_languages() {
        let e = Example { values: vec![("a".into(), "tot".into())], score: Some("55.5".into()) };
        assert_eq!(e.words(Lang::En), "a record with a = tot (score 55.5)");
        assert_eq!(e.words(Lang::Vi), "một bản ghi có `a = tot` (điểm 55,5)");
        assert_eq!(Example { score: None, ..e }.words(Lang::En), "a record with a = tot");
    }
}
