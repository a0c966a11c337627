## The words of the workbook (eval --format xlsx) and of the HTML reports.

# Sheets of the workbook.
w-sheet-results = Results
w-sheet-summary = Summary
w-sheet-exempt = Exempt
w-sheet-errors = Data errors
# Column heads.
w-id = Id
w-subject = Subject
w-unit = Unit
w-score = Score
w-tier = Tier
w-abbr = Abbreviation
w-status = Status
w-reasons = Reasons / error
w-why-exempt = Why exempt
w-total = Total
w-classified = Classified
w-count = Count
w-share = Share
w-exempt = Exempt
w-errors = Errors
w-file = File
w-place = Place
w-column = Column
w-problem = Problem
# Statuses.
w-status-classified = classified
w-status-exempt = exempt
w-status-error = error
# Rows and places.
w-subtotal = Subtotal
w-grand-total = Grand total
w-no-unit = (not by unit)
w-no-subject = (unknown subject)
w-line = line
w-row = row
w-record = record
w-whole-file = (whole file)
w-exact = Exact value
# The report.
w-party = COMMUNIST PARTY OF VIETNAM
w-reporter = PARTY COMMITTEE ……………………
w-doc-number = No. ……-BC/……
w-name = Name
w-count-short = No.
w-dated = ……, date ……………
w-report-kind = REPORT
w-report-title = Results of the review, evaluation and quality classification for
w-carrying-out = Carrying out Plan no.
w-of-date = of
w-of-issuer = by
w-about = on
w-plan-head = The plan
w-number = Number
w-issued = Issued
w-issuer = Issued by
w-basis = Basis
w-supersedes = Supersedes
w-year = Year
w-records-read = Records
w-part-summary = I. Summary
w-part-chart = Tier shares per unit
w-chart-note = Shares of those classified in each unit, per subject.
w-part-units = II. Results per unit
w-part-problems = III. Data problems
w-not-by-unit = Subjects not divided by unit
w-quota-use = Quota use
w-allowed = allowed
w-quota-of = quota
w-moved = Moved by the quota
w-moved-from = Before
w-moved-to = After
w-rank = Rank
w-exempt-list = Exempt
w-error-list = Records in error
w-file-problems = Problems of whole files
w-warnings = Warnings
w-none = None.
w-recipients = To:
w-archive = Office archive.
w-author = PREPARED BY
w-sign = (Signature and full name)
w-made-by = Made with kehoach
# The diff memo.
w-diff-title = Comparison of plans
w-diff-with = with the plan it replaces
w-old-plan = Old plan
w-new-plan = New plan
w-changes = Changes
w-change-count = Changes
w-same = The plans are the same.
w-item = Item
w-change = Change
w-old = Old
w-new = New
w-direction = Direction
w-added = added
w-removed = removed
w-changed = changed
w-impact = Impact on the data
w-moved-count = Records that move
w-matrix = Transitions (rows: old tier, columns: new tier)
w-who-moves = Who moves

## Shared.
year-line = Evaluation year { $year }
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday

## eval: the table.
table-id = id
table-subject = subject
table-score = score
table-tier = tier
table-why = why
table-exempt = (exempt)
table-error = (error)
table-summary = { $total } records: { $classified } classified, { $exempt } exempt, { $errors } in error
table-by-group = by subject and group

## Reasons, for people (JSON keeps the codes and the rule lines).
reason-rule = meets the conditions of «{ $tier }»
reason-exempt = exempt
reason-exempt-because = exempt: { $because }
reason-otherwise = no rule holds: «{ $tier }»
reason-cap = capped at «{ $tier }»
reason-cap-because = capped at «{ $tier }»: { $because }
reason-cap-at = capped at the tier of `{ $field }`
reason-cap-at-record = capped at «{ $tier }», the tier of `{ $id }`
reason-hook-note = hook `{ $hook }`: { $text }
reason-hook-score = hook `{ $hook }`: score { $before } → { $after }
reason-hook-tier = hook `{ $hook }`: «{ $before }» → «{ $after }»
reason-quota = quota: rank { $rank } of { $of } in group { $group }, limit { $limit }

## explain.
explain-record = record `{ $id }` ({ $place })
explain-subject = subject «{ $label }» (`{ $name }`), evaluation year { $year }
explain-item = { $kind ->
    [criterion] Criterion
    [flag] Flag
   *[field] Field
} *{ $label }* (`{ $name }`)
explain-value-missing = (missing)
explain-points = { " " }→ { $points } points
explain-score = score = { $score } (exact: { $exact })
explain-score-hooked = score after hooks = { $score } (exact: { $exact })
explain-holds = holds
explain-does-not-hold = does not hold
explain-missing = cannot be decided: `{ $name }` is missing
explain-undecided = cannot be decided ({ $why })
explain-fails = does not hold: { $part }
explain-otherwise = no rule holds: «{ $tier }»
explain-cap-at-lowers = lowers the tier to that record's
explain-cap-at-keeps = that record's tier is no lower
explain-cap-lowers = holds: lowers the tier
explain-cap-keeps = holds, but the tier is already no better
explain-true = true
explain-false = false
explain-steps = steps:
explain-outcome = outcome: { $outcome }
explain-classified = { $tier }, score { $score }
explain-exempt = exempt (not classified)
explain-error = error: { $error }
explain-no-record = no record has the id `{ $id }`

