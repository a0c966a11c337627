//! The record `m` as scripts see it (§7), without building a map per record:
//! `m` is a handle to the record being evaluated, and each of its properties
//! is a getter registered once, which converts one value only when read.

use super::memo::Reads;
use crate::exact::Exact;
use crate::vocab::value::Value;
use rhai::{Dynamic, Engine, EvalAltResult, ImmutableString};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// How to show one slot's value to a script.
#[derive(Clone)]
pub enum Show {
    Flag,
    Plain,
    /// A choice field: its option names by index.
    Choice(Vec<ImmutableString>),
}

/// What scripts can see of a plan's records, prepared by `eval`.
#[derive(Clone)]
pub struct Schema {
    pub subjects: Vec<SubjectSchema>,
    /// Scale values and their grade names.
    pub grades: Vec<(Exact, String)>,
    /// Tier names, best first.
    pub tiers: Vec<String>,
}

/// One subject: its name and, by slot, each item's name and how it shows.
#[derive(Clone)]
pub struct SubjectSchema {
    pub name: String,
    pub items: Vec<(String, Show)>,
}

/// What does not change from record to record: names and their slots.
struct Tables {
    /// Per subject: the slot of each property name (by name id), if it has one.
    slots: Vec<Vec<Option<usize>>>,
    /// Per subject, per slot.
    show: Vec<Vec<Show>>,
    subjects: Vec<ImmutableString>,
    /// Scale values and their grade names.
    grades: Vec<(Exact, ImmutableString)>,
    /// Tier names, best first.
    tiers: Vec<ImmutableString>,
    /// Property name → name id, for `m["name"]`.
    ids: HashMap<String, usize>,
}

/// The record being evaluated.
pub struct Current {
    tables: Tables,
    subject: usize,
    id: ImmutableString,
    score: f64,
    values: Vec<Option<Value>>,
    /// What the running call has read (for remembering its result).
    reads: Reads,
}

/// The value of `m` in scripts: a handle on the current record.
#[derive(Clone)]
pub struct RecordView(Arc<Mutex<Current>>);

impl RecordView {
    fn lock(&self) -> Result<MutexGuard<'_, Current>, Box<EvalAltResult>> {
        self.0.lock().map_err(|_| "the record is unavailable".into())
    }

    /// Makes this record the current one.
    pub fn set(&self, s: usize, id: &str, values: &[Option<Value>], score: Exact) {
        if let Ok(mut c) = self.0.lock() {
            c.subject = s;
            if c.id.as_str() != id {
                c.id = id.into();
            }
            c.score = score.to_f64();
            c.reads.clear();
            // Reuse the previous record's strings: no allocation per record.
            c.values.resize(values.len(), None);
            for (dst, src) in c.values.iter_mut().zip(values) {
                match (dst.as_mut(), src) {
                    (Some(Value::Str(d)), Some(Value::Str(s))) => d.clone_from(s),
                    (_, src) => dst.clone_from(src),
                }
            }
        }
    }

    /// What the last call read of the record.
    pub fn reads(&self) -> Option<Reads> {
        self.0.lock().ok().map(|c| c.reads.clone())
    }

    fn id(&self) -> Result<ImmutableString, Box<EvalAltResult>> {
        let mut c = self.lock()?;
        c.reads.id = Some(c.id.as_str().into());
        Ok(c.id.clone())
    }

    fn index(&self, key: &str) -> Result<Dynamic, Box<EvalAltResult>> {
        let id = self.lock()?.tables.ids.get(key).copied();
        match (key, id) {
            ("id", _) => self.id().map(Dynamic::from),
            ("subject", _) => self.lock().map(|c| c.tables.subjects[c.subject].clone().into()),
            ("score", _) => self.lock().map(|c| c.score.into()),
            (_, Some(id)) => self.property(id, key),
            (_, None) => Err(no_property(key)),
        }
    }

    fn property(&self, name: usize, key: &str) -> Result<Dynamic, Box<EvalAltResult>> {
        let mut guard = self.lock()?;
        let c = &mut *guard;
        let t = &c.tables;
        let Some(slot) = t.slots[c.subject].get(name).copied().flatten() else {
            return Err(no_property(key));
        };
        let v = c.values.get(slot).and_then(Option::as_ref);
        c.reads.slot(slot, v);
        Ok(match (&t.show[c.subject][slot], v) {
            (Show::Flag, None) => false.into(),
            (_, None) => Dynamic::UNIT,
            (Show::Choice(names), Some(Value::Choice(i))) => {
                names.get(*i).cloned().unwrap_or_default().into()
            }
            (_, Some(v)) => plain(t, v),
        })
    }
}

