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
