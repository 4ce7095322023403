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
check-cannot-judge = not judged: the processes were not observed exactly on this machine ({ $why }) ; `atelier doctor` says what to change
check-unjudged-because = { $found } ; { $cannot }
check-value-not-found = value not found in the output (no earlier check captured it): `{ $name }`
check-expression-error = { $error }
check-not-applicable = does not apply on this machine, points given ({ $when })
check-when-failed = when: { $reason }
check-when-not-boolean = { $when } = { $value }, not true/false
check-reference-not-run = the reference solution was not run
check-call-pending = judged by calling the functions
check-in-case = case `{ $case }` : { $reason }
check-on-cases = { $reason } ({ $count } { $count ->
        [one] case
       *[other] cases
    })
check-exit-killed = the program was killed by signal { $signal }{ $note }
check-exit-code = exit code { $code }
check-exit-code-wrong = exit code { $got }, expected { $expected }{ $exception }{ $note }
check-exit-raised = : the program raised an exception (read the last line of stderr)
check-exit-abnormal = the program did not end normally{ $note }
check-run-stopped = {" "}({ $what })
check-run-stopped-detail = {" "}({ $what }: { $detail })
check-run-timeout = time limit exceeded
check-run-memory-limit = memory limit exceeded
check-run-process-limit = too many processes (a fork bomb?)
check-run-output-limit = too much output
check-run-internal-error = sandbox internal error
check-run-interrupted = interrupted (Ctrl-C)
check-number-missing = the value `{ $var }` was not found in the output (the expected line is missing or has another form)
check-number = { $var } = { $got } (expected { $expected }{ $tolerance })
check-expression-true = { $expr } : true ({ $values })
check-expression-false = { $expr } : false ({ $values })
check-expression-not-boolean = { $expr } = { $value }, not true/false
check-expression-failed = { $expr } : { $reason }
check-max-not-a-number = max: { $expr } = { $value }
check-max-failed = max: { $expr }: { $reason }
check-bound-exactly = exactly { $n }
check-bound-between = between { $min } and { $max }
check-bound-at-least = at least { $min }
check-bound-at-most = at most { $max }
check-bound-any = any number
check-processes-started = { $count } processes started, the main program included (expected { $bounds })
check-processes-none = { $started }: the program created no process (threads or a direct computation do not count)
check-processes-too-many = { $started }: too many processes, one per task is costly (a Pool reuses its workers)
check-busy = { $busy } processes each did at least { $share } % of the computation (expected at least { $min }) ; CPU : { $cpu }
check-busy-at-once = { $busy } processes each did at least { $share } % of the computation, at the same time (expected at least { $min }) ; CPU : { $cpu }
check-busy-one-after-another = { $found }: the processes worked one after the other, not at the same time
check-busy-not-shared = { $found }: the computation was not shared between several processes
check-parallelism = parallelism { $parallelism } ({ $cpu } s CPU / { $wall } s) ; expected at least { $min }
check-parallelism-one-core = { $found }: only one core was working at a time
check-value-of = { $expr } = { $value }
check-wall = real duration { $wall } s
check-wall-at-least = ≥ { $expr } = { $bound } s
check-wall-at-most = ≤ { $expr } = { $bound } s
check-wall-and-bound = { $found } { $bound }
check-wall-too-short = { $wall } < { $expr } = { $bound } s ({ $values }): the printed durations are longer than the run itself, they were not measured
check-wall-too-long = { $wall } > { $expr } = { $bound } s ({ $values }): the run lasted much longer than what the program measured
check-streaming-bad-pattern = /{ $pattern }/ ?
check-streaming-none = no result line matches /{ $pattern }/
check-streaming = first result at { $first } s ({ $first_share } % of the run), last at { $last } s ; expected before { $before } %
check-streaming-one-burst = { $found }: the results all came together, not as they were ready
check-streaming-at-end = { $found }: the results all came at the end, not as they were ready
check-exact-same = same output
check-exact-differs = { $stream } differs from the expected output (see the diff)
check-contains = contains « { $text } »
check-contains-missing = { $stream } does not contain « { $text } »
check-regex-found = found « { $line } »
check-regex-found-captures = found « { $line } » ({ $captures })
check-regex-none = no line of the output has the expected form on { $stream }
check-lines-missing = { $count } expected line(s) missing: { $lines }
check-lines-extra = { $count } unexpected line(s): { $lines }
check-lines-present = { $count } expected lines present (any order)
check-count-lines = lines
check-count-lines-matching = lines matching /{ $pattern }/
check-count = { $count } { $what } (expected: { $bounds })
check-count-distinct = { $count } distinct results on the { $what } (expected: { $bounds })
check-count-distinct-repeated = { $count } distinct results on the { $what } (expected: { $bounds }) ; more than once: { $repeated }
check-reference-same = same output as the reference solution : { $count } line(s) compared
check-reference-count = the reference solution gives { $expected } comparable line(s), your program { $got }
check-reference-differs = the output differs from the reference solution's (see the diff)
check-source-ok = the source has what it needs
check-source-missing = the source does not contain /{ $patterns }/
check-source-present = the source contains « { $found } »
check-source-both = { $missing } ; { $present }
check-call-passed = { $calls }
check-call-no-return = { $call } : the call never returned (the program was stopped during the call: an endless loop that ignores interruptions?)
check-call-missing = the function `{ $function }` is not defined at the module's top level: the statement asks for a function of this name (functions defined : { $defined })
check-call-not-callable = `{ $function }` is not a function but a { $type_name }
check-call-signature = { $call } : your function's signature is `{ $signature }` ({ $error }) — its parameters must be those the statement asks for
check-call-timeout = { $call } : did not finish within { $seconds } s (an endless loop?)
check-call-raised = { $call } : raised { $type_name }: { $message }{ $line }
check-call-no-raise = { $call } should raise { $exception } but returned { $got }
check-call-wrong-type = { $call } returned { $got } ({ $got_type }), the expected type is { $type_name }
check-call-wrong-value = { $call } returned { $got }, expected { $expected }{ $note }{ $print_note }
check-call-note-type = {" "}— type { $got_type } instead of { $expected_type }
check-call-note-length = {" "}— not the right number of items
check-call-note-keys = {" "}— not the same keys
check-call-note-print = {" "}(does the function print its result instead of returning it?)
check-call-bad-spec = error in the spec (arguments): { $error }
check-call-other = { $call } : { $status }
check-call-at-line = {" "}(line { $line })
check-call-import-timeout = the module's top-level code did not finish within 5 s on import: what starts the program belongs under `if __name__ == "__main__":`
check-call-import-raised = importing the module failed (its top-level code raised) { $type_name }: { $message }{ $line }
check-call-import-endless = the module's top-level code runs forever (the program was stopped): what starts the program belongs under `if __name__ == "__main__":`
check-call-import-exit = the module ended the process on import (exit code { $code } ): no sys.exit/os._exit at the top level, put them under `if __name__ == "__main__":`
check-call-import-failed = the module could not be imported ({ $status })
check-call-import-failed-detail = the module could not be imported ({ $status }): { $detail }
check-call-import-stderr = { $reason }
    { $stderr }