## schedule.
schedule-title = { $plan }: deadlines for the evaluation year { $year }
schedule-window = { $due }: from { $first } to { $last }
schedule-last-day = { $due }: last day { $last }
schedule-report = report to { $to }
schedule-report-via = report to { $to } via { $via }
schedule-from = from { $place }
schedule-done-not-ics = `--done` reports on units; use `--format table` or `--format json`
done-unit = unit
done-level = level
done-done = done
done-last-day = last day
done-verdict = verdict
done-summary = { $units } units in { $file }: { $late } late or not judgeable
verdict-on-time = on time
verdict-early = early: before the window opens (counts as done)
verdict-late = late by { $days ->
    [one] 1 day
   *[other] { $days } days
}
verdict-overdue = not done, overdue by { $days ->
    [one] 1 day
   *[other] { $days } days
}
verdict-pending = not done yet, still in time
verdict-invalid = cannot judge (line { $line }): { $problem }

## test and fmt.
test-ok = ok   { $name }  ({ $at })
test-fail = FAIL { $name }  ({ $at })
test-plan-fails-check = FAIL { $plan }: the plan does not check
test-summary = { $passed } passed, { $failed } failed
fmt-would-reformat = would reformat { $file }
fmt-formatted = formatted { $file }
fmt-formatted-side = formatted
fmt-cannot-write = cannot write `{ $file }`: { $why ->
   *[other] { $error }
}

## Merged from issue 19 (previous tier, review exemptions, tier-field caps)
explain-previous = previous_tier = «{ $label }» (`{ $name }`, from { $file })
explain-previous-none = previous_tier: none ({ $file } has no tier for this record)
explain-cap-field-lowers = lowers the tier to the one the field holds
explain-cap-field-keeps = the tier the field holds is no lower
explain-exempt-review = exempt (not classified; must still write a review)
table-exempt-review = (exempt, review)
reason-exempt-review = { $reason } (must still write a review)
reason-cap-at-field = capped at the tier held in `{ $field }`

## diff for people (human and Markdown; the HTML memo's sections and notes)
diff-title = Changes from { $old } to { $new }, evaluation year { $year }
diff-same = The plans are the same.
diff-count = { $count ->
    [one] 1 change
   *[other] { $count } changes
}
diff-section = { $section ->
    [plan] Plan header
    [scale] Grade scale
    [tiers] Tiers
    [levels] Levels
    [hooks] Hooks
   *[other] { $section }
}
diff-item = { $kind ->
    [subject] Subject
    [level] Level
    [criterion] Criterion
    [flag] Flag
    [field] Field
    [group] Group
    [grade] Grade
    [hook] Hook
   *[other] { $kind }
} «{ $label }» (`{ $name }`)
diff-item-unlabelled = { $kind ->
    [subject] Subject
    [level] Level
    [criterion] Criterion
    [flag] Flag
    [field] Field
    [group] Group
    [grade] Grade
    [hook] Hook
   *[other] { $kind }
} `{ $name }`
diff-attr = { $attr ->
    [label] label
    [weight] weight
    [points] points
    [group] group
    [locked] locked
    [type] type
    [total] total
    [alias] abbreviations
    [value] value
    [due] deadline
    [report] reporting
    [extends] extends
    [level] level
    [lock_rules] rules locked
    [lock_exempt] exemptions locked
    [lock_caps] caps locked
    [exempt] exemptions
    [rules] rules
    [caps] caps
    [quotas] quotas
    [drops] drops
    [order] order
    [name] name
   *[other] `{ $attr }`
}
diff-header = { $key ->
    [id] Number
    [title] Title
    [issuer] Issued by
    [issued] Issued on
    [supersedes] Supersedes
    [effective] Effective
    [basis] Basis
    [extends] Extends
    [display] Displayed columns
   *[other] `{ $key }`
}
diff-hook-order = order of the `{ $stage }` hooks
diff-added = added
diff-removed = removed
diff-changed = changed
diff-see-below = (see below)
diff-yes = yes
diff-no = no
diff-dated = { $id } dated { $date }
diff-note-up = up
diff-note-down = down
diff-note-deadline-earlier = earlier: last day { $new } instead of { $old } (for { $year })
diff-note-deadline-later = later: last day { $new } instead of { $old } (for { $year })
diff-note-deadline-same = the same last day { $new } (for { $year })
diff-note-threshold-raised = rule «{ $tier }»: score threshold raised { $old } → { $new }
diff-note-threshold-lowered = rule «{ $tier }»: score threshold lowered { $old } → { $new }
diff-note-quota-looser = quota «{ $tier }» looser: `{ $old }` → `{ $new }`
diff-note-quota-tighter = quota «{ $tier }» tighter: `{ $old }` → `{ $new }`
diff-note-quota-tighter-beside = quota «{ $tier }» tighter: `{ $new }` added beside `{ $old }`
diff-note-quota-beside = quota «{ $tier }»: `{ $new }` added beside `{ $old }`; the stricter one binds
diff-note-level-order = order changed: levels are declared from the lowest to the highest
diff-note-hook-order = order changed: `{ $stage }` hooks run in declaration order
diff-note-hook-line = declaration `{ $old }` → `{ $new }`
diff-impact = Impact on { $records } records: { $moved } moved
diff-matrix = «{ $subject }» — rows: tier under the old plan, columns: under the new plan
diff-moved = Moved:
diff-no-tier = (no tier)
diff-status-exempt = exempt
diff-status-error = data error
diff-col-id = Id
diff-col-subject = Subject
diff-col-old = Old plan
diff-col-new = New plan
diff-warn-supersedes-other = `{ $new }` supersedes `{ $named }`, not `{ $old }`: is this the plan it replaces?
diff-warn-no-supersedes = `{ $new }` does not say that it supersedes `{ $old }`
due-before = before { $day }
due-by = by { $day }
due-in-month = in month { $month }
due-next-year = { $due } next year

