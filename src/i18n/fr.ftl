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
check-run-stopped-detail = {" "}({ $what } : { $detail })
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
check-only-unknown = exercice { $exercise } : aucune vérification ne s'appelle `{ $name }` (vérifications : { $names })
check-reference-failed = { $file } : la solution de référence elle-même a échoué ({ $status }, code { $exit }) : { $stderr }
check-inexact-method = { $method }

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
grade-stopped-mid-run = notation arrêtée avant la fin de cette exécution : non enregistrée
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
report-similar-title = Copies semblables
report-similar-none = aucune
report-similar-identical = identiques : { $students }
report-similar-pair = { $percent } %  { $a } ~ { $b }  (lignes { $lines })
report-similar-hashes-only = (sans le dossier de la classe : seules les copies identiques octet pour octet sont trouvées)
report-similar-threshold = (seuil { $percent } % ; le code du fichier de départ ne compte pas ; à examiner par une personne, pas un verdict)
report-lms-csv-written = lms-csv : { $path } ({ $rows ->
    [one] { $rows } étudiant de la liste
   *[other] { $rows } étudiants de la liste
}, { $exercises })
report-not-on-roster = pas dans la liste de la classe : { $students }

# The REPL, lessons, exercises workflow, derive, progress, commands: keys `repl-…`, `lesson-…`, `derive-…`
# (messages of this section)
repl-help-title = Commandes :
repl-help-help = cette aide
repl-help-toc = le sommaire de la leçon (sections, ancres, démos, exercices)
repl-help-next = section suivante (Entrée sur une ligne vide fait de même)
repl-help-prev = section précédente
repl-help-goto = aller à une section (numéro ou ancre)
repl-help-show = réafficher la section courante (ou une autre)
repl-help-solution = déplier la solution de l'exercice N (--give-up : avant de l'avoir réussi, si le cours l'exige)
repl-help-quiz = les questions clés : votre réponse, puis la réponse modèle
repl-help-demo = la démo en direct de la section (de vrais processus), ou la démo nommée
repl-help-run = exécuter l'exemple Python de la section avec python3
repl-help-exercise = l'énoncé de l'exercice N et un fichier de départ à compléter (reset : le remettre, l'ancien gardé en .bak)
repl-help-exercises = tous les exercices, où vous en êtes, et le prochain à faire
repl-help-edit = ouvrir votre fichier de l'exercice N dans $VISUAL / $EDITOR
repl-help-check = vérifier votre programme (dans un bac à sable) et expliquer ce qui ne va pas
repl-help-hint = un indice pour l'exercice en cours
repl-help-watch = vérifier à chaque enregistrement du fichier (Ctrl-C arrête)
repl-help-progress = votre progression (progress reset l'efface)
repl-help-lesson = les leçons du cours, ou passer à l'une d'elles (next : la suivante)
repl-help-reload = relire les fichiers du cours (leçons, exercices) après une modification
repl-help-quit = quitter (Ctrl-D aussi)
repl-help-keys = Entrée sur une ligne vide : section suivante. Ctrl-C efface la ligne (deux fois : quitter), Ctrl-D quitte.
repl-usage-goto = N|ancre
repl-usage-show = [N|ancre]
repl-usage-solution = N [--give-up]
repl-usage-demo = [nom]
repl-usage-exercise = [reset] N
repl-usage-edit = N
repl-usage-check = N [fichier] [--only nom]
repl-usage-hint = [N]
repl-usage-watch = N [fichier]
repl-usage-progress = [reset]
repl-usage-lesson = [N|slug|next|prev]
repl-unknown-command = Commande inconnue « { $word } ». (tapez « aide » pour la liste)
repl-unknown-command-did-you-mean = Commande inconnue « { $word } ». Vouliez-vous dire « { $name } » ? (tapez « aide » pour la liste)
repl-lesson-end = Fin de la leçon. Tapez « quiz » pour les questions clés, « toc » pour le sommaire, « leçon suivante » pour continuer.
repl-first-section = Vous êtes à la première section.
repl-goto-usage = Usage : goto N|ancre (voir « toc »)
repl-which-exercise = Quel exercice ? Numéros : { $numbers }
repl-no-solution = Cet exercice n'a pas de solution dans la leçon.
repl-progress-unknown-argument = Argument inconnu « { $argument } » (progress | progress reset)
repl-no-other-lesson = Pas d'autre leçon dans ce sens.
repl-reload-builtin = Le cours intégré est compilé dans atelier : rien à relire (lancez atelier --course DOSSIER pour éditer un cours).
repl-reload-no-lesson = Aucune leçon ne se charge : le cours précédent reste affiché.
repl-reloaded = Cours relu : { $lessons }, { $exercises }.
lesson-count = { $count ->
    [one] { $count } leçon
   *[other] { $count } leçons
}
repl-exercise-count = { $count ->
    [one] { $count } exercice
   *[other] { $count } exercices
}
repl-progress-not-saved = progression non enregistrée : { $error }
repl-no-exercise-folder = Pas de dossier d'exercice pour { $id }
repl-file-already-there = Votre fichier (déjà là) : { $path }
repl-starter-written = Fichier de départ écrit dans : { $path }
repl-exercise-next-steps = Complétez-le, puis « check { $number } » (ou « watch { $number } »), un indice : « hint ».
repl-no-such-file = Fichier introuvable : { $path } (voir « exercise { $id } »)
repl-checking = Vérification de { $path } ({ $id })…
repl-check-interrupted = Vérification interrompue (Ctrl-C) : tous les processus du programme ont été arrêtés.
repl-passed = Réussi ! La solution de référence : « solution { $number } ».
repl-hint = 💡 { $check } : { $text }
repl-watch-once = (pas de terminal : une seule vérification)
repl-watching = Surveillance de { $path } — Ctrl-C pour arrêter
repl-watch-waiting = (en attente d'une modification…)
repl-watch-stopped = Surveillance arrêtée.
repl-status-not-started = pas commencé
repl-status-started = commencé, pas encore vérifié
repl-status-failing = échoue { $score }/{ $max_score }
repl-status-passed = réussi
repl-no-exercise-in-course = Ce cours n'a pas d'exercice.
repl-next-exercise = Prochain exercice : { $id } (« exercise { $number } »)
repl-all-passed = Tous les exercices sont réussis !
repl-file-kept = Votre fichier est gardé dans : { $path }
repl-starter-restored = Fichier de départ remis dans : { $path }
repl-no-editor = Aucun éditeur : définissez VISUAL ou EDITOR (par exemple export EDITOR=nano), ou ouvrez { $path } (vous-même)
repl-saved-check-it = Fichier enregistré ? Vérifiez-le : « check { $number } ».
repl-solution-after-pass = La solution se montre une fois l'exercice réussi : « check { $number } ». Pour la voir quand même (c'est noté) : « solution { $number } --give-up ».
repl-quiz-none = Cette leçon n'a pas de questions clés.
repl-quiz-question = Question { $index }/{ $total } : { $question }
repl-quiz-your-answer = Votre réponse ›{" "}
repl-quiz-stopped = Quiz interrompu.
repl-quiz-model-answer = Réponse modèle : { $answer }
repl-quiz-were-you-right = Aviez-vous juste ? (o/n) ›{" "}
repl-quiz-yes-or-no = Répondez o ou n.
repl-quiz-score = Justes cette fois : { $right } ; en tout : { $recorded }/{ $total }
repl-no-demo-in-course = Ce cours n'a pas de démo.
repl-course-demos = Les démos du cours :
repl-unknown-demo = Démo inconnue « { $name } ».
repl-no-demo-here = Pas de démo pour cette section.
repl-other-demos = Autre démo de cette section (demo NOM) : { $names }
repl-no-example = Cette section n'a pas d'exemple Python à exécuter (pour un exercice : « solution N » puis « check N »).
repl-run-start = ▶ python3 exemple.py (Ctrl-C pour arrêter)
repl-exit-code = ◀ code de sortie { $code }
repl-pager-more = -- suite ({ $shown }/{ $total }) : Entrée/Espace continue, q arrête --
repl-progress-counts = { $seen }/{ $sections } sections vues · quiz { $right }/{ $questions } · exercices réussis { $passed }/{ $exercises }
repl-progress-unseen = à voir : { $sections }
repl-progress-place = Position : { $lesson }#{ $section }
lesson-folded-solution = tapez « solution { $number } »
lesson-folded = replié
lesson-admonition-note = Note
lesson-admonition-tip = Astuce
lesson-admonition-info = Info
lesson-admonition-warning = Attention
lesson-admonition-danger = Danger
lesson-tab = Onglet « { $label } »
lesson-demos = ▶ Démo : { $names } (tapez « demo »)
derive-no-solution = { $file } : l'exercice { $number } n'a pas de solution Python dans un bloc <details> : le squelette simple a été écrit (modifiez sa spec à la main)
derive-file = fichier : { $file } (le nom sous lequel les étudiants enregistrent leur programme)
derive-exit-status = code de sortie { $code } (celui de la solution, { $runs } exécutions)
derive-concurrent = la solution importe { $module } : l'ordre de ses lignes n'est pas exigé
derive-output-lines = sortie : { $count ->
    [one] { $count } ligne attendue
   *[other] { $count } lignes attendues
} : { $lines }
derive-no-output = sortie : la solution n'affiche rien, donc pas de vérification de la sortie
derive-expected-differs = remarque : le résultat attendu de la leçon a { $expected ->
    [one] { $expected } ligne
   *[other] { $expected } lignes
}, la solution en a affiché { $printed } : vérifiez la leçon
derive-no-named-function = l'énoncé ne nomme aucune fonction sous la forme `nom(…)` : toutes les fonctions de la solution sont prises en compte
derive-traced-calls = { $count ->
    [one] { $count } appel de { $functions } relevé
   *[other] { $count } appels de { $functions } relevés
} pendant l'exécution de la solution (elle n'en fait aucun avec des arguments littéraux)
derive-not-importable = la solution ne s'importe pas sans s'exécuter (son niveau principal fait le travail) : pas de vérification d'appel ; mettez le programme sous `if __name__ == "__main__":` dans la leçon
derive-call-timeout = { $call } n'a pas répondu à temps : écarté
derive-call-left-out = { $call } : { $why } : écarté
derive-not-literal = renvoie un { $type_name }, qui ne s'écrit pas comme un littéral
derive-call-ended = l'appel de la solution elle-même a fini en `{ $status }`
derive-no-literal-call = { $function } : la solution ne l'appelle jamais avec des arguments littéraux, donc pas de vérification d'appel (ajoutez-en une à la spec à la main)
derive-returns-none = { $function } : renvoie None à chaque appel (elle affiche) : jugée par la sortie seulement
derive-call-check = vérification d'appel `{ $name }-returns` : { $count ->
    [one] { $count } appel de { $function } tel que la solution le fait
   *[other] { $count } appels de { $function } tels que la solution les fait
}, avec les valeurs qu'elle renvoie
derive-no-call-check = la solution n'appelle aucune de ses fonctions avec des arguments littéraux : pas de vérification d'appel
derive-no-main-guard = la solution n'a pas de bloc `if __name__ == "__main__":`
derive-starter-comments = fichier de départ : l'énoncé en commentaires (la solution n'a pas de fonction à vider)
derive-starter-todo = fichier de départ : la solution, le corps de chaque fonction remplacé par un TODO et `pass`
derive-starter-fallback = les fonctions vidées passaient encore (les vérifications ne lisent que la sortie) : le fichier de départ est l'énoncé en commentaires
derive-lines-left-out = { $count ->
    [one] { $count } ligne n'est pas venue à chaque exécution : écartée de la vérification de la sortie
   *[other] { $count } lignes ne sont pas venues à chaque exécution : écartées de la vérification de la sortie
}
derive-order-varies = l'ordre des lignes a changé d'une exécution à l'autre : tout ordre est accepté
derive-numbers-masked = { $count ->
    [one] { $count } nombre masqué
   *[other] { $count } nombres masqués
} (ils changeaient d'une exécution à l'autre, diffèrent du résultat attendu de la leçon, ou sont des durées ou des PID)
derive-created = créé : { $path }
derive-lint-hint = atelier lint { $dir }  # pour vérifier
repl-backup-failed = { $path } : impossible d'en garder une copie ({ $error })
repl-no-lesson-loaded = aucune leçon n'a pu être chargée
repl-progress-unknown-action = action inconnue `{ $action }` (attendu : `reset` ou rien)
repl-progress-unreadable = { $path } : lecture impossible ({ $error })
repl-progress-corrupt-set-aside = { $path } : fichier de progression corrompu ({ $error }) ; mis de côté sous { $aside }, nouveau départ
repl-progress-corrupt = { $path } : fichier de progression corrompu ({ $error }) ; nouveau départ
derive-already-exists = { $path } : existe déjà (rien n'a été écrit)
derive-slug-empty = le slug de la leçon doit avoir des lettres ou des chiffres (par exemple `asyncio`)
derive-bad-exercise-id = identifiant d'exercice `{ $id }` : attendu <chapitre>.<numéro>, comme 44.1
derive-no-lesson-create-first = pas de leçon { $chapter } dans { $dir } : créez-la d'abord (atelier new lesson { $chapter } SLUG), puis cet exercice
derive-no-exercise-section = { $file } : pas de section `### Exercice { $number } - Titre {"{"}#ancre{"}"}` à laquelle lier l'exercice { $id }
derive-no-lesson = pas de leçon { $chapter } dans { $dir }
derive-no-exercise-section-for = { $file } : pas de section `### Exercice { $number } - Titre {"{"}#ancre{"}"}` pour l'exercice { $id }
derive-solution-fails = { $file } : la solution de l'exercice { $number } ne s'exécute pas proprement ({ $status }) : { $last }
derive-exit-code-varies = { $file } : le code de sortie de la solution change d'une exécution à l'autre
derive-solution-not-python = la solution de la leçon n'est pas du Python valide : { $last }
derive-spec-fails-solution = la spec dérivée ne fait pas passer la solution de la leçon, donc rien n'a été gardé (sa sortie n'est peut-être pas stable d'une exécution à l'autre) : { $failed }
    { $spec }

