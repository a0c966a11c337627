//! Last year's results (`eval --previous LAST.json`): each record's final
//! tier, read from last year's `eval --format json`, for `previous_tier`.

use crate::data::DataError;
use crate::diag::{DataFail, PreviousWhy};
use crate::text::key;
use std::collections::HashMap;
use std::path::Path;

/// Last year's tier of each record that was classified, by id (composed
/// and trimmed, as ids are read), as a rank (greater is better, like
/// [`super::value::Value::Tier`]).
#[derive(Clone, Debug, Default)]
pub struct Previous {
    ranks: HashMap<String, usize>,
    /// The file the tiers come from, for `explain`.
    pub file: Option<String>,
}

impl Previous {
    /// The rank of record `id`'s tier last year, if it had one.
    pub fn rank(&self, id: &str) -> Option<usize> {
        self.ranks.get(id).copied()
    }

    /// Whether the run has last year's results (`--previous`): outputs then
    /// show each record's `previous_tier`, empty where it has none.
    pub fn given(&self) -> bool {
        self.file.is_some()
    }

    /// The index (best first) of record `id`'s tier last year among this
    /// plan's `tiers` tiers, if it had one.
    pub fn tier(&self, id: &str, tiers: usize) -> Option<usize> {
        self.rank(id).map(|r| crate::vocab::value::tier_rank(r, tiers))
    }

    /// Reads `path`, last year's `eval --format json`; `tiers` are this
    /// plan's tier names, best first. Exempt records and records in error
    /// have no tier; a tier this plan does not declare is an error.
    pub fn read(path: &Path, tiers: &[String]) -> Result<Previous, DataError> {
        let shown = path.display();
        let fail = |why| DataError(DataFail::Previous { file: shown.to_string(), why });
        let text = std::fs::read_to_string(path).map_err(|e| fail(PreviousWhy::CannotRead(e.to_string())))?;
        let doc: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| fail(PreviousWhy::NotJson(e.to_string())))?;
        let Some(records) = doc.get("records").and_then(serde_json::Value::as_array) else {
            return Err(fail(PreviousWhy::NoRecords));
        };
        let mut ranks = HashMap::new();
        for (i, r) in records.iter().enumerate() {
            let (Some(id), Some(tier)) = (r.get("id").and_then(|v| v.as_str()), r.get("tier")) else {
                return Err(fail(PreviousWhy::NoIdOrTier(i)));
            };
            let Some(tier) = tier.as_str() else { continue };
            let Some(index) = tiers.iter().position(|t| t == tier) else {
                return Err(fail(PreviousWhy::UnknownTier { id: id.to_string(), tier: tier.to_string() }));
            };
            // The first record of an id counts, as in a run.
            ranks.entry(key(id).into_owned()).or_insert(crate::vocab::value::tier_rank(index, tiers.len()));
        }
        Ok(Previous { ranks, file: Some(shown.to_string()) })
    }
}