## --help of every command and argument (src/cli/help.rs)
help-usage = Usage:
help-commands = Commands
help-arguments = Arguments
help-options = Options
help-arg-help = Print this help
help-arg-version = Print the version
help-cmd = Check, run and compare the annual evaluation plans of party committees
help-cmd-check = Parse, resolve, type-check and lint plans: all findings at once. A folder stands for every .kh file under it (parents first)
help-cmd-fmt = Rewrite plans in canonical layout (comments kept)
help-cmd-eval = Classify records of member data
help-cmd-explain = Every step of one record's outcome
help-cmd-report = A printable HTML report of a classification (A4): summary, chart, units
help-cmd-test = Run the plans' `test` blocks
help-cmd-diff = What changed between two plans; with --data, who would change tier
help-cmd-schedule = The deadlines a plan sets for a year; with --done, who is late
help-cmd-show = Print a plan in canonical syntax with `# from FILE:LINE` provenance
help-arg-color = When to use colour: auto (a terminal, and NO_COLOR unset), always or never
help-arg-lang = The language of everything written for people: vi or en (default: KEHOACH_LANG, else LC_ALL/LC_MESSAGES/LANG; Vietnamese)
help-arg-plans = Plan files (.kh) or folders holding them
help-arg-plan = The plan file (.kh)
help-check-format = Output: human (for people) or json (for programs)
help-arg-deny_warnings = Treat warnings as errors
help-fmt-check = Write nothing; exit 1 if a file would change
help-arg-data = Member data: .csv, .json (an array of objects), .jsonl, or a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods; FILE#SHEET reads that sheet); Vietnamese column titles and labels are read
help-arg-previous = Last year's results (its `eval --format json`): each record's tier there is previous_tier in the plan's conditions
help-arg-year = The evaluation year (default: this year from July, last year before)
help-arg-as_of = The date months_since counts to, as dd/mm/yyyy or yyyy-mm-dd (default: 31/12 of the year)
help-schedule-as_of = The day to judge unfinished units against, as dd/mm/yyyy or yyyy-mm-dd (default: today)
help-arg-subject = The subject of records that name none (its name in the plan, e.g. dang_vien)
help-arg-delimiter = The CSV delimiter: `,`, `;`, `|` or tab (default: the one the header uses most)
help-arg-sheet = The sheet to read in workbooks given without #SHEET (default: the first sheet)
help-arg-jobs = Threads that read and classify a CSV file (default: KEHOACH_JOBS, else one per core); the results are the same for any number
help-eval-format = Output: table (for people), csv, json, xlsx (an Excel workbook; needs --out)
help-arg-out = Write the output to this file (created or replaced whole) instead of standard output
help-arg-keep = Data columns to copy to the output after the id (a name, a unit), as titled in the data; added to those of the plan's display line
help-arg-id = The id of the record to explain
help-explain-format = Output: text (for people) or json
help-arg-old = The plan it replaces (or the parent plan it refines)
help-arg-new = The new plan
help-diff-format = Output: human (for people), json, markdown (for a memo), html (a memo for printing)
help-diff-data = Member data to classify under both plans, to see who would change tier
help-schedule-format = Output: table, json, ics (a calendar for calendar applications)
help-arg-done = CSV of units with their level and completion date (columns unit, level, done; dates as dd/mm/yyyy)
help-arg-effective = Print the effective plan: the extends chain merged in
cli-not-delimiter = `{ $text }` is not a delimiter kehoach reads: use `,`, `;`, `|` or `tab`
cli-not-year = `{ $text }` is not a year
cli-not-date = `{ $text }` is not a date (YYYY-MM-DD or D/M/YYYY)
cli-outside-years = `{ $text }` is outside the years kehoach handles ({ $first }–{ $last })

