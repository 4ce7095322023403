# atelier's messages in French, the reference catalog (every other language has the same keys and
# the same $values).
# Project Fluent syntax (https://projectfluent.org/fluent/guide/): `key = text`; an indented line
# continues the text on a new line; `{ $name }` is a value the code gives; a count chooses its
# words with `{ $n -> [one] … *[other] … }` (French: 0 and 1 are `one`). Leading and trailing spaces
# of a text are dropped: write `{" "}` to keep one.

# The REPL
repl-greeting = atelier — tapez « aide » pour les commandes, « quitter » pour sortir ; Entrée : section suivante.
repl-resuming = Reprise là où vous en étiez : §{ $section } (#{ $anchor }).
repl-ctrl-c-again = (Ctrl-C encore une fois pour quitter)
repl-goodbye = À bientôt !

# Commands
progress-cleared = Progression effacée.
demo-unknown = démo inconnue « { $name } ».{ $hint } Les démos :
    { $list }
demo-did-you-mean = Vouliez-vous dire « { $name } » ?

# atelier lint
lint-builtin-course = cours intégré

# Tables of contents
toc-key-questions = Questions clés : { $count }
toc-exercise = Exercice { $number } — { $title }  [{ $id }]
toc-unknown-anchor = section `{ $anchor }` inconnue dans { $lesson } ; ancres : { $anchors }

# Checks and their outcomes (src/grader/checks, verdicts, cases, specs): keys `check-…`
# (each helper adds its messages at the end of its own section)
check-cannot-judge = non jugée : les processus n'ont pas été observés exactement sur cette machine ({ $why }) ; `atelier doctor` dit ce qu'il faut changer
check-unjudged-because = { $found } ; { $cannot }
check-value-not-found = valeur introuvable dans la sortie (aucune vérification précédente ne l'a capturée) : `{ $name }`
check-expression-error = { $error }
check-not-applicable = ne s'applique pas sur cette machine, points accordés ({ $when })
check-when-failed = when: { $reason }
check-when-not-boolean = { $when } = { $value }, not true/false
check-reference-not-run = la solution de référence n'a pas été exécutée
check-call-pending = jugée par l'appel des fonctions
check-in-case = cas `{ $case }` : { $reason }
check-on-cases = { $reason } ({ $count } cas)
check-exit-killed = le programme a été tué par le signal { $signal }{ $note }
check-exit-code = code de sortie { $code }
check-exit-code-wrong = code de sortie { $got }, attendu { $expected }{ $exception }{ $note }
check-exit-raised = {" "}: le programme a levé une exception (lisez la dernière ligne de stderr)
check-exit-abnormal = le programme n'a pas terminé normalement{ $note }
check-run-stopped = {" "}({ $what })
check-run-stopped-detail = {" "}({ $what }: { $detail })
check-run-timeout = temps dépassé
check-run-memory-limit = mémoire dépassée
check-run-process-limit = trop de processus (une bombe fork ?)
check-run-output-limit = sortie trop longue
check-run-internal-error = erreur interne du bac à sable
check-run-interrupted = interrompu (Ctrl-C)
check-number-missing = la valeur `{ $var }` n'a pas été trouvée dans la sortie (la ligne attendue manque ou n'a pas la bonne forme)
check-number = { $var } = { $got } (attendu { $expected }{ $tolerance })
check-expression-true = { $expr } : vrai ({ $values })
check-expression-false = { $expr } : faux ({ $values })
check-expression-not-boolean = { $expr } = { $value }, pas vrai/faux
check-expression-failed = { $expr } : { $reason }
check-max-not-a-number = max: { $expr } = { $value }
check-max-failed = max: { $expr }: { $reason }
check-bound-exactly = exactement { $n }
check-bound-between = entre { $min } et { $max }
check-bound-at-least = au moins { $min }
check-bound-at-most = au plus { $max }
check-bound-any = n'importe quel nombre
check-processes-started = { $count } processus lancé(s), le programme principal compris (attendu { $bounds })
check-processes-none = { $started } : le programme n'a créé aucun processus (des threads ou un calcul direct ne comptent pas)
check-processes-too-many = { $started } : trop de processus, un par tâche coûte cher (un Pool réutilise ses ouvriers)
check-busy = { $busy } processus ont fait chacun au moins { $share } % du calcul (attendu au moins { $min }) ; CPU : { $cpu }
check-busy-at-once = { $busy } processus ont fait chacun au moins { $share } % du calcul, en même temps (attendu au moins { $min }) ; CPU : { $cpu }
check-busy-one-after-another = { $found } : les processus ont travaillé l'un après l'autre, pas en même temps
check-busy-not-shared = { $found } : le calcul n'a pas été réparti entre plusieurs processus
check-parallelism = parallélisme { $parallelism } ({ $cpu } s CPU / { $wall } s) ; attendu au moins { $min }
check-parallelism-one-core = { $found } : un seul cœur travaillait à la fois
check-value-of = { $expr } = { $value }
check-wall = durée réelle { $wall } s
check-wall-at-least = ≥ { $expr } = { $bound } s
check-wall-at-most = ≤ { $expr } = { $bound } s
check-wall-and-bound = { $found } { $bound }
check-wall-too-short = { $wall } < { $expr } = { $bound } s ({ $values }) : les durées affichées sont plus longues que l'exécution elle-même, elles ne sont pas mesurées
check-wall-too-long = { $wall } > { $expr } = { $bound } s ({ $values }) : l'exécution a duré bien plus que ce que le programme a mesuré
check-streaming-bad-pattern = /{ $pattern }/ ?
check-streaming-none = aucune ligne de résultat ne correspond à /{ $pattern }/
check-streaming = premier résultat à { $first } s ({ $first_share } % de l'exécution), dernier à { $last } s ; attendu avant { $before } %
check-streaming-one-burst = { $found } : les résultats sont tous arrivés ensemble, pas au fur et à mesure
check-streaming-at-end = { $found } : les résultats sont arrivés tous à la fin, pas au fur et à mesure
check-exact-same = sortie identique
check-exact-differs = { $stream } diffère de la sortie attendue (voir le diff)
check-contains = contient « { $text } »
check-contains-missing = { $stream } ne contient pas « { $text } »
check-regex-found = trouvé « { $line } »
check-regex-found-captures = trouvé « { $line } » ({ $captures })
check-regex-none = aucune ligne de la sortie n'a la forme attendue sur { $stream }
check-lines-missing = { $count } ligne(s) attendue(s) absente(s): { $lines }
check-lines-extra = { $count } ligne(s) en trop: { $lines }
check-lines-present = { $count } lignes attendues présentes (ordre libre)
check-count-lines = lignes
check-count-lines-matching = lignes qui correspondent à /{ $pattern }/
check-count = { $count } { $what } (attendu : { $bounds })
check-count-distinct = { $count } résultats distincts sur les { $what } (attendu : { $bounds })
check-count-distinct-repeated = { $count } résultats distincts sur les { $what } (attendu : { $bounds }) ; plusieurs fois : { $repeated }
check-reference-same = même sortie que la solution de référence : { $count } ligne(s) comparée(s)
check-reference-count = la solution de référence donne { $expected } ligne(s) comparable(s), votre programme { $got }
check-reference-differs = la sortie diffère de celle de la solution de référence (voir le diff)
check-source-ok = le code source a ce qu'il faut
check-source-missing = le code source ne contient pas /{ $patterns }/
check-source-present = le code source contient « { $found } »
check-source-both = { $missing } ; { $present }
check-call-passed = { $calls }
check-call-no-return = { $call } : l'appel n'a pas rendu la main (le programme a été arrêté pendant l'appel : boucle sans fin qui ignore les interruptions ?)
check-call-missing = la fonction `{ $function }` n'existe pas au niveau du module : l'énoncé demande une fonction de ce nom (fonctions définies : { $defined })
check-call-not-callable = `{ $function }` n'est pas une fonction mais un { $type_name }
check-call-signature = { $call } : votre fonction a la signature `{ $signature }` ({ $error }) — les paramètres doivent être ceux que demande l'énoncé
check-call-timeout = { $call } : n'a pas fini en { $seconds } s (boucle sans fin ?)
check-call-raised = { $call } : a levé { $type_name }: { $message }{ $line }
check-call-no-raise = { $call } devait lever { $exception } mais a renvoyé { $got }
check-call-wrong-type = { $call } a renvoyé { $got } ({ $got_type }), le type attendu est { $type_name }
check-call-wrong-value = { $call } a renvoyé { $got }, attendu { $expected }{ $note }{ $print_note }
check-call-note-type = {" "}— type { $got_type } au lieu de { $expected_type }
check-call-note-length = {" "}— pas le bon nombre d'éléments
check-call-note-keys = {" "}— pas les mêmes clés
check-call-note-print = {" "}(la fonction affiche-t-elle son résultat au lieu de le renvoyer avec return ?)
check-call-bad-spec = erreur dans la spec (arguments) : { $error }
check-call-other = { $call } : { $status }
check-call-at-line = {" "}(ligne { $line })
check-call-import-timeout = le code au niveau du module n'a pas fini en 5 s à l'import : ce qui lance le programme doit être sous `if __name__ == "__main__":`
check-call-import-raised = l'import du module a échoué (son code au niveau du module a levé) { $type_name }: { $message }{ $line }
check-call-import-endless = le code au niveau du module tourne sans fin (le programme a été arrêté) : ce qui lance le programme doit être sous `if __name__ == "__main__":`
check-call-import-exit = le module a terminé le processus à l'import (code { $code } ) : pas de sys.exit/os._exit au niveau du module, mettez-les sous `if __name__ == "__main__":`
check-call-import-failed = le module n'a pas pu être importé ({ $status })
check-call-import-failed-detail = le module n'a pas pu être importé ({ $status }): { $detail }
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
