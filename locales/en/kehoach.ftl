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
fmt-cannot-write = cannot write `{ $file }`: { $error }

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
help-cmd = Check, run and compare evaluation plans (kế hoạch)
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