## ---------------------------------------------------------------------------
## Diagnostics (issue 20, the `diag` branch): one message id per kind, by its
## code (`diag-CODE`, `diag-CODE-help`); the phrases they are built from
## (`ph-…`); the notes under them (`note-…`); the command line's own words.
## Keep this block together.
## ---------------------------------------------------------------------------
diag-error = error
diag-warning = warning
diag-help = help
diag-advice = Advice
diag-here = here
diag-did-you-mean = did you mean `{ $name }`?
# Files and syntax.
diag-read-file = cannot read `{ $path }`: { $why ->
   *[other] { $error }
}
diag-invalid-utf8 = `{ $path }` is not valid UTF-8
diag-syntax = expected { $expected }, found { $found }
diag-unclosed = `{ $block }` on line { $line } is never closed: a `{ $close }` is missing
diag-unclosed-help = the note below shows where it opens
diag-wrong-operator = `{ $written }` is not an operator of plans: write `{ $write }`
diag-wrong-operator-help = conditions are written with `==`, `!=`, `and`, `or` and `not`
diag-unknown-function = unknown function `{ $name }`
diag-unknown-function-help = the functions are { $functions }
diag-unknown-function-near = did you mean `{ $name }`? The functions are { $functions }
diag-name-not-ascii = names are written without diacritics: `{ $ascii }`
diag-name-not-ascii-help = a name has only the letters a–z, digits and `_`; its label (in quotes) keeps the Vietnamese
diag-too-deep = expression nests more than { $limit } levels deep
diag-too-deep-help = split the condition into simpler parts
diag-invalid-date = `{ $text }` is not a calendar date
diag-invalid-date-help = write dates as `2020-11-06` or `6/11/2020`
diag-invalid-day-month = `{ $text }` is not a day and month
diag-invalid-day-month-help = write a day and month as `15/12` (day first)
diag-leap-day = `29/02` does not exist every year
diag-leap-day-help = use `by 28/02` or `in month 2` instead
diag-invalid-month = `{ $text }` is not a month
diag-chained-comparison = comparisons cannot be chained
diag-chained-comparison-help = write `0 < x and x < 6`
diag-invalid-number = `{ $text }` is not a usable number
# Resolution.
diag-extends-missing = parent plan `{ $path }` does not exist
diag-extends-missing-help = the path is relative to the file that says `extends`
diag-extends-cycle = plans extend each other in a cycle: { $chain }
diag-extends-too-deep = the `extends` chain is more than { $limit } plans long
diag-redeclared = a child plan cannot redeclare `{ $what }`
diag-redeclared-help = the scale and tiers are fixed by the parent plan
diag-duplicate = { $what } `{ $name }` is declared twice
diag-missing = the plan has no { $what }
diag-locked = { $what } `{ $name }` is locked by the parent plan
diag-locked-help = remove this line; only the plan that locked it may change it
diag-drop-unknown = cannot drop { $what } `{ $name }`: there is no such inherited { $what }
diag-drop-unknown-help = `{ $name }` is a { $is }: write `drop { $word } { $name }`
diag-subject-cycle = subjects depend on each other in a cycle: { $chain }
diag-level-needs-due = level `{ $name }` has no `due`
diag-level-needs-due-help = add a deadline such as `due before 15/12`
diag-due-loosened = level `{ $name }` loosens the parent's deadline: last day { $child } is after { $parent } (year { $year })
diag-due-loosened-help = a child plan may only keep or bring forward a deadline
diag-due-order = level `{ $name }` ends on { $day }, before the lower level `{ $prev }` ({ $prev_day }) in year { $year }
diag-due-order-help = levels are declared lowest first; a higher level cannot finish earlier
# Names and types.
diag-unknown = unknown { $what } `{ $name }`
diag-wrong-kind = `{ $name }` is { $found }, not { $expected }
diag-name-clash = `{ $name }` is already the name of { $global }
diag-alias-clash = "{ $spelling }" already stands for the { $what } `{ $first }`
diag-alias-clash-help = data and test blocks could not tell the two apart (names, labels and aliases compare case-insensitively after NFC); give each its own spelling
diag-needs-ref-or-tier-field = `{ $field }` is neither a `ref` nor a `tier` field of `{ $subject }`
diag-needs-ref-or-tier-field-help = `cap at tier of F` caps at the tier of the record a `ref` field names, or at the tier a `tier` field holds
diag-type-mismatch = { $context } needs { $expected }, found { $found }
diag-incomparable = cannot compare { $left } with { $right }
diag-incomparable-help = compare grades with grades, tiers with tiers, a choice with its names, dates with dates
diag-unordered = { $ty } has no order for `<`, `<=`, `>` or `>=`
diag-unordered-help = use `==` or `!=`
diag-tier-outside-where = `tier` is only known inside the `where` of `count` or `share`
diag-tier-outside-where-help = compare the counted record's tier: `count(S by F where tier >= ht)`
diag-needs-ref-field = `{ $field }` is not a `ref` field of `{ $subject }`
diag-needs-ref-field-help = declare it as `field NAME ref SUBJECT` in the counted subject
# Plan content.
diag-too-few-tiers = a plan needs at least two tiers
diag-duplicate-value = grade value { $value } is already used by `{ $first }`
diag-negative-value = { $what } cannot be negative
diag-needs-scale = criterion `{ $criterion }` has a weight but the plan has no `scale`
diag-needs-scale-help = declare `scale NAME {"{"} grade "label" value … {"}"}`
diag-fall-through = rules of `{ $subject }` can leave a record without a tier
diag-fall-through-help = no rule classifies { $example }; add `otherwise TIER`
diag-unreachable-rule = rule `{ $tier }` can never apply: { $by } already covers every record it matches
diag-unreachable-rule-help = reorder the rules or remove this one
diag-sum-not-100 = weights and points of `{ $subject }` add up to { $total }, not 100
diag-sum-not-100-help = scores are then not on a 100-point scale
diag-quota-last-tier = quota on `{ $tier }`, the last tier, has nowhere to move records
diag-quota-same-tier = quota on `{ $tier }` is measured against `{ $tier }` itself
diag-quota-tier-help = write e.g. `quota htxs at most 20% of htt per co_so_dang`
diag-repeated-item = { $what } appears more than once
diag-hook-compile = hook `{ $hook }` does not compile: { $message }
diag-hook-forbidden = hook `{ $hook }` uses `{ $feature }`, which hooks may not use
diag-hook-forbidden-help = hooks are sandboxed: no `import`, `eval` or I/O
diag-hook-file = hook file `{ $path }` { $problem }
diag-hook-file-help = a hook file is a regular file of at most { $mib } MiB in the plan's folder or below it, named relative to the plan
diag-hook-property = hook `{ $hook }` reads `{ $read }`, which subject `{ $subject }` does not have
diag-hook-property-help = `m` has `id`, `subject`, `score` and the subject's criteria, flags and fields
diag-test-value = { $message }
diag-display-empty = a `display` column needs a title
diag-display-empty-help = write the column's title as the data files' header has it: `"Họ và tên"`
diag-display-redundant = `{ $column }` is in every output already: `display` need not name it
diag-display-redundant-help = remove it from the `display` line
# Numbers.
diag-number-too-long = `{ $text }` has more than { $digits } digits, too many to compute with exactly
diag-number-too-long-help = scores and limits are computed exactly, never rounded: a number in a plan has at most { $digits } digits, before and after the decimal point together
diag-number-too-long-weight = weight `{ $text }` divided by the highest grade value `{ $max }` is a fraction of more than { $digits } digits
diag-number-too-long-weight-help = a weight counts as weight × grade / highest grade, computed exactly as a fraction whose top and bottom have at most { $digits } digits each; write the weight with fewer decimals
diag-no-positive-grade = no grade of the scale has a value above 0, so no weight can count
diag-no-positive-grade-help = a weight counts as weight × grade / highest grade; give the best grade a value above 0
diag-quota-never-binds = `{ $percent }` is more than all the records the tier is counted among: the quota never moves one
diag-quota-never-binds-help = a tier never holds more than 100% of a count it is part of (`all`, or a tier `or better` that includes it)
# Locks of the central invariants.
diag-read-by-locked = { $what } `{ $name }` is read by a locked { $by } of the parent plan
diag-read-by-locked-help = a child plan may not drop, or change the kind or type of, what the parent's locked caps and exemptions read
diag-cap-no-effect-locked = this cap at `{ $tier }` cannot weaken the parent plan's locked cap at `{ $parent }` on the same condition
diag-cap-no-effect = this cap at `{ $tier }` has no effect: the parent plan's cap on the same condition lowers to `{ $parent }`
diag-cap-no-effect-help = caps only lower a tier, so the stricter one binds; remove this line
diag-rules-replaced = replaces { $list } of { $place }
diag-rules-replaced-help = a child's `rule`/`otherwise` lines replace the parent's whole list: restate the parent's rules you keep
replaced-otherwise = the `otherwise`
replaced-rule = the rule
replaced-rule-otherwise = the rule and `otherwise`
replaced-rules = the { $n } rules
replaced-rules-otherwise = the { $n } rules and `otherwise`
diag-quota-looser = the parent plan's { $parent } binds; this { $this } has no effect
diag-quota-looser-help = both quotas apply, so the stricter binds: a child plan may only set a stricter quota
diag-group-total = criteria of group `{ $group }` add up to { $sum }, not its total { $total }
diag-group-total-locked-help = the group's total is locked: a child plan may move points only between the criteria inside it
diag-group-total-help = give its criteria weights that add up to the total
diag-exempt-undoes-cap = this exemption reads `{ $read }`, which a locked cap of the parent plan reads: it can exempt records the cap lowers
diag-exempt-undoes-cap-help = e.g. { $example }: the parent's locked caps apply to every record it classifies, and a child plan may not exempt those records
# Notes under a diagnostic.
note-locked-by = locked here by `lock { $what }`
note-read-by = the parent plan's { $what } that reads it
note-parent-cap = the parent plan's cap
note-parent-rules = the parent plan's rule list
note-parent-quota = the parent plan's quota
note-parent-deadline = the parent plan's deadline
note-lower-deadline = the lower level's deadline
note-group-total = the total of group `{ $group }` is set here
note-parent-subject = subject `{ $subject }` is declared here
note-first-here = first here
note-first-declared = first declared here
note-first-named = first named here
note-declared = declared here
note-declared-by-parent = declared by the parent plan here
note-locked-here = locked here
note-spelled-so = spelled so here
note-inherits = in subject `{ $subject }`, which inherits this line
note-opens-here = opens here
# Phrases diagnostics are built from.
ph-or = { $init } or { $last }
ph-choice-of = a choice of { $field }
ph-larger-than = is larger than { $size }
ph-rule-on-line = rule `{ $tier }` on line { $line }
ph-criterion = criterion
ph-flag = flag
ph-field = field
ph-grade = grade
ph-tier = tier
ph-subject = subject
ph-level = level
ph-group = group
ph-hook = hook
ph-record = record
ph-block = block
ph-name = name
ph-cap = cap
ph-exemption = exemption
ph-item = criterion, flag or field
ph-display-column = display column
ph-rule-list-of = rule list of
ph-exemption-list-of = exemption list of
ph-ref-or-tier-field = ref or tier field
ph-plan-header = `plan` header
ph-tiers-block = `tiers` block
ph-a-grade = a grade
ph-a-tier = a tier
ph-a-subject = a subject
ph-a-group = a group
ph-a-value = a value
ph-a-condition = a yes/no condition
ph-a-number = a number
ph-a-date = a date
ph-a-day-month = a day and month
ph-a-text = a text
ph-arithmetic = arithmetic
ph-rules-before = the rules before it
ph-end-of-file = end of file
ph-end-of-line = end of line
ph-backtick = a backtick
ph-something-else = something else
ph-a-plan = a plan
ph-more = more
ph-less = less
ph-nothing = nothing
ph-a-name = a name
ph-quoted-string = a quoted string
ph-percentage = a percentage such as `20%`
ph-date-such-as = a date such as `2020-11-06`
ph-day-month-such-as = a day and month such as `15/12`
ph-comparison = a comparison (`==`, `>=`, …)
ph-operator = an operator
ph-header = the plan header `plan "ID" {"{"} … {"}"}`
ph-condition = a condition
ph-value-or-expression = a value or expression
ph-script = a script block opened by ``` at the end of the line
ph-plan-item = a plan item
ph-subject-item = a subject item (`criterion`, `flag`, `field`, `rule`, …)
ph-declaration = a declaration (`scale`, `tiers`, `level`, `subject`, `hook`, `test`)
ph-header-entry = a header entry (`title`, `issuer`, `issued`, …)
ph-test-item = a test item (`year`, `data`, `record`, `expect`)
ph-absolute-path = is an absolute path
ph-outside-folder = is outside the plan's folder
ph-not-utf8 = is not valid UTF-8
ph-does-not-exist = does not exist
ph-permission-denied = cannot be read (permission denied)
ph-is-directory = is a directory
# The command line.
check-ok = ok: { $plans ->
    [one] 1 plan
   *[other] { $plans } plans
} checked, no problems found
check-found = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
} in { $plans ->
    [one] 1 plan
   *[other] { $plans } plans
}
cli-cannot-write-stdout = cannot write to standard output: { $error }
cli-sheet-no-workbook = `--sheet { $sheet }`: no `--data` file is a workbook (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`)
cli-plan-in-data = `{ $plan }` was taken as a data file: `--data` takes every path after it; give the plan first: `kehoach eval { $plan } --data FILE…`
## End of the diagnostics block.

