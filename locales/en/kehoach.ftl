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

## Issue 19, remainder: last year's tier beside this year's (`--previous`) in the workbook and the report
w-previous-tier = Last year's tier