fn no_property(key: &str) -> Box<EvalAltResult> {
    EvalAltResult::ErrorPropertyNotFound(key.to_string(), rhai::Position::NONE).into()
}

fn plain(t: &Tables, v: &Value) -> Dynamic {
    match v {
        Value::Bool(b) => (*b).into(),
        Value::Num(n) => n.to_f64().into(),
        Value::Grade(g) => {
            t.grades.iter().find(|(x, _)| x == g).map(|(_, n)| n.clone()).unwrap_or_default().into()
        }
        Value::Tier(rank) => t
            .tiers
            .get(crate::vocab::value::tier_rank(*rank, t.tiers.len()))
            .cloned()
            .unwrap_or_default()
            .into(),
        Value::Choice(i) => (*i as i64).into(),
        Value::Date(d) => d.format("%Y-%m-%d").to_string().into(),
        Value::Str(s) => s.as_str().into(),
        Value::DayMonth(dm) => format!("{}/{}", dm.day, dm.month).into(),
    }
}

/// Registers the record type and one getter per property name of the plan,
/// and returns the handle the runner updates per record.
pub fn register(engine: &mut Engine, schema: &Schema) -> RecordView {
    let mut ids: HashMap<String, usize> = HashMap::new();
    for p in &schema.subjects {
        for (n, _) in &p.items {
            let next = ids.len();
            ids.entry(n.clone()).or_insert(next);
        }
    }
    let slots = (schema.subjects.iter())
        .map(|p| {
            let mut v = vec![None; ids.len()];
            for (slot, (n, _)) in p.items.iter().enumerate() {
                v[ids[n]] = Some(slot);
            }
            v
        })
        .collect();
    let view = RecordView(Arc::new(Mutex::new(Current {
        tables: tables(schema, slots, ids.clone()),
        subject: 0,
        id: ImmutableString::new(),
        score: 0.0,
        values: Vec::new(),
        reads: Reads::default(),
    })));
    engine.register_type_with_name::<RecordView>("record");
    engine.register_get("id", |r: &mut RecordView| r.id());
    engine
        .register_get("subject", |r: &mut RecordView| r.lock().map(|c| c.tables.subjects[c.subject].clone()));
    engine.register_get("score", |r: &mut RecordView| r.lock().map(|c| c.score));
    for (name, id) in ids {
        if matches!(name.as_str(), "id" | "subject" | "score") {
            continue;
        }
        let key = name.clone();
        engine.register_get(name, move |r: &mut RecordView| r.property(id, &key));
    }
    // `m["name"]`, and the fallback for a property no getter serves.
    engine.register_indexer_get(|r: &mut RecordView, key: &str| r.index(key));
    view
}

fn tables(schema: &Schema, slots: Vec<Vec<Option<usize>>>, ids: HashMap<String, usize>) -> Tables {
    let show = schema.subjects.iter().map(|p| p.items.iter().map(|(_, s)| s.clone()).collect()).collect();
    Tables {
        slots,
        show,
        subjects: schema.subjects.iter().map(|p| p.name.as_str().into()).collect(),
        grades: schema.grades.iter().map(|(v, n)| (*v, n.as_str().into())).collect(),
        tiers: schema.tiers.iter().map(|t| t.as_str().into()).collect(),
        ids,
    }
}