## Issue 19, remainder: last year's tier beside this year's (`--previous`) in the workbook and the report
w-previous-tier = Last year's tier
note-parent-use = the parent plan reads `{ $name }` here, as it declared it

## explain: exemptions and hooks
explain-exempt-line = exempt? { $line } ({ $place }): { $held }
explain-hook = hook `{ $name }` on { $stage } ({ $place }):
explain-hook-note = note: { $text }
explain-hook-score = score { $before } → { $after }
explain-hook-tier = tier «{ $before }» → «{ $after }»
explain-hook-none = no change
at-line = line { $n }
at-row = row { $n }
report-quota-rule = set at { $place }
done-unknown-level-near = `{ $level }` is not a level of the plan; did you mean `{ $nearest }`?
done-unknown-level = `{ $level }` is not a level of the plan (one of { $levels })
done-not-date = `{ $text }` is not a date (YYYY-MM-DD or D/M/YYYY)

## Data, records and hooks at run time (issue 20, remainder): where a record
## is, why a row, a cell or a whole file cannot be read, why a record has no
## tier, what the data said besides, why a hook failed, why a test failed.
# Where a record is (a place inside a sentence), then a whole sentence at it.
place-line = { $file } line { $n }
place-index = { $file } [{ $n }]
place-row = { $file } row { $n }
place-cell = { $file } [{ $sheet }] { $cell }
place-sheet-row = { $file } [{ $sheet }] row { $n }
place-at = { $place }: { $words }
place-at-column = { $place }, column `{ $column }`: { $words }
place-at-cell = { $file } [{ $sheet }] { $cell }, column `{ $column }`: { $words }
place-at-sheet-row = { $file } [{ $sheet }] row { $n }: { $words }
place-at-sheet-row-column = { $file } [{ $sheet }] row { $n }, column `{ $column }`: { $words }
place-column = column `{ $column }`: { $words }
# A row that cannot be read.
row-unclosed = a quoted cell opens on line { $opened } and never closes (a `"` is missing)
row-not-object = not a JSON object
row-not-json = not a JSON object: { $why }
row-line-not-utf8 = the line is not UTF-8 text
row-repeated-key = the key `{ $key }` appears twice in the object
row-file = not read: { $problem }
# A whole file that cannot be read (short: in each record; long: once).
file-not-utf8-short = the file is not UTF-8 text
file-duplicate-column-short = the file has two columns for one item: `{ $first }` and `{ $second }`
file-missing-column-short = the file has no column `{ $item }`
file-no-id-short = the file has no column `id`
file-not-utf8 = { $file }: the file is not UTF-8 text (line { $line }): save it as “CSV UTF-8”; every record of it is in error
file-not-utf8-like = { $file }: the file is not UTF-8 text (line { $line }); it looks like { $guess }: save it as “CSV UTF-8”; every record of it is in error
file-duplicate-column = { $file }: columns { $first_at } (`{ $first }`) and { $second_at } (`{ $second }`) are the same item: keep one; every record of the file is in error
file-missing-column = { $file }: `{ $subject }` records need a column `{ $item }` and the file has none{ $nearest }; those records are in error
file-no-id = { $file }: the file has no column `id`{ $nearest }; every record of it is in error
file-nearest = (the nearest is `{ $name }`)
data-nul-byte = { $file }: line { $line } holds a NUL byte: this is not a CSV text file (save it as “CSV UTF-8”)
data-bad-utf16 = { $file }: the file says it is UTF-16 but line { $line } is not: save it as “CSV UTF-8”
# A cell whose value is bad.
cell-not-utf8 = the cell is not valid UTF-8: save the file as UTF-8
cell-sheet-error = the cell holds the spreadsheet error `{ $error }`
cell-out-of-range = `{ $text }` is outside 0..={ $max }
cell-not-one-near = `{ $text }` is not a { $what }; did you mean `{ $nearest }`?
cell-not-one = `{ $text }` is not a { $what } (one of { $names })
cell-too-many-digits = `{ $text }` has more digits than kehoach computes exactly (at most 18 after the point)
cell-not-number = `{ $text }` is not a number
cell-not-flag = `{ $text }` is not yes or no (`true`/`false`, `1`/`0`, `x`, `yes`/`no`, `có`/`không`)
cell-not-date = `{ $text }` is not a date (YYYY-MM-DD or D/M/YYYY)
# What the data said besides (warnings on standard error and in the reports).
data-unknown-columns = { $file }: no subject declares the columns { $columns }; they are ignored
data-carry-missing-one = { $file }: no column { $columns } to carry to the output; its cells are left empty
data-carry-missing = { $file }: no columns { $columns } to carry to the output; their cells are left empty
data-no-records = { $file }: the file holds no records
data-missing-subject = no { $subject } records were given, and { $readers } records read them: pass the file of { $subject } records too
data-labelled = «{ $label }» (`{ $name }`)
data-blank-row = { $file }: 1 blank row skipped (line { $lines })
data-blank-rows = { $file }: { $count } blank rows skipped (lines { $lines })
# Why a record has no tier.
rec-cap-target-none = no record has the id `{ $id }`
rec-cap-target-error = record `{ $id }`, whose tier caps this one, is in error
rec-cap-target-not-yet = record `{ $id }`, whose tier caps this one, is not classified yet
rec-cap-target-unavailable = record `{ $id }` is not available here
rec-no-id = column `id` is missing or empty
rec-unknown-subject-near = column `subject`: `{ $name }` is not a subject; did you mean `{ $nearest }`?
rec-unknown-subject = column `subject`: `{ $name }` is not a subject
rec-subject-cell = column `subject`: { $problem }
rec-no-subject = the record names no subject: add a `subject` column or pass `--subject`
rec-repeated-id = id `{ $id }` repeats (first at { $first })
rec-bad-ref = `{ $target }` is not the id of a `{ $root }` record
rec-no-grade = criterion `{ $criterion }` has no grade
rec-no-points = criterion `{ $criterion }` has no points
rec-score-too-large = the score is too large to compute exactly
rec-no-tier = no rule gives a tier and there is no `otherwise`
rec-cap-at-missing = `cap at tier of { $field }` needs `{ $field }`, which is missing
rec-quota-group-missing = the quota groups by `{ $field }`, which is missing
rec-never-classified = the record was never classified (a fault of kehoach: please report it)
clause-exemption = an exemption
clause-rule = rule `{ $tier }` (line { $line })
clause-cap = cap `{ $tier }` (line { $line })
eval-needs = { $what } needs `{ $name }`, which is missing
eval-divides = { $what } divides by zero
eval-overflows = { $what } computes a number too large to handle exactly
eval-other = { $what }: { $why }
eval-missing = `{ $name }` is missing
eval-division = it divides by zero
eval-too-large = it computes a number too large to handle exactly
eval-not-date = { $func } needs a date
eval-not-condition = not a condition
eval-not-number = not a number
eval-not-graded = `{ $name }` is not graded
eval-unavailable = `{ $aggregate }` is not available here
eval-spoiled-error = `{ $aggregate }` counts record `{ $record }`, which is in error
eval-spoiled-not-yet = `{ $aggregate }` counts record `{ $record }`, which is not classified yet
eval-spoiled-missing = `{ $aggregate }` cannot tell whether record `{ $record }` counts: its `{ $name }` is missing
eval-spoiled-filter = `{ $aggregate }` cannot tell whether record `{ $record }` counts: { $why }
eval-its-where = its `where`
# Why a hook failed.
hook-type = { $ty ->
    [number] a number
    [text] a text
    [bool] `true/false`
    [character] a character
    [array] an array
    [map] a map
    [function] a function
    [record] the record `m`
    [unit] `()`
    [range] a range
   *[value] a value
}
hook-value-text = the text `{ $text }`
hook-value-number = the number { $number }
hook-operations = it ran more than { $limit } operations, the limit for one call of a hook
hook-stack = it nested function calls more than { $limit } levels deep
hook-too-large = { $which ->
   *[other] { $what }
} grew past its limit (strings { $strings } bytes, arrays { $arrays } items, maps { $maps } entries)
hook-property = the record has no property `{ $name }` (a misspelt name, or one the subject does not declare)
hook-threw = it threw `{ $value }`
hook-no-function = it calls `{ $function }`, which hooks do not have
hook-mismatch = it gives { $got } where { $want } is expected
hook-indexing = it indexes { $ty }, which cannot be indexed
hook-time = it ran longer than { $limit } ms, the time limit for one call of a hook (this limit depends on the machine)
hook-notes = it made more than { $notes } notes or { $bytes } bytes of notes, the limit for one call of a hook
hook-other = { $words }
hook-failed = hook `{ $hook }` failed at { $at }: { $why }
hook-not-run = hook `{ $hook }` was not run: the hooks of this run have used more than { $limit } together, the time limit for one run (this limit depends on the machine)
hook-wrong = hook `{ $hook }` must give { $want ->
    [score] a number (the new score)
   *[tier] a tier name
} or `()`, not { $got }
hook-not-usable-score = hook `{ $hook }` returned a score that is not a usable number
hook-not-tier = hook `{ $hook }` returned `{ $tier }`, which is not a tier
# A record the checker made up to show a finding.
example-scored = a record with { $values } (score { $score })
example = a record with { $values }
# A `test` block's value that does not fit.
tv-not-year = `{ $text }` is not a year
tv-item = `{ $item }` { $why }
tvw-not-grade = needs a grade; `{ $value }` is not one
tvw-not-grade-spelling = needs a grade; "{ $value }" is no grade's name, label or alias
tvw-out-of-range = must lie in 0..={ $max }
tvw-grade-not-number = needs a grade, not a number
tvw-grade-or-points = needs a grade or points
tvw-true-false = needs `true` or `false`
tvw-number = needs a number
tvw-date = needs a date
tvw-text = needs a quoted text
tvw-ref = needs the quoted id of a `{ $subject }` record
tvw-tier = needs a tier name
tvw-one-of = needs one of { $options }
# Why a test failed.
test-line = line { $line }: { $what }
test-no-record = expected a record `{ $id }`, but there is none
test-expected = `{ $id }`: expected { $want }, got { $got }
test-tier = tier { $tier }
test-tier-score = tier { $tier } with score { $score }
test-score = score { $score }
test-exempt = exempt
test-error = an error
test-error-was = an error: { $error }
test-count = expected { $want } { $subject } records at { $tier }, got { $got }
# explain: an aggregate a condition computed, and where a record stopped.
explain-aggregate = { $text } = { $value } ({ $matching } of { $counted } counted records match)
explain-stopped = stopped: { $why }
# Data that cannot be read at all (exit status 2).
fail-cannot-read = cannot read `{ $file }`: { $why ->
   *[other] { $text }
}
fail-not-data-file = `{ $file }` is not a data file: use `.csv`, `.json`, `.jsonl`, `.xlsx`, `.xls` or `.ods`
fail-damaged = cannot read `{ $file }` as a workbook ({ $why }): the file is damaged, protected by a password or not really a `.{ $ext }` file; open it and save it again
fail-ods-errors = `{ $file }` [{ $sheet }] holds formula errors (#N/A, #VALUE! …), which LibreOffice stores as empty cells: correct them, or save the sheet as .xlsx, where each is named by its cell
fail-no-sheet = `{ $file }` has no sheet `{ $want }`; its sheets are { $sheets }
fail-no-worksheet = `{ $file }` has no worksheet
fail-not-array = `{ $file }` must hold a JSON array of objects
fail-not-json = `{ $file }` is not valid JSON: { $why }
fail-no-such-subject = `--subject { $name }`: the plan has no such subject
fail-too-many-files = more than { $n } data files in one run
fail-too-many-lines = a data file has more lines than kehoach can number
fail-previous = `--previous { $file }`: { $why }
previous-cannot-read = cannot read the file: { $error }
previous-not-json = not the JSON of `kehoach eval --format json`: { $error }
previous-no-records = no `records` list (expected the JSON of `kehoach eval --format json`)
previous-no-id-or-tier = record [{ $index }] has no `id` or `tier`
previous-unknown-tier = record `{ $id }` has the tier `{ $tier }`, which this plan does not declare
# The command line: files it cannot write, outputs it cannot make.
cli-cannot-write = cannot write `{ $file }`: { $why ->
   *[other] { $error }
}
cli-cannot-make-memo = cannot make the memo: { $error }
cli-cannot-make-report = cannot make the report: { $error }
cli-out-is-data = `--out { $out }` names the data file `{ $data }`: the results would replace the members; choose another file
cli-xlsx-needs-out = `--format xlsx` writes a workbook: give `--out FILE.xlsx`
done-cannot-read = cannot read `{ $file }`: { $error }
done-not-utf8 = `{ $file }` is not valid UTF-8
done-no-column = `{ $file }` has no `{ $column }` column