check-only-unknown = exercise { $exercise }: no check is named `{ $name }` (checks: { $names })
check-reference-failed = { $file }: the reference solution itself failed ({ $status }, exit { $exit }): { $stderr }
check-inexact-method = { $method }

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
grade-stopped-mid-run = grading stopped before this run ended: not recorded
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
report-similar-title = Similar submissions
report-similar-none = none
report-similar-identical = identical: { $students }
report-similar-pair = { $percent } %  { $a } ~ { $b }  (lines { $lines })
report-similar-hashes-only = (without the class folder: only byte-identical submissions are found)
report-similar-threshold = (threshold { $percent } %; the starter's code does not count; for a person to look at, not a verdict)
report-lms-csv-written = lms-csv: { $path } ({ $rows } roster students, { $exercises })
report-not-on-roster = not on the roster: { $students }

# The REPL, lessons, exercises workflow, derive, progress, commands: keys `repl-…`, `lesson-…`, `derive-…`
# (messages of this section)
repl-help-title = Commands:
repl-help-help = this help
repl-help-toc = the lesson's table of contents (sections, anchors, demos, exercises)
repl-help-next = next section (Enter on an empty line does the same)
repl-help-prev = previous section
repl-help-goto = go to a section (number or anchor)
repl-help-show = show the current section again (or another one)
repl-help-solution = unfold the solution of exercise N (--give-up: before passing it, when the course asks)
repl-help-quiz = the key questions: your answer, then the model answer
repl-help-demo = the section's live demo (real processes), or the named one
repl-help-run = run the section's Python example with python3
repl-help-exercise = exercise N's statement and a starter file to complete (reset: restore it, the old one kept as .bak)
repl-help-exercises = every exercise, where you stand, and the next one to do
repl-help-edit = open your file of exercise N in $VISUAL / $EDITOR
repl-help-check = check your program (in a sandbox) and explain what is wrong
repl-help-hint = a hint for the current exercise
repl-help-watch = check again on every save (Ctrl-C stops)
repl-help-progress = your progress (progress reset clears it)
repl-help-lesson = the course's lessons, or switch to one (next: the following one)
repl-help-reload = re-read the course files (lessons, exercises) after an edit
repl-help-quit = quit (Ctrl-D too)
repl-help-keys = Enter on an empty line: next section. Ctrl-C clears the line (twice: quit), Ctrl-D quits.
repl-usage-goto = N|anchor
repl-usage-show = [N|anchor]
repl-usage-solution = N [--give-up]
repl-usage-demo = [name]
repl-usage-exercise = [reset] N
repl-usage-edit = N
repl-usage-check = N [file] [--only name]
repl-usage-hint = [N]
repl-usage-watch = N [file]
repl-usage-progress = [reset]
repl-usage-lesson = [N|slug|next|prev]
repl-unknown-command = Unknown command « { $word } ». (type “help” for the list)
repl-unknown-command-did-you-mean = Unknown command « { $word } ». Did you mean « { $name } » ? (type “help” for the list)
repl-lesson-end = End of the lesson. Type “quiz” for the key questions, “toc” for the contents, “lesson next” to go on.
repl-first-section = This is the first section.
repl-goto-usage = Usage: goto N|anchor (see “toc”)
repl-which-exercise = Which exercise? Numbers : { $numbers }
repl-no-solution = This exercise has no solution in the lesson.
repl-progress-unknown-argument = Unknown argument « { $argument } » (progress | progress reset)
repl-no-other-lesson = No other lesson that way.
repl-reload-builtin = The built-in course is compiled into atelier: nothing to re-read (start atelier --course DIR to edit a course).
repl-reload-no-lesson = No lesson loads: keeping the previous course.
repl-reloaded = Course re-read : { $lessons }, { $exercises }.
lesson-count = { $count ->
    [one] { $count } lesson
   *[other] { $count } lessons
}
repl-exercise-count = { $count ->
    [one] { $count } exercise
   *[other] { $count } exercises
}
repl-progress-not-saved = progress not saved : { $error }
repl-no-exercise-folder = No exercise folder for { $id }
repl-file-already-there = Your file (already there) : { $path }
repl-starter-written = Starter file written to : { $path }
repl-exercise-next-steps = Complete it, then « check { $number } » (or « watch { $number } »), a hint: « hint ».
repl-no-such-file = No such file : { $path } (see « exercise { $id } »)
repl-checking = Checking { $path } ({ $id })…
repl-check-interrupted = Check interrupted (Ctrl-C): every process of the program was stopped.
repl-passed = Passed! The reference solution: « solution { $number } ».
repl-hint = 💡 { $check } : { $text }
repl-watch-once = (no terminal: checking once)
repl-watching = Watching { $path } — Ctrl-C to stop
repl-watch-waiting = (waiting for a change…)
repl-watch-stopped = Stopped watching.
repl-status-not-started = not started
repl-status-started = started, not checked yet
repl-status-failing = failing { $score }/{ $max_score }
repl-status-passed = passed
repl-no-exercise-in-course = This course has no exercise.
repl-next-exercise = Next exercise: { $id } (« exercise { $number } »)
repl-all-passed = Every exercise has passed!
repl-file-kept = Your file is kept as : { $path }
repl-starter-restored = Starter restored in : { $path }
repl-no-editor = No editor: set VISUAL or EDITOR (for example export EDITOR=nano), or open { $path } (yourself)
repl-saved-check-it = Saved? Check it: « check { $number } ».
repl-solution-after-pass = The solution shows once the exercise has passed: « check { $number } ». To see it anyway (it is recorded): « solution { $number } --give-up ».
repl-quiz-none = This lesson has no key questions.
repl-quiz-question = Question { $index }/{ $total }: { $question }
repl-quiz-your-answer = Your answer ›{" "}
repl-quiz-stopped = Quiz stopped.
repl-quiz-model-answer = Model answer: { $answer }
repl-quiz-were-you-right = Were you right? (y/n) ›{" "}
repl-quiz-yes-or-no = Answer y or n.
repl-quiz-score = Right this time : { $right } ; in all : { $recorded }/{ $total }
repl-no-demo-in-course = This course has no demo.
repl-course-demos = The course's demos :
repl-unknown-demo = Unknown demo « { $name } ».
repl-no-demo-here = No demo for this section.
repl-other-demos = Another demo of this section (demo NAME) : { $names }
repl-no-example = This section has no Python example to run (for an exercise: “solution N”, then “check N”).
repl-run-start = ▶ python3 example.py (Ctrl-C to stop)
repl-exit-code = ◀ exit code { $code }
repl-pager-more = -- more ({ $shown }/{ $total }) : Enter/Space goes on, q stops --
repl-progress-counts = { $seen }/{ $sections } sections seen · quiz { $right }/{ $questions } · exercises passed { $passed }/{ $exercises }
repl-progress-unseen = not seen yet : { $sections }
repl-progress-place = Current place : { $lesson }#{ $section }
lesson-folded-solution = type « solution { $number } »
lesson-folded = folded
lesson-admonition-note = Note
lesson-admonition-tip = Tip
lesson-admonition-info = Info
lesson-admonition-warning = Warning
lesson-admonition-danger = Danger
lesson-tab = Tab « { $label } »
lesson-demos = ▶ Demo : { $names } (type “demo”)
derive-no-solution = { $file }: exercise { $number } has no Python solution in a <details> block: the plain scaffold was written (edit its spec by hand)
derive-file = file: { $file } (the name students save their program under)
derive-exit-status = exit status { $code } (what the solution ended with, { $runs } runs)
derive-concurrent = the solution imports { $module }: the order of its lines is not required
derive-output-lines = output: { $count } line(s) expected: { $lines }
derive-no-output = output: the solution prints nothing, so no output check
derive-expected-differs = note: the lesson's expected result has { $expected } line(s), the solution printed { $printed }: check the lesson
derive-no-named-function = the statement names no function in `name(…)` form: every function of the solution is considered
derive-traced-calls = { $count } call(s) of { $functions } recorded while the solution ran (it makes none with literal arguments)
derive-not-importable = the solution cannot be imported without running (its top level does the work): no call check; put the program under `if __name__ == "__main__":` in the lesson
derive-call-timeout = { $call } did not return in time: left out
derive-call-left-out = { $call }: { $why }: left out
derive-not-literal = returns a { $type_name }, which cannot be written as a literal
derive-call-ended = the solution's own call ended in `{ $status }`
derive-no-literal-call = { $function }: the solution never calls it with literal arguments, so no call check (add one to the spec by hand)
derive-returns-none = { $function }: returns None on every call (it prints): judged through the output only
derive-call-check = call check `{ $name }-returns`: { $count } call(s) of { $function } as the solution makes them, with the values it returns
derive-no-call-check = the solution calls none of its functions with literal arguments: no call check
derive-no-main-guard = the solution has no `if __name__ == "__main__":` block
derive-starter-comments = starter: the statement as comments (the solution has no function to leave empty)
derive-starter-todo = starter: the solution with every function body replaced by a TODO and `pass`
derive-starter-fallback = the emptied functions still passed (the checks read only the output): the starter is the statement as comments
derive-lines-left-out = { $count } line(s) did not come in every run: left out of the output check
derive-order-varies = the order of the lines changed between runs: any order is accepted
derive-numbers-masked = { $count } number(s) masked (they changed between runs or differ from the lesson's expected result, or are timings or PIDs)
derive-created = created: { $path }
derive-lint-hint = atelier lint { $dir }  # check it
repl-backup-failed = { $path }: cannot keep a copy ({ $error })
repl-no-lesson-loaded = no lesson could be loaded
repl-progress-unknown-action = unknown action `{ $action }` (expected `reset` or nothing)
repl-progress-unreadable = { $path }: cannot read ({ $error })
repl-progress-corrupt-set-aside = { $path }: corrupt progress file ({ $error }); set aside as { $aside }, starting afresh
repl-progress-corrupt = { $path }: corrupt progress file ({ $error }); starting afresh
derive-already-exists = { $path }: already exists (nothing was written)
derive-slug-empty = the lesson's slug must have letters or digits (e.g. `asyncio`)
derive-bad-exercise-id = exercise id `{ $id }`: expected <chapter>.<number>, such as 44.1
derive-no-lesson-create-first = no lesson { $chapter } in { $dir }: create it first (atelier new lesson { $chapter } SLUG), then this exercise
derive-no-exercise-section = { $file }: has no `### Exercice { $number } - Title {"{"}#anchor{"}"}` section to link exercise { $id } to
derive-no-lesson = no lesson { $chapter } in { $dir }
derive-no-exercise-section-for = { $file }: has no `### Exercice { $number } - Title {"{"}#anchor{"}"}` section for exercise { $id }
derive-solution-fails = { $file }: the solution of exercise { $number } does not run cleanly ({ $status }): { $last }
derive-exit-code-varies = { $file }: the solution's exit code changes from run to run
derive-solution-not-python = the lesson's solution is not valid Python: { $last }
derive-spec-fails-solution = the derived spec does not pass the lesson's own solution, so nothing was kept (its output may not be stable from run to run): { $failed }
    { $spec }

# Live demos (src/demos): keys `demo-…`
# (messages of this section)
demo-description-duel = the same CPU task on 2 threads under one global lock (a simulated GIL) vs 2 processes; and memory: isolated between processes, shared between threads
demo-description-process = two child processes each compute sum(i*i for i in range(10**7)), joined by the parent
demo-description-main-guard = without `if __name__ == "__main__"`, spawn re-runs the launch code: the process tree, bounded
demo-description-pool = Pool.map of the squares of 1 to 8 on a pool of one process per core, with each one's PID
demo-description-queue = a producer and a consumer in two processes; the blocking get
demo-description-ipc-cost = sending a large payload through a Queue vs computing where the data is: the serialisation cost, measured
demo-description-primes = the race: primes in range(100_000, 300_000) sequentially, then in 4 chunks on a Pool
demo-description-thumbnails = 10 simulated images (0.5 s each) with imap_unordered: the results arrive in batches of N cores
demo-description-counter = 10 processes × 100 increments of a shared Value with its Lock: 1000; --no-lock: the lost updates
demo-description-startup-cost = question 4: 100 processes for 100 small tasks vs a Pool of 4, measured
demo-heading = demo { $name } — { $description }
demo-summary-title = — Measured —
demo-loaded-machine = ⚠ The processes did not each get a free core: other programs are busy on this machine, and the times show it. Run the demo again when it is idle.
demo-digit-group-separator = ,
demo-interrupted = interrupted (Ctrl-C): every child process was stopped and reaped.
demo-course-has-none = This course has no demo.
demo-not-in-course = this course has no demo '{ $name }' (its demos: { $names })
demo-python-missing = python3 was not found: install it to run the lesson's examples (Debian/Ubuntu: `apt install python3`; otherwise https://www.python.org/downloads/).
demo-python-time-limit = ⏱ time limit reached ({ $seconds } s): the example and its processes were stopped.
demo-counter-prompt = { $processes } processes together increment a shared counter starting at 0: { $locked } times each with the lock, { $unlocked } times each without. What final value do you predict?
demo-counter-intro-locked = { $processes } processes × { $increments } increments of Value('i', 0), each under `with lock:`. Expected: { $expected }.
demo-counter-intro-unlocked = { $processes } processes × { $increments } increments WITHOUT the lock: counter.value += 1 reads the shared value, then writes value + 1. ({ $increments } rather than 100 per process: in 100, one process is done before the other starts, and the race is too rare to see.) Expected if nothing is lost: { $expected }.
demo-counter-dealt-out = The processes are dealt out over the cores and wait for one start signal, so that they really overlap.
demo-counter-run = run { $run }/{ $runs }: final value { $value } ({ $lost } update(s) lost) in { $time }
demo-counter-histogram = Final values (◀: the expected value)
demo-counter-expected = expected
demo-counter-measured = measured
demo-counter-range = from { $min } to { $max }
demo-counter-runs-losing = runs that lost updates
demo-counter-prediction = your prediction
demo-counter-prediction-seen = { $prediction }: seen in { $hit } run(s) of { $runs }
demo-counter-lesson-locked = The lock makes "read, add 1, write" indivisible: no update is lost.
demo-counter-lesson-unlocked = Without the lock, two processes sometimes read the same value and each write value + 1: one update vanishes. With `with lock:` (or counter.get_lock()), none does.
demo-counter-ready = ready, waiting for the start
demo-counter-go = go!
demo-counter-done = did its { $increments } increments
demo-duel-task = The task: count the primes below { $limit } (pure computation). The same task twice, at the same time. Parent: pid { $parent }.
demo-duel-act-processes-time = 1. Two processes: time
demo-duel-act-processes-memory = 2. Two processes: memory
demo-duel-act-threads-time = 3. Two threads under one global lock (a simulation of CPython's GIL): time
demo-duel-simulation = Simulation: one Mutex for the whole process; each thread holds it while computing (in slices, as CPython hands the GIL over every 5 ms). Only one thread computes at a time.
demo-duel-act-threads-memory = 4. Two threads: memory
demo-duel-row = { $time }, { $cores } core(s) busy
demo-duel-two-processes = 2 processes
demo-duel-two-threads = 2 threads + simulated GIL
demo-duel-processes-are = processes are
demo-duel-faster = { $speedup } × faster
demo-duel-changed-by-child = variable changed by the child
demo-duel-child-sees = the child sees { $child }, the parent still sees { $parent }
demo-duel-changed-by-thread = variable changed by a thread
demo-duel-process-sees = the process sees { $value }
demo-duel-process-starts = starts: its own interpreter, its own GIL
demo-duel-process-done = done: { $primes } primes
demo-duel-wall-cpu = wall: { $wall }, CPU: { $cpu }
demo-duel-thread-starts = thread { $thread } starts (same pid: same process, same memory)
demo-duel-thread-done = thread { $thread } done: { $primes } primes
demo-duel-child-sets = the child sets variable = 42 and sees { $seen }
demo-duel-parent-reads = the parent reads variable: { $value } (isolated memory)
demo-duel-thread-sets = a thread sets variable = 42; the process reads { $value } (shared memory)
demo-queue-intro = q = Queue(); the consumer starts first, then the producer
demo-queue-data = Important data
demo-queue-consumer-blocked = consumer: data = q.get()  ⏳ blocked, the queue is empty
demo-queue-producer-works = producer: works { $time } before it has its data
demo-queue-producer-sent = 📤 Producer sent the data
demo-queue-consumer-received = 📥 Consumer received: { $data }  (after waiting { $time })
demo-queue-producer = producer
demo-queue-consumer = consumer
demo-queue-get-blocked = get() blocked for
demo-queue-put-to-receipt = from put() to receipt
demo-queue-lesson = get() uses no CPU while it waits: the process sleeps until data arrives.
demo-primes-intro = Count the primes in range({ $from }, { $to }), sequentially, then in { $chunks } chunks on a Pool of { $cores } processes. Each measurement chains { $passes } passes over the whole range (one pass takes a few milliseconds, the order of waking a process: repeated, the measurement is about the computing); each side is measured { $runs } times and the best kept (other programs share this machine).
demo-primes-balanced = The 4 chunks are balanced: testing a large number costs more than a small one, so each chunk takes slices spread over the whole range (4 consecutive quarters would leave the last worker finishing alone).
demo-primes-pool-started = Pool({ $cores }) started in { $time }: workers { $workers }
demo-primes-run = run { $run }/{ $runs }: sequential { $sequential } a pass (found: { $found_sequential }), parallel { $parallel } a pass (found: { $found_parallel })
demo-primes-best-run = The best parallel run
demo-primes-chunk = chunk { $chunk }: { $primes } primes in { $time }
demo-primes-where = Where each chunk ran (best measurement)
demo-primes-found = primes found
demo-primes-sequential = sequential
demo-primes-parallel = parallel
demo-primes-parallel-on = { $time } on { $cores } cores
demo-primes-speedup = speedup
demo-primes-in-parallel = in parallel
demo-primes-chunks-at-once = { $chunks } chunks at once on average
demo-primes-pool-start = Pool start
demo-primes-pool-start-counted = { $time } (counted in: speedup { $speedup } ×)
demo-pool-started = with Pool() as pool: { $cores } workers (one per core), started in { $time }: { $workers }
demo-pool-result = Input: { $input }, Square: { $square }, PID: { $pid }
demo-pool-in-order = map returns the results in the order of the inputs, whichever worker computed them.
demo-pool-who = Who computed what, and when
demo-pool-workers = workers
demo-pool-tasks-per-worker = tasks per worker
demo-pool-map = map
demo-pool-start = Pool start
demo-ipc-data = The data: { $len } 64-bit integers ({ $mb } MB). The task: add them up.
demo-ipc-act-queue = 1. Sending the data through a Queue
demo-ipc-put = q.put(data): serialisation, copy through the kernel…
demo-ipc-received = received and deserialised the list after { $time }
demo-ipc-sum-computed = sum = { $sum }, computed in { $time }
demo-ipc-act-in-place = 2. Computing where the data is
demo-ipc-built-itself = built its data itself
demo-ipc-sum-back = sum = { $sum }; only 8 bytes go back to the parent
demo-ipc-sending = sending through the Queue
demo-ipc-sending-total = { $time } in all (transfer ≈ { $rate } MB/s)
demo-ipc-in-place = computing in place
demo-ipc-ratio = ratio
demo-ipc-same-sum = same sum
demo-ipc-lesson = In Python, pickle adds its own cost: send little, compute near the data.
demo-process-creates = the parent creates p1 and p2 (Process(target=cpu_heavy_task)), then start()
demo-process-starts = 🔥 Process { $name } starts on the CPU
demo-process-done = ✅ Process { $name } done. Result: { $result }
demo-process-join = join() on p1 and p2…
demo-process-all-done = 🏁 All done
demo-process-row = process { $name } (pid { $pid })
demo-process-done-at = { $result }, done at +{ $time }
demo-process-total-time = total time
demo-thumbnails-intro = { $images } images, { $work } of work each, on a Pool of { $cores } processes: expect batches of { $cores } every { $work }.
demo-thumbnails-start = Processing starts…
demo-thumbnails-arrived = ✅ { $image } (arrived at { $time })
demo-thumbnails-done = Processing done.
demo-thumbnails-each = Each image, on its process
demo-thumbnails-first = first result
demo-thumbnails-last = last result
demo-thumbnails-batches = batches
demo-thumbnails-sequentially = sequentially
demo-thumbnails-sequential-here = { $sequential } (here { $here })
demo-guard-spawn = With the "spawn" start method (Windows, macOS), each child is a fresh interpreter that re-imports the main module. Unguarded, that import runs the launch code again: each child starts 2 processes too.
demo-guard-atelier-too = atelier does the same: it re-executes itself (atelier __spawn-child), bounded to { $depth } generations and { $limit } processes. Parent: pid { $parent }.
demo-guard-act-without = 1. Without the guard
demo-guard-act-with = 2. With `if __name__ == "__main__":`
demo-guard-unguarded = unguarded
demo-guard-unguarded-tree = { $processes ->
    [one] { $processes } process
   *[other] { $processes } processes
} in { $time } (per generation: { $generations })
demo-guard-guarded = guarded
demo-guard-guarded-tree = { $processes ->
    [one] { $processes } process
   *[other] { $processes } processes
} in { $time }
demo-guard-unbounded = unbounded
demo-guard-unbounded-tree = { $processes } processes after 10 generations, and growing
demo-guard-node-relaunches = generation { $generation } (parent { $parent }): re-imports the main module; unguarded, the launch code runs again → starts { $fanout } processes
demo-guard-node-bound = generation { $generation } (parent { $parent }): atelier stops here (its bound); Python would go on
demo-guard-node-guarded = re-imports the main module; there __name__ is "__mp_main__", the launch is skipped: it only runs its task (parent { $parent })
demo-guard-tree-root = pid { $pid } (the main script)
demo-startup-act-processes = 1. { $tasks } processes, one per task
demo-startup-task-done = task { $task } done, then the process ends
demo-startup-more-processes = … { $count } more processes …
demo-startup-act-pool = 2. A Pool of { $workers } for the { $tasks } tasks
demo-startup-worker = worker: { $tasks ->
    [one] { $tasks } task
   *[other] { $tasks } tasks
}, one start-up
demo-startup-processes = { $tasks } processes
demo-startup-pool = Pool({ $workers })
demo-startup-pool-is = the Pool is
demo-startup-faster = { $ratio } × faster
demo-startup-same-results = same results
demo-startup-lesson = Starting a process costs far more than a small task: a Pool pays that cost 4 times, not 100.
demo-timeline-hidden = … { $count ->
    [one] { $count } more process, drawn the same way
   *[other] { $count } more processes, drawn the same way
}
demo-timeline-legend = Timeline (duration { $duration } s ; █ computing ░ waiting)
demo-timeline-main = main
demo-timeline-cores = cores

# Course and spec problems, lint (src/course, src/lint.rs, spec validation): keys `course-…`, `spec-…`, `lint-…`
# (messages of this section)
course-not-utf8 = not UTF-8 text (save the lesson as UTF-8)
course-empty-lesson = empty lesson (expected a `# Title` and `##` sections)
course-frontmatter-unclosed = frontmatter opened with `---` is never closed (expected a `---` line)
course-frontmatter-invalid = invalid frontmatter: { $detail }
course-wrapped-in-fence = the lesson is wrapped in a code fence ({ $fence }), so all of it would show as code: remove this line and the fence that closes it
course-fence-unclosed = code fence is never closed (expected a line of { $fence })
course-duplicate-anchor = duplicate anchor `{ $anchor }` (first used on line { $first })
course-probably-summary = { $problem } — probably because of line { $line }: leave a blank line after </summary>
course-details-unclosed = <details> is never closed (expected </details>)
course-admonition-unclosed = admonition `:::` is never closed (expected a `:::` line)
course-tab-unclosed = <TabItem> is never closed (expected </TabItem>)
course-tab-close-unopened = </TabItem> without an opening <TabItem>
course-details-close-unopened = </details> without an opening <details>
course-demos-anchor-unknown = frontmatter links demos to `{ $anchor }`, which is not a section anchor
course-questions-unrecognised = the key-questions section has content but no question was recognised (expected a numbered list with the question in bold and the answer below, a bullet list with *Réponse : …*, or one ### per question)
course-admonition-close-stray = `:::` closes no admonition and is ignored
course-demo-before-section = a demo link before the first section is ignored
course-summary-outside-details = <summary> outside <details> is ignored
course-fence-in-html = a code fence is inside an HTML block and shows as raw text on a web site: leave a blank line after </summary>
course-number-ambiguous = chapter number { $number } is ambiguous: { $count } lessons have it ({ $slugs }); `show { $number }` cannot choose, their slugs work
course-lesson-ambiguous = chapter { $key } is ambiguous: { $count } lessons have this number ({ $slugs }); give the slug
course-lesson-unknown-none-loads = unknown lesson `{ $key }`: this course has no lesson that loads
course-lesson-unknown = unknown lesson `{ $key }`; lessons: { $known }
course-link-loop = a symbolic link loop: not followed
course-link-dangling = a symbolic link that leads nowhere ({ $error }): not followed
course-link-outside = a symbolic link out of the course folder (to { $target }): not followed
course-link-back = a symbolic link back to { $target } (a loop, or read already): not followed
course-config-invalid = { $detail }
course-exercise-no-spec = an exercise folder needs exercise.yaml (the spec)
spec-missing = missing
spec-not-utf8 = not UTF-8 text
spec-id-mismatch = id: the spec says `{ $id }` but the folder is exercise `{ $folder }`
spec-yaml = { $detail }
spec-version = version: this atelier reads spec version { $expected }, found { $found }
spec-checks-empty = checks: at least one check is needed
spec-run-no-file = run: the command must contain {"{"}file{"}"}
spec-file-name = file: `{ $file }` must be a plain file name such as `premiers.py`
spec-limit-seconds = limits: { $key }: { $value } is not a number of seconds in 0..3600
spec-limit-range = limits: { $key }: { $value } is not in 1..={ $max }
spec-busy-share = busy_share: a share between 0 and 1
spec-in-check = check `{ $name }`: { $key }: { $problem }
spec-check-name-taken = this name is used by another check
spec-expression-invalid = not a valid expression: { $error }
spec-variable-unknown = unknown variable `{ $name }` (known here: { $known }; a capture must come from a `regex` check above)
spec-regex-invalid = not a valid regex: { $error }
spec-patterns-empty = at least one pattern is needed
spec-tolerance-negative = a tolerance is a number ≥ 0
spec-not-fraction = { $value } is not a fraction between 0 and 1
spec-call-in-case = a call check runs in its own run (the harness's), not in a case
spec-detail = { $detail }
lint-section-no-anchor = section `{ $title }` has no anchor: add {"{"}#{ $anchor }{"}"} so that links and progress survive a change of title
lint-demo-unknown = section `{ $anchor }` links to unknown demo `{ $demo }` (demos: { $known })
lint-lesson-number-unknown = lesson: no lesson has chapter number { $number }
lint-anchor-not-section = anchor: `{ $anchor }` is not a section of { $lesson } (anchors: { $anchors })
lint-run-missing = run: `{ $program }` is not installed on this machine (looked in { $path }): the solution and the starter cannot be run
lint-file-missing = missing ({ $name } is required)
lint-checking = checking { $file } …
lint-ok = ok
lint-problem = PROBLEM
lint-could-not-check = could not be checked: { $error }
lint-solution-failed = the reference solution must pass its spec, but failed: { $failed }
lint-starter-passes = the starter passes its spec: the checks cannot tell unfinished work from done
lint-starter-ends = the starter must fail its checks, not end in `{ $verdict }`
lint-lessons = { $count ->
    [one] { $count } lesson
   *[other] { $count } lessons
}
lint-exercises = { $count ->
    [one] { $count } exercise
   *[other] { $count } exercises
}
lint-solutions = { $count ->
    [one] { $count } solution checked
   *[other] { $count } solutions checked
}
lint-starters = { $count ->
    [one] { $count } starter checked
   *[other] { $count } starters checked
}
lint-problems = { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}
lint-summary = { $place }: { $lessons }, { $exercises }, { $solutions } (must pass), { $starters } (must fail) — { $problems }
course-not-a-folder = { $path }: not a course folder (expected a folder with lessons/ and exercises/, or a site's docs/)
course-folder-unresolved = { $path }: cannot resolve the folder: { $error }
course-folder-unreadable = { $path }: cannot read the folder: { $error }
course-file-unreadable = { $path }: cannot read: { $error }


# serde's own error messages (src/i18n/serde_words.rs), inside spec and frontmatter problems:
# keys `serde-…`. In English, serde's own words.
serde-in-check = check `{ $name }`: { $detail }
serde-at-path = { $path }: { $detail }
serde-as-written = { $text }
serde-unknown-field = unknown field `{ $name }`, expected { $expected }
serde-unknown-field-none = unknown field `{ $name }`, there are no fields
serde-unknown-variant = unknown variant `{ $name }`, expected { $expected }
serde-unknown-variant-none = unknown variant `{ $name }`, there are no variants
serde-missing-field = missing field `{ $field }`
serde-duplicate-field = duplicate field `{ $field }`
serde-one-of = one of { $names }
serde-either = { $first } or { $second }
serde-invalid-type = invalid type: { $found }, expected { $expected }
serde-invalid-value = invalid value: { $found }, expected { $expected }
serde-invalid-length = invalid length { $length }, expected { $expected }
serde-found-boolean = boolean { $value }
serde-found-integer = integer { $value }
serde-found-float = floating point { $value }
serde-found-string = string { $value }
serde-found-sequence = sequence
serde-found-map = map
serde-found-null = unit value
serde-expected-string = a string
serde-expected-boolean = a boolean
serde-expected-sequence = a sequence
serde-expected-map = a map
serde-expected-unsigned = a non-negative integer
serde-expected-integer = an integer
serde-expected-number = a number

# Grading's own files (src/grader: roster, gradebook, merge, exports): why one cannot be used.
# keys `roster-…`, `gradebook-…`, `file-…`; the cause (a system error) follows after ": ".
roster-unreadable = { $path }: cannot read the roster
roster-header = { $path }:1: cannot read the header row
roster-no-id = { $path }:1: no `id` column (the header has: { $columns }); expected id, and folder, name, email
roster-not-csv = { $path }: not CSV
roster-id-empty = { $path }:{ $line }: the id is empty
roster-id-twice = { $path }:{ $line }: id `{ $id }` is already on line { $before }
roster-folder-twice = { $path }:{ $line }: folder `{ $folder }` is already on line { $before }
roster-empty = { $path }: no student (only a header row)
gradebook-open = { $path }: cannot open the gradebook
gradebook-missing = { $path }: no such gradebook
gradebook-busy-timeout = { $path }: cannot set a busy timeout
gradebook-not-sqlite = { $path }: not a SQLite database
gradebook-foreign = { $path }: not an atelier gradebook (a SQLite file of something else); refusing to write into it
gradebook-newer = { $path }: gradebook schema { $version } is newer than this atelier reads ({ $supported }); update atelier
gradebook-wal = { $path }: cannot switch to WAL
gradebook-wal-refused = { $path }: the file system refused WAL mode (got `{ $mode }`)
gradebook-table = { $path }: cannot create the gradebook's table
gradebook-record = { $path }: cannot record { $student }'s grade
gradebook-damaged-row = { $path }: a damaged row
gradebook-column = { $student } / { $exercise }: column `{ $column }`
gradebook-merge-copy = { $path }: cannot copy the gradebook to merge into it
file-create-folder = { $path }: cannot create the folder
file-write = { $path }: cannot write
file-not-utf8-path = { $path }: not a UTF-8 path
file-temp = { $path }: cannot create a temporary file
file-zip-add = { $path }: cannot add { $name }
file-read = { $path }: cannot read
class-unreadable = { $path }: cannot read the class folder
class-not-folder = { $path }: not a folder (expected a class folder: DIR/<student>/… or DIR/<student>.py)
lock-not-folder = { $path }: not a folder (a link or a file): refusing to keep the grading lock there
lock-foreign-folder = { $path }: owned by uid { $uid } with mode { $mode }: the grading lock's folder must be this user's (uid { $me }) and writable by no one else
lock-open = { $path }: cannot open the grading lock
lock-take = { $path }: cannot take the grading lock
export-syntax = --export `{ $text }`: expected FORMAT:PATH with FORMAT one of { $formats }
export-path-empty = --export `{ $text }`: the path after `{ $format }:` is empty
export-format-unknown = --export `{ $text }`: unknown format `{ $format }` (known: { $formats })
grade-shard-syntax = --shard `{ $text }`: expected K/N with 1 ≤ K ≤ N, such as 1/4
grade-similarity-threshold = --similarity-threshold { $value }: expected a share between 0 and 1 (such as 0.8)
grade-submission-unreadable = { $path }: cannot read the submission
grade-exporting-from = exporting from { $path }
check-reference-missing = { $path }: no { $name }
check-sandbox-failed = the sandbox could not run the submission
check-sandbox-failed-case = the sandbox could not run the submission (case `{ $case }`)
file-temp-folder = cannot create a temporary folder
file-set-mode = { $path }: cannot set its mode
file-remove = { $path }: cannot remove
check-sandbox-failed-reference = the sandbox could not run the reference
derive-sandbox-failed = the sandbox could not run the lesson's solution
derive-python-missing = cannot run python3 to read the solution (is python3 installed?)
derive-written-does-not-load = the written exercise folder does not load
autograder-no-submission = { $path }: no submission folder
autograder-no-binary = cannot find this atelier binary to ship
progress-no-home = cannot find the home directory for atelier's data

# Runs (src/sandbox): why the sandbox stopped a run; keys `run-…`
run-output-limit = output over the limit of { $bytes } bytes
run-setup-failed = sandbox setup failed while { $step }: { $error }
run-lost-init = the run's PID 1 ended unexpectedly
run-lost-init-signal = the run's PID 1 ended unexpectedly (killed by signal { $signal })
run-lost-init-exit = the run's PID 1 ended unexpectedly (exit code { $code })
run-survivors = { $count } processes of the run could not be killed
run-wall-limit = wall clock limit of { $seconds } s reached
run-interrupted = stopped by Ctrl-C
run-signal = killed by signal { $signal } ({ $name })
run-process-limit = could not start more than { $count } processes and threads
run-memory-limit = memory over the limit of { $mib } MiB
run-cpu-limit = CPU time limit of { $seconds } s reached

# atelier doctor (src/sandbox/doctor.rs): what this machine allows; keys `doctor-…`
doctor-yes = yes
doctor-no = no
doctor-exact = exact
doctor-not-exact = NOT exact
doctor-counting = process counting: { $method }
doctor-verdicts = verdicts on processes and CPU: { $exact }
doctor-to-change = to change: { $advice }
doctor-layer-uid = a dedicated unprivileged uid per run (root only)
doctor-layer-namespaces = PID, network, mount, IPC, UTS namespaces under our PID 1
doctor-layer-namespaces-user = the same, hanging off an unprivileged user namespace
doctor-layer-refused = refused
doctor-layer-cgroup = per-run cgroup { $kind }: pids.max, memory.max, CPU totals, kill
doctor-layer-cgroup-none-root = no writable cgroup hierarchy (a container without cgroup delegation)
doctor-layer-cgroup-none-user = no delegated cgroup for this user (e.g. `systemd-run --user --scope -p Delegate=yes`); limits fall back to rlimits and the tracer's count
doctor-layer-subreaper = orphans come back to the grader (used without a PID namespace)
doctor-layer-ptrace = every process and thread of a run followed exactly
doctor-layer-ptrace-refused = { $why }
doctor-layer-proc-connector = kernel fork/exit events (root, initial PID namespace only); the fallback of ptrace
doctor-layer-pidfd = race-free signals and waits
doctor-layer-close-range = inherited descriptors closed at once
doctor-ptrace-switched-off = ptrace is switched off by { $var }: unset it for exact counts
doctor-layer-switched-off = switched off by { $var }
doctor-ptrace-refused = ptrace on the grader's own child is refused ({ $why }){ $yama }{ $seccomp }
doctor-yama-admin-only = ; Yama's kernel.yama.ptrace_scope is 2 (admin only): run the grader with CAP_SYS_PTRACE, or set it to 1
doctor-yama-no-ptrace = ; Yama's kernel.yama.ptrace_scope is 3 (no ptrace at all, until reboot): boot with a lower value
doctor-seccomp-filter = ; a seccomp filter is in force (a container): allow ptrace in its profile (Docker's default profile allows it on kernels ≥ 4.8; `--security-opt seccomp=…`)
doctor-namespaces-switched-off = namespaces are switched off by { $var }
doctor-no-namespaces = no PID/network/mount namespaces for runs (a run could see the network and the files its uid may read): { $cause }
doctor-namespaces-need-cap-sys-admin = creating namespaces needs CAP_SYS_ADMIN, which this container lacks
doctor-namespaces-apparmor = AppArmor refuses unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns=1); set it to 0 or give atelier an AppArmor profile with `userns`
doctor-namespaces-userns-clone = kernel.unprivileged_userns_clone=0; set it to 1
doctor-namespaces-max-user = user.max_user_namespaces=0; raise it
doctor-namespaces-refused-other = unprivileged user namespaces are refused (a seccomp filter or a sysctl)
doctor-sampled = processes are sampled from /proc (a short-lived process may be missed)
doctor-sampled-because = processes are sampled from /proc (a short-lived process may be missed): { $ptrace }
doctor-degraded = atelier: verdicts on processes and CPU are not exact on this machine ({ $why }); see `atelier doctor`
doctor-connector-lost = the proc connector lost events (socket overflow)
