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

# Reports and exports (src/view, src/grader/export, grading a class, gradebook): keys `report-…`, `grade-…`
# (messages of this section)

# The REPL, lessons, exercises workflow, derive, progress, commands: keys `repl-…`, `lesson-…`, `derive-…`
# (messages of this section)

# Live demos (src/demos): keys `demo-…`
# (messages of this section)

# Course and spec problems, lint (src/course, src/lint.rs, spec validation): keys `course-…`, `spec-…`, `lint-…`
# (messages of this section)
