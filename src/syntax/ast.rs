//! The typed syntax tree of one plan file; every node carries its [`Loc`].

use crate::num::Num;
use crate::source::Loc;
use chrono::NaiveDate;

/// A name as written, with its location.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: String,
    pub loc: Loc,
}

/// A string literal, unescaped.
#[derive(Clone, Debug, PartialEq)]
pub struct Str {
    pub value: String,
    pub loc: Loc,
}

/// A calendar date literal.
#[derive(Clone, Debug, PartialEq)]
pub struct DateLit {
    pub value: NaiveDate,
    pub loc: Loc,
}

/// A number literal (exact).
#[derive(Clone, Debug, PartialEq)]
pub struct NumLit {
    pub value: Num,
    pub loc: Loc,
}

/// A day and month, resolved against the evaluation year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayMonth {
    pub day: u32,
    pub month: u32,
}

/// A whole plan file.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanFile {
    pub header: Header,
    pub items: Vec<TopItem>,
    /// Every comment, in file order, for the formatter.
    pub comments: Vec<Comment>,
}

/// A `#` comment (its text includes the `#`).
#[derive(Clone, Debug, PartialEq)]
pub struct Comment {
    pub text: String,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub id: Str,
    pub extends: Option<Str>,
    pub entries: Vec<HeaderEntry>,
    pub loc: Loc,
    pub close: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HeaderEntry {
    pub kind: HeaderKind,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub enum HeaderKind {
    Title(Str),
    Issuer(Str),
    Issued(DateLit),
    Supersedes { id: Str, dated: Option<DateLit> },
    Effective { from: DateLit, until: Option<DateLit> },
    Basis(Str),
}

#[derive(Clone, Debug, PartialEq)]
pub enum TopItem {
    Scale(Scale),
    Tiers(Tiers),
    Level(Level),
    Subject(Subject),
    Hook(Hook),
    Test(Test),
    Display(Display),
}

/// `display COL …`: member-data columns carried to `eval`'s output.
#[derive(Clone, Debug, PartialEq)]
pub struct Display {
    pub columns: Vec<Column>,
    pub loc: Loc,
}

/// A column title, written as a name or as a string.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub title: String,
    /// Written as a string (`"Họ và tên"`).
    pub quoted: bool,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub name: Ident,
    pub grades: Vec<Grade>,
    pub loc: Loc,
    pub close: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Grade {
    pub name: Ident,
    pub label: Str,
    pub value: NumLit,
    /// `alias "X" "XS"`: abbreviations accepted in data like the label.
    pub aliases: Vec<Str>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tiers {
    pub tiers: Vec<TierDecl>,
    pub loc: Loc,
    pub close: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TierDecl {
    pub name: Ident,
    pub label: Str,
    /// `alias "HTXSNV"`: abbreviations accepted in data like the label.
    pub aliases: Vec<Str>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Level {
    pub name: Ident,
    pub label: Option<Str>,
    pub locked: Option<Loc>,
    pub due: Option<Due>,
    pub report: Option<Report>,
    pub loc: Loc,
    pub close: Loc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DueKind {
    Before(DayMonth),
    By(DayMonth),
    InMonth(u32),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Due {
    pub kind: DueKind,
    pub next_year: bool,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub to: Str,
    pub via: Option<Str>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Subject {
    pub name: Ident,
    pub label: Option<Str>,
    pub extends: Option<Ident>,
    pub locked: Option<Loc>,
    pub items: Vec<SubjectItem>,
    pub loc: Loc,
    pub close: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SubjectItem {
    pub kind: ItemKind,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ItemKind {
    Level(Ident),
    Criterion(Criterion),
    Flag(Flag),
    Field(Field),
    Drop {
        what: DropKind,
        name: Ident,
    },
    /// `review`: not classified, but a review must still be written.
    Exempt {
        cond: Expr,
        because: Option<Str>,
        review: bool,
    },
    Rule {
        tier: Ident,
        cond: Expr,
    },
    Otherwise(Ident),
    Cap {
        tier: Ident,
        cond: Expr,
        because: Option<Str>,
    },
    CapAt(Ident),
    Quota(Quota),
    LockRules,
    /// `group G ["label"] total N [locked]`.
    Group(Group),
    /// `lock exempt`.
    LockExempt,
    /// `lock caps`.
    LockCaps,
}

/// `group G ["label"] total N [locked]`: the criteria of group G add up to N.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub name: Ident,
    pub label: Option<Str>,
    pub total: NumLit,
    pub locked: Option<Loc>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropKind {
    Criterion,
    Flag,
    Field,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Measure {
    Weight(NumLit),
    Points(NumLit),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Criterion {
    pub name: Ident,
    pub label: Option<Str>,
    pub measure: Measure,
    pub group: Option<Ident>,
    pub locked: Option<Loc>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Flag {
    pub name: Ident,
    pub label: Option<Str>,
    pub locked: Option<Loc>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: Ident,
    pub label: Option<Str>,
    pub ty: FieldType,
    pub locked: Option<Loc>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FieldType {
    Number,
    Text,
    Date,
    Tier,
    Choice(Vec<ChoiceOpt>),
    Ref(Ident),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChoiceOpt {
    pub name: Ident,
    pub label: Option<Str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quota {
    pub tier: Ident,
    pub bound: QuotaBound,
    /// `None` is `per plan`.
    pub per: Option<Ident>,
    pub round: Round,
}

#[derive(Clone, Debug, PartialEq)]
pub enum QuotaBound {
    Count(NumLit),
    Share { percent: NumLit, of: QuotaOf },
}

#[derive(Clone, Debug, PartialEq)]
pub enum QuotaOf {
    All,
    Tier { tier: Ident, or_better: bool },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Round {
    #[default]
    Down,
    Up,
    Nearest,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Score,
    Tier,
}

impl Stage {
    /// The keyword, as written after `on`.
    pub fn word(self) -> &'static str {
        match self {
            Stage::Score => "score",
            Stage::Tier => "tier",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Hook {
    pub name: Ident,
    pub subject: Ident,
    pub stage: Stage,
    pub locked: Option<Loc>,
    pub body: HookBody,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub enum HookBody {
    /// The script lines, verbatim; `loc` is where the first of them starts.
    Inline {
        text: String,
        loc: Loc,
    },
    File(Str),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Test {
    pub name: Str,
    pub items: Vec<TestItem>,
    pub loc: Loc,
    pub close: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TestItem {
    pub kind: TestKind,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TestKind {
    Year(NumLit),
    Data(Str),
    Record(Record),
    Expect { id: Str, what: Expectation },
    ExpectCount { subject: Ident, tier: Ident, count: NumLit },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub subject: Ident,
    pub id: Str,
    pub values: Vec<(Ident, Value)>,
    pub close: Loc,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expectation {
    Tier(Ident),
    Score(NumLit),
    Exempt,
    Error,
}

/// A literal value in a test record.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Num(NumLit),
    Str(Str),
    Date(DateLit),
    Bool(bool, Loc),
    Name(Ident),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub loc: Loc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantifier {
    All,
    Any,
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AggKind {
    Count,
    Share,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Or(Vec<Expr>),
    And(Vec<Expr>),
    Not(Box<Expr>),
    Cmp {
        op: CmpOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `first op e op e …`, left to right (`+ -` or `* /`).
    Arith {
        first: Box<Expr>,
        rest: Vec<(ArithOp, Expr)>,
    },
    Neg(Box<Expr>),
    Paren(Box<Expr>),
    Num(Num),
    Percent(Num),
    Date(NaiveDate),
    DayMonth(DayMonth),
    Str(String),
    Bool(bool),
    Name(String),
    Score,
    Tier,
    Quant {
        q: Quantifier,
        group: Option<Ident>,
        op: CmpOp,
        grade: Ident,
    },
    Agg {
        kind: AggKind,
        subject: Ident,
        by: Ident,
        filter: Option<Box<Expr>>,
    },
    MonthsSince(Box<Expr>),
    /// `months_between(A, B)`: whole months from date A to date B.
    MonthsBetween(Box<Expr>, Box<Expr>),
}