# Live demos (src/demos): keys `demo-…`
# (messages of this section)
demo-description-duel = la même tâche CPU sur 2 threads sous un verrou global (GIL simulé) contre 2 processus ; et la mémoire : isolée entre processus, partagée entre threads
demo-description-process = deux processus enfants calculent chacun sum(i*i for i in range(10**7)), le parent les attend
demo-description-main-guard = sans `if __name__ == "__main__"`, spawn relance le lancement en boucle : l'arbre de processus, borné
demo-description-pool = Pool.map des carrés de 1 à 8 sur un pool d'autant de processus que de cœurs, avec le PID de chacun
demo-description-queue = un producteur et un consommateur dans deux processus ; le get bloquant
demo-description-ipc-cost = envoyer une grosse donnée par une Queue ou calculer là où elle est : le coût de la sérialisation, mesuré
demo-description-primes = la course : premiers de range(100_000, 300_000) en séquentiel puis en 4 morceaux sur un Pool
demo-description-thumbnails = 10 images simulées (0,5 s chacune) avec imap_unordered : les résultats arrivent par paquets de N cœurs
demo-description-counter = 10 processus × 100 incréments d'une Value partagée avec son Lock : 1000 ; --no-lock : les mises à jour perdues
demo-description-startup-cost = question 4 : 100 processus pour 100 petites tâches contre un Pool de 4, mesurés
demo-heading = demo { $name } — { $description }
demo-summary-title = — Mesures —
demo-loaded-machine = ⚠ Les processus n'ont pas eu chacun un cœur libre : d'autres programmes occupent cette machine, les temps s'en ressentent. Relancez la démo quand elle est au repos.
# Between groups of three digits: a narrow no-break space.
demo-digit-group-separator = {"\u202F"}
demo-interrupted = interrompu (Ctrl-C) : tous les processus enfants ont été arrêtés et attendus.
demo-course-has-none = Ce cours n'a pas de démo.
demo-not-in-course = ce cours n'a pas de démo « { $name } » (ses démos : { $names })
demo-python-missing = python3 est introuvable : installez-le pour exécuter les exemples de la leçon (Debian/Ubuntu : `apt install python3` ; sinon https://www.python.org/downloads/).
demo-python-time-limit = ⏱ limite de temps atteinte ({ $seconds } s) : l'exemple et ses processus sont arrêtés.
demo-counter-prompt = { $processes } processus incrémentent ensemble un compteur partagé parti de 0 : { $locked } fois chacun avec le verrou, { $unlocked } fois chacun sans. Quelle valeur finale prédisez-vous ?
demo-counter-intro-locked = { $processes } processus × { $increments } incréments de Value('i', 0), chacun sous `with lock:`. Attendu : { $expected }.
demo-counter-intro-unlocked = { $processes } processus × { $increments } incréments SANS verrou : counter.value += 1 lit la valeur partagée puis écrit valeur + 1. ({ $increments } et non 100 par processus : en 100, un processus a fini avant que l'autre commence, la course est trop rare pour se voir.) Attendu si rien ne se perd : { $expected }.
demo-counter-dealt-out = Les processus sont répartis sur les cœurs et attendent un même signal de départ, pour qu'ils se chevauchent vraiment.
demo-counter-run = run { $run }/{ $runs } : valeur finale { $value } ({ $lost } mise(s) à jour perdue(s)) en { $time }
demo-counter-histogram = Valeurs finales (◀ : la valeur attendue)
demo-counter-expected = attendu
demo-counter-measured = mesuré
demo-counter-range = de { $min } à { $max }
demo-counter-runs-losing = runs avec des pertes
demo-counter-prediction = votre prédiction
demo-counter-prediction-seen = { $prediction } : observée dans { $hit } run(s) sur { $runs }
demo-counter-lesson-locked = Le verrou rend « lire, ajouter 1, écrire » indivisible : aucune mise à jour ne se perd.
demo-counter-lesson-unlocked = Sans verrou, deux processus lisent parfois la même valeur et écrivent chacun valeur + 1 : une mise à jour disparaît. Avec `with lock:` (ou counter.get_lock()), plus aucune.
demo-counter-ready = prêt, attend le départ
demo-counter-go = départ !
demo-counter-done = a fait ses { $increments } incréments
demo-duel-task = La tâche : compter les nombres premiers sous { $limit } (pur calcul). Deux fois la même, en même temps. Parent : pid { $parent }.
demo-duel-act-processes-time = 1. Deux processus : le temps
demo-duel-act-processes-memory = 2. Deux processus : la mémoire
demo-duel-act-threads-time = 3. Deux threads sous un verrou global (simulation du GIL de CPython) : le temps
demo-duel-simulation = Simulation : un seul Mutex pour tout le processus ; chaque thread le prend pour calculer (par tranches, comme CPython passe le GIL toutes les 5 ms). Un seul thread calcule à la fois.
demo-duel-act-threads-memory = 4. Deux threads : la mémoire
demo-duel-row = { $time }, { $cores } cœur(s) occupé(s)
demo-duel-two-processes = 2 processus
demo-duel-two-threads = 2 threads + GIL simulé
demo-duel-processes-are = les processus sont
demo-duel-faster = { $speedup } × plus rapides
demo-duel-changed-by-child = variable changée par l'enfant
demo-duel-child-sees = l'enfant voit { $child }, le parent voit toujours { $parent }
demo-duel-changed-by-thread = variable changée par un thread
demo-duel-process-sees = le processus voit { $value }
demo-duel-process-starts = démarre : son propre interpréteur, son propre GIL
demo-duel-process-done = terminé : { $primes } nombres premiers
demo-duel-wall-cpu = mur : { $wall }, CPU : { $cpu }
demo-duel-thread-starts = thread { $thread } démarre (même pid : même processus, même mémoire)
demo-duel-thread-done = thread { $thread } terminé : { $primes } nombres premiers
demo-duel-child-sets = l'enfant fait variable = 42 et voit { $seen }
demo-duel-parent-reads = le parent lit variable : { $value } (mémoire isolée)
demo-duel-thread-sets = un thread fait variable = 42 ; le processus lit { $value } (mémoire partagée)
demo-queue-intro = q = Queue() ; le consommateur démarre d'abord, puis le producteur
# The data the producer sends, shown as the consumer receives it.
demo-queue-data = Donnée importante
demo-queue-consumer-blocked = consommateur : data = q.get()  ⏳ bloqué, rien dans la file
demo-queue-producer-works = producteur : travaille { $time } avant d'avoir sa donnée
demo-queue-producer-sent = 📤 Producteur a envoyé la donnée
demo-queue-consumer-received = 📥 Consommateur a reçu : { $data }  (après { $time } d'attente)
demo-queue-producer = producteur
demo-queue-consumer = consommateur
demo-queue-get-blocked = get() a bloqué
demo-queue-put-to-receipt = de put() à la réception
demo-queue-lesson = get() ne consomme pas de CPU pendant l'attente : le processus dort jusqu'à ce qu'une donnée arrive.
demo-primes-intro = Compter les nombres premiers de range({ $from }, { $to }), en séquentiel puis en { $chunks } morceaux sur un Pool de { $cores } processus. Chaque mesure enchaîne { $passes } passes sur toute la plage (une passe ne dure que quelques millisecondes, l'ordre du réveil d'un processus : répétée, la mesure porte sur le calcul) ; chaque côté est mesuré { $runs } fois, le meilleur temps est gardé (d'autres programmes partagent cette machine).
demo-primes-balanced = Les 4 morceaux sont équilibrés : tester un grand nombre coûte plus cher qu'un petit, donc chaque morceau prend des tranches réparties sur toute la plage (4 quarts consécutifs laisseraient le dernier ouvrier finir seul).
demo-primes-pool-started = Pool({ $cores }) démarré en { $time } : ouvriers { $workers }
demo-primes-run = mesure { $run }/{ $runs } : séquentiel { $sequential } par passe (trouvé : { $found_sequential }), parallèle { $parallel } par passe (trouvé : { $found_parallel })
demo-primes-best-run = La meilleure mesure parallèle
demo-primes-chunk = morceau { $chunk } : { $primes } premiers en { $time }
demo-primes-where = Où chaque morceau a tourné (meilleure mesure)
demo-primes-found = premiers trouvés
demo-primes-sequential = séquentiel
demo-primes-parallel = parallèle
demo-primes-parallel-on = { $time } sur { $cores } cœurs
demo-primes-speedup = accélération
demo-primes-in-parallel = en parallèle
demo-primes-chunks-at-once = { $chunks } morceaux à la fois en moyenne
demo-primes-pool-start = démarrage du Pool
demo-primes-pool-start-counted = { $time } (compté : accélération { $speedup } ×)
demo-pool-started = with Pool() as pool : { $cores } ouvriers (un par cœur), démarrés en { $time } : { $workers }
demo-pool-result = Input: { $input }, Carré: { $square }, PID: { $pid }
demo-pool-in-order = map rend les résultats dans l'ordre des entrées, quel que soit l'ouvrier qui les a calculés.
demo-pool-who = Qui a calculé quoi, et quand
demo-pool-workers = ouvriers
demo-pool-tasks-per-worker = tâches par ouvrier
# The time `pool.map` took (a Python name).
demo-pool-map = map
demo-pool-start = démarrage du Pool
demo-ipc-data = La donnée : { $len } entiers de 64 bits ({ $mb } Mo). La tâche : les additionner.
demo-ipc-act-queue = 1. Envoyer la donnée par une Queue
demo-ipc-put = q.put(data) : sérialisation, copie par le noyau…
demo-ipc-received = a reçu et désérialisé la liste après { $time }
demo-ipc-sum-computed = somme = { $sum }, calculée en { $time }
demo-ipc-act-in-place = 2. Calculer là où est la donnée
demo-ipc-built-itself = a construit sa donnée lui-même
demo-ipc-sum-back = somme = { $sum } ; seuls 8 octets reviennent au parent
demo-ipc-sending = envoyer par la Queue
demo-ipc-sending-total = { $time } en tout (transfert ≈ { $rate } Mo/s)
demo-ipc-in-place = calculer sur place
demo-ipc-ratio = rapport
demo-ipc-same-sum = même somme
demo-ipc-lesson = En Python, pickle ajoute son propre coût : envoyez peu, calculez près de la donnée.
demo-process-creates = le parent crée p1 et p2 (Process(target=cpu_heavy_task)), puis start()
demo-process-starts = 🔥 Processus { $name } démarre sur le CPU
demo-process-done = ✅ Processus { $name } terminé. Résultat : { $result }
demo-process-join = join() sur p1 et p2…
demo-process-all-done = 🏁 Tout est fini
demo-process-row = processus { $name } (pid { $pid })
demo-process-done-at = { $result }, fini à +{ $time }
demo-process-total-time = durée totale
demo-thumbnails-intro = { $images } images, { $work } de travail chacune, sur un Pool de { $cores } processus : attendu, des paquets de { $cores } toutes les { $work }.
demo-thumbnails-start = Début du traitement…
demo-thumbnails-arrived = ✅ { $image } (arrivé à { $time })
demo-thumbnails-done = Traitement terminé.
demo-thumbnails-each = Chaque image, sur son processus
demo-thumbnails-first = premier résultat
demo-thumbnails-last = dernier résultat
demo-thumbnails-batches = paquets
demo-thumbnails-sequentially = en séquentiel
demo-thumbnails-sequential-here = { $sequential } (ici { $here })
demo-guard-spawn = Avec la méthode « spawn » (Windows, macOS), chaque enfant est un nouvel interpréteur qui réimporte le module principal. Sans garde, cet import exécute à nouveau le code de lancement : chaque enfant lance à son tour 2 processus.
demo-guard-atelier-too = atelier fait de même : il se relance lui-même (atelier __spawn-child), borné à { $depth } générations et { $limit } processus. Parent : pid { $parent }.
demo-guard-act-without = 1. Sans la garde
demo-guard-act-with = 2. Avec `if __name__ == "__main__":`
demo-guard-unguarded = sans garde
demo-guard-unguarded-tree = { $processes } processus en { $time } (par génération : { $generations })
demo-guard-guarded = avec garde
demo-guard-guarded-tree = { $processes } processus en { $time }
demo-guard-unbounded = sans borne
demo-guard-unbounded-tree = { $processes } processus après 10 générations, et ça continue
demo-guard-node-relaunches = génération { $generation } (parent { $parent }) : réimporte le module principal ; sans garde, le lancement s'exécute encore → lance { $fanout } processus
demo-guard-node-bound = génération { $generation } (parent { $parent }) : atelier s'arrête ici (sa borne) ; Python, lui, continuerait
demo-guard-node-guarded = réimporte le module principal ; __name__ y vaut "__mp_main__", le lancement est sauté : il exécute seulement sa tâche (parent { $parent })
demo-guard-tree-root = pid { $pid } (le script principal)
demo-startup-act-processes = 1. { $tasks } processus, un par tâche
demo-startup-task-done = tâche { $task } faite, puis le processus se termine
demo-startup-more-processes = … { $count } autres processus …
demo-startup-act-pool = 2. Un Pool de { $workers } pour les { $tasks } tâches
demo-startup-worker = ouvrier : { $tasks ->
    [one] { $tasks } tâche
   *[other] { $tasks } tâches
}, un seul démarrage
demo-startup-processes = { $tasks } processus
# The pool of the answer (Python code).
demo-startup-pool = Pool({ $workers })
demo-startup-pool-is = le Pool est
demo-startup-faster = { $ratio } × plus rapide
demo-startup-same-results = mêmes résultats
demo-startup-lesson = Créer un processus coûte bien plus qu'une petite tâche : un Pool paie ce coût 4 fois, pas 100.
demo-timeline-hidden = … { $count ->
    [one] { $count } autre processus, dessiné de la même façon
   *[other] { $count } autres processus, dessinés de la même façon
}
demo-timeline-legend = Déroulement (durée { $duration } s ; █ calcule ░ attend)
demo-timeline-main = principal
demo-timeline-cores = cœurs

# Course and spec problems, lint (src/course, src/lint.rs, spec validation): keys `course-…`, `spec-…`, `lint-…`
# (messages of this section)
course-not-utf8 = pas du texte UTF-8 (enregistrez la leçon en UTF-8)
course-empty-lesson = leçon vide (attendu : un `# Titre` et des sections `##`)
course-frontmatter-unclosed = le frontmatter ouvert par `---` n'est jamais fermé (attendu : une ligne `---`)
course-frontmatter-invalid = frontmatter invalide : { $detail }
course-wrapped-in-fence = la leçon est enveloppée dans un bloc de code ({ $fence }) et s'afficherait tout entière comme du code : supprimez cette ligne et celle qui ferme le bloc
course-fence-unclosed = le bloc de code n'est jamais fermé (attendu : une ligne de { $fence })
course-duplicate-anchor = ancre `{ $anchor }` en double (déjà utilisée ligne { $first })
course-probably-summary = { $problem } — sans doute à cause de la ligne { $line } : laissez une ligne vide après </summary>
course-details-unclosed = <details> n'est jamais fermé (attendu : </details>)
course-admonition-unclosed = l'encadré `:::` n'est jamais fermé (attendu : une ligne `:::`)
course-tab-unclosed = <TabItem> n'est jamais fermé (attendu : </TabItem>)
course-tab-close-unopened = </TabItem> sans <TabItem> ouvrant
course-details-close-unopened = </details> sans <details> ouvrant
course-demos-anchor-unknown = le frontmatter lie des démos à `{ $anchor }`, qui n'est pas une ancre de section
course-questions-unrecognised = la section des questions clés a du contenu mais aucune question n'a été reconnue (attendu : une liste numérotée avec la question en gras et la réponse dessous, une liste à puces avec *Réponse : …*, ou un ### par question)
course-admonition-close-stray = `:::` ne ferme aucun encadré : ligne ignorée
course-demo-before-section = un lien de démo avant la première section est ignoré
course-summary-outside-details = <summary> hors de <details> est ignoré
course-fence-in-html = un bloc de code se trouve dans un bloc HTML et s'affiche en texte brut sur un site web : laissez une ligne vide après </summary>
course-number-ambiguous = le numéro de chapitre { $number } est ambigu : { $count } leçons le portent ({ $slugs }) ; `show { $number }` ne peut pas choisir, leurs slugs fonctionnent
course-lesson-ambiguous = le chapitre { $key } est ambigu : { $count } leçons portent ce numéro ({ $slugs }) ; donnez le slug
course-lesson-unknown-none-loads = leçon `{ $key }` inconnue : aucune leçon de ce cours ne se charge
course-lesson-unknown = leçon `{ $key }` inconnue ; leçons : { $known }
course-link-loop = une boucle de liens symboliques : non suivie
course-link-dangling = un lien symbolique qui ne mène nulle part ({ $error }) : non suivi
course-link-outside = un lien symbolique qui sort du dossier du cours (vers { $target }) : non suivi
course-link-back = un lien symbolique qui revient vers { $target } (une boucle, ou un dossier déjà lu) : non suivi
course-config-invalid = réglages du cours invalides : { $detail }
course-exercise-no-spec = un dossier d'exercice doit contenir exercise.yaml (sa spec)
spec-missing = absent
spec-not-utf8 = pas du texte UTF-8
spec-id-mismatch = id : la spec indique `{ $id }` mais le dossier est celui de l'exercice `{ $folder }`
spec-yaml = YAML invalide : { $detail }
spec-version = version : cet atelier lit la version { $expected } des specs, trouvé { $found }
spec-checks-empty = checks : il faut au moins un check
spec-run-no-file = run : la commande doit contenir {"{"}file{"}"}
spec-file-name = file : `{ $file }` doit être un simple nom de fichier, comme `premiers.py`
spec-limit-seconds = limits : { $key } : { $value } n'est pas un nombre de secondes dans 0..3600
spec-limit-range = limits : { $key } : { $value } n'est pas dans 1..={ $max }
spec-busy-share = busy_share : une part entre 0 et 1
spec-in-check = check `{ $name }` : { $key } : { $problem }
spec-check-name-taken = ce nom est déjà celui d'un autre check
spec-expression-invalid = expression invalide : { $error }
spec-variable-unknown = variable `{ $name }` inconnue (connues ici : { $known } ; une capture doit venir d'un check `regex` plus haut)
spec-regex-invalid = regex invalide : { $error }
spec-patterns-empty = il faut au moins un motif
spec-tolerance-negative = une tolérance est un nombre ≥ 0
spec-not-fraction = { $value } n'est pas une fraction entre 0 et 1
spec-call-in-case = un check call s'exécute dans son propre lancement (celui du harnais), pas dans un cas
spec-detail = { $detail }
lint-section-no-anchor = la section `{ $title }` n'a pas d'ancre : ajoutez {"{"}#{ $anchor }{"}"} pour que les liens et la progression survivent à un changement de titre
lint-demo-unknown = la section `{ $anchor }` renvoie à une démo inconnue `{ $demo }` (démos : { $known })
lint-lesson-number-unknown = lesson : aucune leçon n'a le numéro de chapitre { $number }
lint-anchor-not-section = anchor : `{ $anchor }` n'est pas une section de { $lesson } (ancres : { $anchors })
lint-run-missing = run : `{ $program }` n'est pas installé sur cette machine (cherché dans { $path }) : la solution et le starter ne peuvent pas être lancés
lint-file-missing = absent ({ $name } est requis)
lint-checking = vérifie { $file } …
lint-ok = ok
lint-problem = PROBLÈME
lint-could-not-check = n'a pas pu être vérifié : { $error }
lint-solution-failed = la solution de référence doit réussir sa spec, mais a échoué : { $failed }
lint-starter-passes = le starter réussit sa spec : les checks ne distinguent pas un travail inachevé d'un travail fini
lint-starter-ends = le starter doit échouer à ses checks, pas finir en `{ $verdict }`
lint-lessons = { $count ->
    [one] { $count } leçon
   *[other] { $count } leçons
}
lint-exercises = { $count ->
    [one] { $count } exercice
   *[other] { $count } exercices
}
lint-solutions = { $count ->
    [one] { $count } solution vérifiée
   *[other] { $count } solutions vérifiées
}
lint-starters = { $count ->
    [one] { $count } starter vérifié
   *[other] { $count } starters vérifiés
}
lint-problems = { $count ->
    [one] { $count } problème
   *[other] { $count } problèmes
}
lint-summary = { $place } : { $lessons }, { $exercises }, { $solutions } (doivent réussir), { $starters } (doivent échouer) — { $problems }
course-not-a-folder = { $path }: ce n'est pas un dossier de cours (attendu : un dossier avec lessons/ et exercises/, ou le docs/ d'un site)
course-folder-unresolved = { $path }: impossible de résoudre le dossier : { $error }
course-folder-unreadable = { $path }: impossible de lire le dossier : { $error }
course-file-unreadable = { $path }: impossible de lire le fichier : { $error }


# serde's own error messages (src/i18n/serde_words.rs), inside spec and frontmatter problems:
# keys `serde-…`. Names in backticks are the file's own and stay as written.
serde-in-check = check `{ $name }` : { $detail }
serde-at-path = { $path } : { $detail }
serde-as-written = { $text }
serde-unknown-field = champ `{ $name }` inconnu, attendu { $expected }
serde-unknown-field-none = champ `{ $name }` inconnu : aucun champ n'est attendu ici
serde-unknown-variant = valeur `{ $name }` inconnue, attendu { $expected }
serde-unknown-variant-none = valeur `{ $name }` inconnue : aucune n'est possible ici
serde-missing-field = champ `{ $field }` manquant
serde-duplicate-field = champ `{ $field }` en double
serde-one-of = l'un de { $names }
serde-either = { $first } ou { $second }
serde-invalid-type = type inattendu : { $found }, attendu { $expected }
serde-invalid-value = valeur inattendue : { $found }, attendu { $expected }
serde-invalid-length = longueur inattendue { $length }, attendu { $expected }
serde-found-boolean = le booléen { $value }
serde-found-integer = l'entier { $value }
serde-found-float = le nombre { $value }
serde-found-string = la chaîne { $value }
serde-found-sequence = une liste
serde-found-map = un dictionnaire
serde-found-null = une valeur vide
serde-expected-string = une chaîne de caractères
serde-expected-boolean = un booléen (true ou false)
serde-expected-sequence = une liste
serde-expected-map = un dictionnaire (des clés et leurs valeurs)
serde-expected-unsigned = un entier positif
serde-expected-integer = un entier
serde-expected-number = un nombre

# Grading's own files (src/grader: roster, gradebook, merge, exports): why one cannot be used.
# keys `roster-…`, `gradebook-…`, `file-…`; the cause (a system error) follows after ": ".
roster-unreadable = { $path }: impossible de lire la liste des étudiants
roster-header = { $path }:1: impossible de lire la ligne d'en-tête
roster-no-id = { $path }:1: pas de colonne `id` (l'en-tête a : { $columns }) ; attendu : id, et folder, name, email
roster-not-csv = { $path }: pas du CSV
roster-id-empty = { $path }:{ $line }: l'id est vide
roster-id-twice = { $path }:{ $line }: l'id `{ $id }` est déjà ligne { $before }
roster-folder-twice = { $path }:{ $line }: le dossier `{ $folder }` est déjà ligne { $before }
roster-empty = { $path }: aucun étudiant (seulement une ligne d'en-tête)
gradebook-open = { $path }: impossible d'ouvrir le carnet de notes
gradebook-missing = { $path }: carnet de notes introuvable
gradebook-busy-timeout = { $path }: impossible de régler l'attente d'un verrou
gradebook-not-sqlite = { $path }: pas une base SQLite
gradebook-foreign = { $path }: pas un carnet de notes d'atelier (un fichier SQLite d'autre chose) ; on n'y écrit pas
gradebook-newer = { $path }: le carnet de notes est au schéma { $version }, plus récent que celui que cet atelier lit ({ $supported }) : mettez atelier à jour
gradebook-wal = { $path }: impossible de passer en mode WAL
gradebook-wal-refused = { $path }: le système de fichiers refuse le mode WAL (obtenu : `{ $mode }`)
gradebook-table = { $path }: impossible de créer la table du carnet de notes
gradebook-record = { $path }: impossible d'enregistrer la note de { $student }
gradebook-damaged-row = { $path }: une ligne abîmée
gradebook-column = { $student } / { $exercise }: colonne `{ $column }`
gradebook-merge-copy = { $path }: impossible de copier le carnet de notes pour y fusionner
file-create-folder = { $path }: impossible de créer le dossier
file-write = { $path }: impossible d'écrire
file-not-utf8-path = { $path }: un chemin qui n'est pas en UTF-8
file-temp = { $path }: impossible de créer un fichier temporaire
file-zip-add = { $path }: impossible d'y ajouter { $name }
file-read = { $path }: impossible de lire
class-unreadable = { $path }: impossible de lire le dossier de la classe
class-not-folder = { $path }: ce n'est pas un dossier (attendu : un dossier de classe, DIR/<étudiant>/… ou DIR/<étudiant>.py)
lock-not-folder = { $path }: pas un dossier (un lien ou un fichier) : le verrou de notation n'y sera pas gardé
lock-foreign-folder = { $path }: appartient à l'uid { $uid } avec le mode { $mode } : le dossier du verrou de notation doit être à cet utilisateur (uid { $me }) et modifiable par lui seul
lock-open = { $path }: impossible d'ouvrir le verrou de notation
lock-take = { $path }: impossible de prendre le verrou de notation
export-syntax = --export `{ $text }` : attendu FORMAT:CHEMIN, FORMAT parmi { $formats }
export-path-empty = --export `{ $text }` : le chemin après `{ $format }:` est vide
export-format-unknown = --export `{ $text }` : format `{ $format }` inconnu (connus : { $formats })
grade-shard-syntax = --shard `{ $text }` : attendu K/N avec 1 ≤ K ≤ N, comme 1/4
grade-similarity-threshold = --similarity-threshold { $value } : attendu une part entre 0 et 1 (comme 0.8)
grade-submission-unreadable = { $path }: impossible de lire la copie
grade-exporting-from = en exportant depuis { $path }
check-reference-missing = { $path }: pas de { $name }
check-sandbox-failed = le bac à sable n'a pas pu lancer la copie
check-sandbox-failed-case = le bac à sable n'a pas pu lancer la copie (cas `{ $case }`)
file-temp-folder = impossible de créer un dossier temporaire
file-set-mode = { $path }: impossible de régler ses droits
file-remove = { $path }: impossible de supprimer
check-sandbox-failed-reference = le bac à sable n'a pas pu lancer la solution de référence
derive-sandbox-failed = le bac à sable n'a pas pu lancer la solution de la leçon
derive-python-missing = impossible de lancer python3 pour lire la solution (python3 est-il installé ?)
derive-written-does-not-load = le dossier d'exercice écrit ne se charge pas
autograder-no-submission = { $path }: pas de dossier de copie
autograder-no-binary = impossible de trouver ce binaire atelier pour l'embarquer
progress-no-home = impossible de trouver le dossier personnel pour les données d'atelier

# Runs (src/sandbox): why the sandbox stopped a run; keys `run-…`
run-output-limit = sortie au-delà de la limite de { $bytes } octets
run-setup-failed = la mise en place du bac à sable a échoué ({ $step }) : { $error }
run-lost-init = le PID 1 de l'exécution s'est terminé de façon inattendue
run-lost-init-signal = le PID 1 de l'exécution s'est terminé de façon inattendue (tué par le signal { $signal })
run-lost-init-exit = le PID 1 de l'exécution s'est terminé de façon inattendue (code de sortie { $code })
run-survivors = { $count ->
    [one] { $count } processus de l'exécution n'a pas pu être tué
   *[other] { $count } processus de l'exécution n'ont pas pu être tués
}
run-wall-limit = limite de temps réel de { $seconds } s atteinte
run-interrupted = arrêté par Ctrl-C
run-signal = tué par le signal { $signal } ({ $name })
run-process-limit = impossible de démarrer plus de { $count } processus et threads
run-memory-limit = mémoire au-delà de la limite de { $mib } Mio
run-cpu-limit = limite de temps CPU de { $seconds } s atteinte

# atelier doctor (src/sandbox/doctor.rs): what this machine allows; keys `doctor-…`
doctor-yes = oui
doctor-no = non
doctor-exact = exacts
doctor-not-exact = PAS exacts
doctor-counting = comptage des processus : { $method }
doctor-verdicts = verdicts sur les processus et le CPU : { $exact }
doctor-to-change = à changer : { $advice }
doctor-layer-uid = un uid non privilégié dédié à chaque exécution (root seulement)
doctor-layer-namespaces = espaces de noms PID, réseau, montage, IPC, UTS sous notre PID 1
doctor-layer-namespaces-user = les mêmes, sous un espace de noms utilisateur non privilégié
doctor-layer-refused = refusé
doctor-layer-cgroup = cgroup par exécution { $kind } : pids.max, memory.max, totaux CPU, kill
doctor-layer-cgroup-none-root = aucune hiérarchie de cgroups accessible en écriture (un conteneur sans délégation de cgroups)
doctor-layer-cgroup-none-user = aucun cgroup délégué à cet utilisateur (par exemple `systemd-run --user --scope -p Delegate=yes`) ; les limites se rabattent sur les rlimits et le décompte du traceur
doctor-layer-subreaper = les orphelins reviennent au correcteur (utilisé sans espace de noms PID)
doctor-layer-ptrace = chaque processus et chaque thread d'une exécution suivis exactement
doctor-layer-ptrace-refused = { $why }
doctor-layer-proc-connector = événements fork/exit du noyau (root, espace de noms PID initial seulement) ; le recours quand ptrace manque
doctor-layer-pidfd = signaux et attentes sans course
doctor-layer-close-range = descripteurs hérités fermés d'un coup
doctor-ptrace-switched-off = ptrace est désactivé par { $var } : retirez-le de cette variable pour des comptes exacts
doctor-layer-switched-off = désactivé par { $var }
doctor-ptrace-refused = ptrace sur l'enfant du correcteur lui-même est refusé ({ $why }){ $yama }{ $seccomp }
doctor-yama-admin-only = {" "}; kernel.yama.ptrace_scope de Yama vaut 2 (administrateur seulement) : lancez le correcteur avec CAP_SYS_PTRACE, ou réglez-le à 1
doctor-yama-no-ptrace = {" "}; kernel.yama.ptrace_scope de Yama vaut 3 (plus aucun ptrace, jusqu'au redémarrage) : démarrez avec une valeur plus basse
doctor-seccomp-filter = {" "}; un filtre seccomp est en place (un conteneur) : autorisez ptrace dans son profil (le profil par défaut de Docker l'autorise sur les noyaux ≥ 4.8 ; `--security-opt seccomp=…`)
doctor-namespaces-switched-off = les espaces de noms sont désactivés par { $var }
doctor-no-namespaces = pas d'espaces de noms PID/réseau/montage pour les exécutions (une exécution pourrait voir le réseau et les fichiers que son uid peut lire) : { $cause }
doctor-namespaces-need-cap-sys-admin = créer des espaces de noms demande CAP_SYS_ADMIN, qui manque à ce conteneur
doctor-namespaces-apparmor = AppArmor refuse les espaces de noms utilisateur non privilégiés (kernel.apparmor_restrict_unprivileged_userns=1) ; réglez-le à 0 ou donnez à atelier un profil AppArmor avec `userns`
doctor-namespaces-userns-clone = kernel.unprivileged_userns_clone=0 ; réglez-le à 1
doctor-namespaces-max-user = user.max_user_namespaces=0 ; augmentez-le
doctor-namespaces-refused-other = les espaces de noms utilisateur non privilégiés sont refusés (un filtre seccomp ou un sysctl)
doctor-sampled = les processus sont échantillonnés depuis /proc (un processus de courte durée peut être manqué)
doctor-sampled-because = les processus sont échantillonnés depuis /proc (un processus de courte durée peut être manqué) : { $ptrace }
doctor-degraded = atelier : les verdicts sur les processus et le CPU ne sont pas exacts sur cette machine ({ $why }) ; voir `atelier doctor`
doctor-connector-lost = le connecteur proc a perdu des événements (débordement du socket)
