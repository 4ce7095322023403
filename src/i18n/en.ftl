# atelier's messages in English: the keys and $values of fr.ftl.
# Project Fluent syntax (https://projectfluent.org/fluent/guide/): `key = text`; an indented line
# continues the text on a new line; `{ $name }` is a value the code gives; a count chooses its
# words with `{ $n -> [one] … *[other] … }` (French: 0 and 1 are `one`). Leading and trailing spaces
# of a text are dropped: write `{" "}` to keep one.

# The REPL
repl-greeting = atelier — type “help” for the commands, “quit” to leave; Enter: next section.
repl-resuming = Resuming where you left off: §{ $section } (#{ $anchor }).
repl-ctrl-c-again = (Ctrl-C once more to quit)
repl-goodbye = See you soon!

# Commands
progress-cleared = Progress cleared.
demo-unknown = unknown demo '{ $name }'.{ $hint } The demos:
    { $list }
demo-did-you-mean = Did you mean '{ $name }'?

# atelier lint
lint-builtin-course = built-in course

# Tables of contents
toc-key-questions = Key questions: { $count }
toc-exercise = Exercise { $number } — { $title }  [{ $id }]
toc-unknown-anchor = section `{ $anchor }` is not in { $lesson }; anchors: { $anchors }

# Checks and their outcomes (src/grader/checks, verdicts, cases, specs): keys `check-…`
# (each helper adds its messages at the end of its own section)

# Reports and exports (src/view, src/grader/export, grading a class, gradebook): keys `report-…`, `grade-…`
# (messages of this section)
report-heading = Exercise { $exercise } — { $title }  ({ $submission })
report-verdict-pass = PASSED
report-verdict-fail = FAILED
report-verdict-error = ERROR
report-score = Score : { $score }/{ $max } — { $verdict }
report-solution-unlocked = Well done! The reference solution can now be seen: in the REPL, `solution` shows it, to compare with yours.
report-no-verdict = No verdict: a check could not be judged here (marked ?). `atelier doctor` says what this machine allows and what to change.
report-statement = The statement: { $command }
report-every-case = Every case
report-case = Case `{ $name }`
report-case-run = case `{ $name }` : { $status } ({ $code }), { $wall } s
report-hidden-check = — (hidden check)
report-hint = hint:
report-program-output = the program's output:
report-nothing-came = (nothing came)
report-diff-expected = - expected
report-diff-got = + got
report-status-ok = finished
report-status-timeout = timeout
report-status-memory-limit = memory limit
report-status-process-limit = process limit
report-status-output-limit = output limit
report-status-signal = killed by a signal
report-status-internal-error = internal error
report-status-interrupted = interrupted
report-run = Run : { $status } ({ $code }), { $wall } s, CPU { $cpu } s (×{ $parallelism }), { $processes } processes ({ $busy } busy), peak memory { $memory_mb } MB{ $pinned ->
        [yes] , pinned to one CPU
       *[no] {""}
    }
report-leftovers-killed = { $count } processes still alive when the program ended were killed: did you forget join()?
report-output-truncated = output truncated (too long)
report-confinement = confinement : { $layers }
report-runs = Passed { $passed } of { $runs } ({ $pinned_passed } of { $pinned_runs } pinned to one CPU)
report-runs-every-cpu = all
report-runs-output = output #{ $number }
report-runs-distinct = { $count } distinct output(s) (PIDs and timings masked)
report-runs-distinct-output = output #{ $number } (×{ $count }) :
report-class-heading = Exercise { $exercise } — { $count ->
        [one] { $count } graded submission
       *[other] { $count } graded submissions
    }
report-class-empty = (nothing in the gradebook)
report-class-verdicts = Verdicts: { $list }
report-class-runs = Runs: { $list }
report-class-histogram = Score histogram (/{ $max })
report-class-no-failed-check = No check failed.
report-class-most-failed = Checks that failed most
report-feedback-heading = Exercise { $exercise }
report-feedback-pass = passed
report-feedback-fail = not passed yet
report-feedback-error = could not be judged
report-feedback-score = Score: { $score }/{ $max }
report-feedback-submission = Submission `{ $submission }`, graded on { $date }
report-feedback-checks = Checks
report-feedback-not-judged = not judged
report-feedback-after-due = details after the due date
report-feedback-hidden = hidden check
report-feedback-hint = Hint:
report-feedback-run = The run
report-feedback-end = End: { $status } ({ $code })
report-feedback-figures = Figures: { $wall } s, CPU { $cpu } s, { $processes } processes, peak memory { $memory_mb } MB
report-feedback-runs-passed = Runs passed: { $passed }/{ $runs }
report-feedback-stdout = The program's output
report-feedback-stderr = The program's errors
grade-autograder-not-graded = Your submission could not be graded; please tell your instructor:
grade-refused = refused: { $error }
grade-start = Grading { $exercise }: { $to_grade } to grade, { $unchanged } unchanged, { $not_graded } not graded — { $workers } at a time{ $shard }
grade-timing-sensitive = timing-sensitive exercise: one submission at a time (--jobs ignored)
grade-entry-not-graded = { $entry }: not graded — { $reason }
grade-progress-graded = { $verdict } { $score }/{ $max } (run { $status }, { $wall } s)
grade-progress-error = ERROR: { $error }
grade-summary = { $exercise }: { $graded } graded (pass { $pass }, fail { $fail }, error { $error }), { $unchanged } unchanged (not regraded), { $not_graded } not graded
grade-gradebook-in-memory = gradebook: in memory only (--gradebook FILE keeps the grades and resumes an interrupted batch)
grade-gradebook = gradebook: { $name } ({ $rows ->
        [one] { $rows } row for this exercise
       *[other] { $rows } rows for this exercise
    })
grade-not-graded-retry = { $count ->
        [one] { $count } submission could not be graded (running the command again retries it)
       *[other] { $count } submissions could not be graded (running the command again retries them)
    }: { $students } ({ $error })
grade-name-not-utf8 = the name is not valid UTF-8 (a student's name must be text)
grade-symbolic-link = a symbolic link: only real files and folders are graded
grade-special-file = neither a regular file nor a folder (a named pipe, a socket, a device): refused
grade-not-a-submission = not a submission: expected a folder `{ $student }/` or a file `{ $student }.py`
grade-file-and-folder = both `{ $student }.py` and a folder `{ $student }/`: which one to grade is not guessed
grade-empty-folder = an empty folder
grade-no-python-file = no `.py` file (expected `{ $expected }`; { $others } other files)
grade-python-files-none-named = { $count } `.py` files and none named `{ $expected }` ({ $files }): which one to grade is not guessed
grade-files-named = { $count } files named `{ $expected }` ({ $files }): which one to grade is not guessed
grade-bulk-download = { $problem }
grade-not-regular-file = not a regular file
grade-too-large = { $size } bytes: larger than the { $max_kib } KiB a submission may have
grade-unreadable = cannot read: { $error }
grade-coverage = { $exercise }: { $graded } of { $expected } graded
grade-coverage-missing = { $coverage }: missing { $students }
grade-coverage-and-more = { $students } and { $more } more
report-export-rows = { $format }: { $path } ({ $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    })
report-export-testsuites = junit: { $path } ({ $count ->
        [one] { $count } testsuite
       *[other] { $count } testsuites
    })
report-export-files = { $format }: { $path } ({ $count ->
        [one] { $count } file
       *[other] { $count } files
    })
report-junit-not-judged = the grader could not judge this run
report-no-submission-file = { $path }: no such file (the submission to check)
report-runs-at-least-one = --runs: at least 1
grade-stopped = grading stopped by { $signal ->
        [sigterm] SIGTERM
        [sigint] SIGINT (Ctrl-C)
       *[other] a stop request
    }: { $recorded } of { $total } submissions graded and recorded, the runs under way stopped and not recorded; the same command grades the rest
grade-internal-error = internal error while checking (please report it): { $what }
grade-jobs-at-least-one = --jobs: at least 1
grade-dir-required = DIR is required to grade: `atelier grade EXERCISE DIR` (without DIR, only `--gradebook FILE` with `--report` or `--export` reads what a gradebook holds)
grade-needs-class-folder = --regrade and --jobs need a class folder (DIR) to grade
grade-autograder-written = { $out }: Gradescope autograder for { $exercise } ({ $files } files; the binary { $glibc ->
        [static] is static
       *[other] needs glibc { $glibc }, Ubuntu 22.04 has 2.35
    })
grade-autograder-zip = { $zip }: the zip to upload
grade-merge-self = { $path }: the target itself, skipped
grade-merge-conflict = conflict: { $student } / { $exercise }: { $existing } ({ $existing_at }) in the merge so far, { $incoming } ({ $incoming_at }) in { $source }; kept the most recent, { $kept ->
        [latter] the latter
       *[former] the former
    }
grade-merge-summary = { $into }: { $read } rows read from { $inputs } gradebooks, { $added } added, { $same } already there, { $conflicts } conflicts (kept the most recent)

# The REPL, lessons, exercises workflow, derive, progress, commands: keys `repl-…`, `lesson-…`, `derive-…`
# (messages of this section)

# Live demos (src/demos): keys `demo-…`
# (messages of this section)

# Course and spec problems, lint (src/course, src/lint.rs, spec validation): keys `course-…`, `spec-…`, `lint-…`
# (messages of this section)
