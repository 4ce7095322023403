#!/usr/bin/env python3
"""Timings of lesson loading and rendering (a benchmark: printed, never asserted).

Generates a site's docs/ tree of 60 chapters (12 categories of 5, each chapter with sections, code,
lists, a table, admonitions, tabs and key questions — text made up here) in a temporary folder, then
measures the median wall time of

  atelier show 43 >/dev/null                 (target: under 50 ms)
  atelier --course <tree> toc >/dev/null     (target: under 200 ms)

Usage: benches/course_timings.py [path/to/atelier] [runs]
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHAPTER = """---
sidebar_position: {pos}
sidebar_label: Chapitre {n}
---
import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';

# Chapitre {n} : notion numéro {n} {{#chapitre-{n}}}

Une introduction de quelques phrases : ce chapitre présente la notion {n}, ses usages et ses pièges.
Le texte est inventé pour la mesure ; il a la forme d'une vraie leçon, avec `du code en ligne`,
du **gras**, de l'*italique* et [un lien](https://example.org/{n}).

{sections}

## Questions clés {{#questions-cles-{n}}}

1. **Que fait `f(**kwargs)` dans le chapitre {n} ?**
   Elle reçoit un dictionnaire des arguments nommés.
2. **Pourquoi mesurer ?**
   Parce que l'intuition se trompe souvent.
- Une question en liste à puces ?
  *Réponse : oui, c'est possible.*
"""

SECTION = """## Section {s} du chapitre {n} {{#section-{s}}}

### Quoi

- un premier point assez long pour passer à la ligne quand on lit la leçon dans un terminal étroit ;
- un second point, avec un sous-point :
  - imbriqué, lui aussi avec `du code` ;
- un troisième point.

| Colonne | Valeur | Remarque |
| --- | --- | --- |
| a | `1` | rien à signaler |
| b | `2` | un texte un peu plus long dans la cellule |

```python
def fonction_{s}(x):
    return sum(i * i for i in range(x))
```

:::tip Astuce {s}
Un conseil dans une boîte, avec `du code` et du **gras**.
:::

<Tabs>
<TabItem value="a" label="Version A">

Le contenu de l'onglet A.

</TabItem>
<TabItem value="b" label="Version B">

Le contenu de l'onglet B.

</TabItem>
</Tabs>
"""


def generate(root):
    docs = os.path.join(root, "docs")
    n = 0
    for category in range(1, 13):
        folder = os.path.join(docs, f"{category:02d}-partie")
        os.makedirs(folder)
        with open(os.path.join(folder, "_category_.json"), "w") as f:
            json.dump({"label": f"Partie {category}", "position": category}, f)
        for pos in range(1, 6):
            n += 1
            sections = "\n".join(SECTION.format(s=s, n=n) for s in range(1, 6))
            ext = "mdx" if pos % 2 else "md"
            with open(os.path.join(folder, f"{pos:02d}-chapitre-{n}.{ext}"), "w") as f:
                f.write(CHAPTER.format(pos=pos, n=n, sections=sections))
    return n


def median_ms(argv, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                       env={**os.environ, "NO_COLOR": "1"})
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/atelier"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 21
    with tempfile.TemporaryDirectory() as root:
        chapters = generate(root)
        for label, argv, target in [
            ("show 43", [binary, "show", "43"], 50),
            (f"toc of a {chapters}-chapter docs/ tree", [binary, "--course", root, "toc"], 200),
        ]:
            med, low, high = median_ms(argv, runs)
            verdict = "met" if med < target else "MISSED"
            print(f"{label}: median {med:.1f} ms (min {low:.1f}, max {high:.1f}, {runs} runs); target < {target} ms: {verdict}")


if __name__ == "__main__":
    main()
