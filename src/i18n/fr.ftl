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

# Reports and exports (src/view, src/grader/export, grading a class, gradebook): keys `report-…`, `grade-…`
# (messages of this section)
report-heading = Exercice { $exercise } — { $title }  ({ $submission })
report-verdict-pass = RÉUSSI
report-verdict-fail = ÉCHEC
report-verdict-error = ERREUR
report-score = Score : { $score }/{ $max } — { $verdict }
report-solution-unlocked = Bravo ! La solution de référence est maintenant visible : dans le REPL, `solution` l'affiche, à comparer avec la vôtre.
report-no-verdict = Pas de verdict : une vérification n'a pas pu être jugée ici (marquée ?). `atelier doctor` dit ce que cette machine permet et ce qu'il faut changer.
report-statement = L'énoncé : { $command }
report-every-case = Tous les cas
report-case = Cas `{ $name }`
report-case-run = cas `{ $name }` : { $status } ({ $code }), { $wall } s
report-hidden-check = — (vérification cachée)
report-hint = indice :
report-program-output = sortie du programme :
report-nothing-came = (rien n'est venu)
report-diff-expected = - attendu
report-diff-got = + obtenu
report-status-ok = terminé
report-status-timeout = temps dépassé
report-status-memory-limit = mémoire dépassée
report-status-process-limit = trop de processus
report-status-output-limit = sortie trop longue
report-status-signal = tué par un signal
report-status-internal-error = erreur interne
report-status-interrupted = interrompu
report-run = Exécution : { $status } ({ $code }), { $wall } s, CPU { $cpu } s (×{ $parallelism }), { $processes } processus ({ $busy } actifs), mémoire max { $memory_mb } Mo{ $pinned ->
        [yes] , épinglé sur un CPU
       *[no] {""}
    }
report-leftovers-killed = { $count } processus encore vivants à la fin du programme ont été tués : avez-vous oublié join() ?
report-output-truncated = sortie tronquée (trop longue)
report-confinement = confinement : { $layers }
report-runs = Réussi { $passed } fois sur { $runs } ({ $pinned_passed } sur { $pinned_runs } épinglées sur un CPU)
report-runs-every-cpu = tous
report-runs-output = sortie #{ $number }
report-runs-distinct = { $count } sortie(s) différente(s) (PID et durées masqués)
report-runs-distinct-output = sortie #{ $number } (×{ $count }) :
report-class-heading = Exercice { $exercise } — { $count ->
        [one] { $count } copie notée
       *[other] { $count } copies notées
    }
report-class-empty = (rien dans le carnet de notes)
report-class-verdicts = Verdicts : { $list }
report-class-runs = Exécutions : { $list }
report-class-histogram = Histogramme des notes (/{ $max })
report-class-no-failed-check = Aucune vérification n'a échoué.
report-class-most-failed = Vérifications les plus échouées
report-feedback-heading = Exercice { $exercise }
report-feedback-pass = réussi
report-feedback-fail = pas encore réussi
report-feedback-error = n'a pas pu être jugé
report-feedback-score = Note : { $score }/{ $max }
report-feedback-submission = Copie `{ $submission }`, notée le { $date }
report-feedback-checks = Vérifications
report-feedback-not-judged = non jugée
report-feedback-after-due = détails après la date limite
report-feedback-hidden = vérification cachée
report-feedback-hint = Indice :
report-feedback-run = L'exécution
report-feedback-end = Fin : { $status } ({ $code })
report-feedback-figures = Mesures : { $wall } s, CPU { $cpu } s, { $processes } processus, mémoire max { $memory_mb } Mo
report-feedback-runs-passed = Exécutions réussies : { $passed }/{ $runs }
report-feedback-stdout = Sortie du programme
report-feedback-stderr = Erreurs du programme
grade-autograder-not-graded = Votre copie n'a pas pu être notée ; prévenez votre enseignant :
grade-refused = refusée: { $error }
grade-start = Notation de { $exercise } : { $to_grade } à noter, { $unchanged ->
        [one] { $unchanged } inchangée
       *[other] { $unchanged } inchangées
    }, { $not_graded ->
        [one] { $not_graded } non notée
       *[other] { $not_graded } non notées
    } — { $workers } en parallèle{ $shard }
grade-timing-sensitive = exercice sensible au temps : une copie à la fois (--jobs ignoré)
grade-entry-not-graded = { $entry }: non notée — { $reason }
grade-progress-graded = { $verdict } { $score }/{ $max } (exécution { $status }, { $wall } s)
grade-progress-error = ERREUR: { $error }
grade-summary = { $exercise } : { $graded ->
        [one] { $graded } notée
       *[other] { $graded } notées
    } (pass { $pass }, fail { $fail }, error { $error }), { $unchanged ->
        [one] { $unchanged } inchangée (non renotée)
       *[other] { $unchanged } inchangées (non renotées)
    }, { $not_graded ->
        [one] { $not_graded } non notée
       *[other] { $not_graded } non notées
    }
grade-gradebook-in-memory = carnet de notes : en mémoire seulement (--gradebook FICHIER pour garder les notes et reprendre un lot interrompu)
grade-gradebook = carnet de notes : { $name } ({ $rows ->
        [one] { $rows } ligne pour cet exercice
       *[other] { $rows } lignes pour cet exercice
    })
grade-not-graded-retry = { $count ->
        [one] { $count } copie n'a pas pu être notée (relancer la commande la reprend)
       *[other] { $count } copies n'ont pas pu être notées (relancer la commande les reprend)
    }: { $students } ({ $error })
grade-name-not-utf8 = le nom n'est pas de l'UTF-8 valide (le nom d'un étudiant doit être du texte)
grade-symbolic-link = un lien symbolique : seuls les vrais fichiers et dossiers sont notés
grade-special-file = ni un fichier ordinaire ni un dossier (un tube nommé, une socket, un périphérique) : refusé
grade-not-a-submission = pas une copie : attendu un dossier `{ $student }/` ou un fichier `{ $student }.py`
grade-file-and-folder = à la fois `{ $student }.py` et un dossier `{ $student }/` : laquelle noter n'est pas deviné
grade-empty-folder = un dossier vide
grade-no-python-file = aucun fichier `.py` (attendu `{ $expected }` ; { $others } autres fichiers)
grade-python-files-none-named = { $count } fichiers `.py` et aucun nommé `{ $expected }` ({ $files }) : lequel noter n'est pas deviné
grade-files-named = { $count } fichiers nommés `{ $expected }` ({ $files }) : lequel noter n'est pas deviné
grade-bulk-download = { $problem }
grade-not-regular-file = pas un fichier ordinaire
grade-too-large = { $size } octets : plus que les { $max_kib } Kio permis pour une copie
grade-unreadable = illisible: { $error }
grade-coverage = { $exercise } : { $graded } sur { $expected } notés
grade-coverage-missing = { $coverage } : manquent { $students }
grade-coverage-and-more = { $students } et { $more } autres
report-export-rows = { $format } : { $path } ({ $rows ->
        [one] { $rows } ligne
       *[other] { $rows } lignes
    })
report-export-testsuites = junit : { $path } ({ $count ->
        [one] { $count } testsuite
       *[other] { $count } testsuites
    })
report-export-files = { $format } : { $path } ({ $count ->
        [one] { $count } fichier
       *[other] { $count } fichiers
    })
report-junit-not-judged = le correcteur n'a pas pu juger cette exécution
report-no-submission-file = { $path } : fichier introuvable (la copie à vérifier)
report-runs-at-least-one = --runs : au moins 1
grade-stopped = notation arrêtée par { $signal ->
        [sigterm] SIGTERM
        [sigint] SIGINT (Ctrl-C)
       *[other] une demande d'arrêt
    } : { $recorded } sur { $total } copies notées et enregistrées, les exécutions en cours arrêtées et non enregistrées ; la même commande note le reste
grade-internal-error = erreur interne pendant la vérification (merci de la signaler) : { $what }
grade-jobs-at-least-one = --jobs : au moins 1
grade-dir-required = DIR est nécessaire pour noter : `atelier grade EXERCICE DIR` (sans DIR, seul `--gradebook FICHIER` avec `--report` ou `--export` lit ce que contient un carnet de notes)
grade-needs-class-folder = --regrade et --jobs demandent un dossier de classe (DIR) à noter
grade-autograder-written = { $out } : autograder Gradescope pour { $exercise } ({ $files } fichiers ; le binaire { $glibc ->
        [static] est statique
       *[other] demande la glibc { $glibc }, Ubuntu 22.04 a la 2.35
    })
grade-autograder-zip = { $zip } : le zip à déposer
grade-merge-self = { $path } : la cible elle-même, ignorée
grade-merge-conflict = conflit : { $student } / { $exercise } : { $existing } ({ $existing_at }) dans la fusion jusqu'ici, { $incoming } ({ $incoming_at }) dans { $source } ; la plus récente est gardée, { $kept ->
        [latter] la seconde
       *[former] la première
    }
grade-merge-summary = { $into } : { $read ->
        [one] { $read } ligne lue
       *[other] { $read } lignes lues
    } dans { $inputs ->
        [one] { $inputs } carnet de notes
       *[other] { $inputs } carnets de notes
    }, { $added ->
        [one] { $added } ajoutée
       *[other] { $added } ajoutées
    }, { $same } déjà là, { $conflicts ->
        [one] { $conflicts } conflit
       *[other] { $conflicts } conflits
    } (la plus récente gardée)

# The REPL, lessons, exercises workflow, derive, progress, commands: keys `repl-…`, `lesson-…`, `derive-…`
# (messages of this section)

# Live demos (src/demos): keys `demo-…`
# (messages of this section)

# Course and spec problems, lint (src/course, src/lint.rs, spec validation): keys `course-…`, `spec-…`, `lint-…`
# (messages of this section)
