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

# Course and spec problems, lint (src/course, src/lint.rs, spec validation): keys `course-…`, `spec-…`, `lint-…`
# (messages of this section)
