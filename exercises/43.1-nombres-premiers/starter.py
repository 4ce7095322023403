"""Exercice 43.1 - La course aux nombres premiers.

Comptez les nombres premiers de range(100_000, 300_000), d'abord dans un seul processus,
puis en découpant la liste en 4 morceaux confiés à un Pool de 4 processus.
Affichez pour chaque version sa durée en secondes et le nombre trouvé, par exemple :
    Séquentiel : 0.42s (Trouvé: 16405)
    Parallèle : 0.30s (Trouvé: 16405)
Vérifiez avec : atelier check 43.1 premiers.py
"""
import time
from multiprocessing import Pool


def is_prime(n):
    # TODO : renvoyer True si n est premier (algorithme naïf : essayer les diviseurs
    # impairs jusqu'à la racine carrée de n).
    return False


def count_primes_in_chunk(numbers):
    # TODO : compter les nombres premiers de la liste avec is_prime.
    return 0


if __name__ == "__main__":
    data = list(range(100_000, 300_000))

    # --- SÉQUENTIEL ---
    start = time.perf_counter()
    total_seq = count_primes_in_chunk(data)
    t_seq = time.perf_counter() - start
    print(f"Séquentiel : {t_seq:.2f}s (Trouvé: {total_seq})")

    # --- PARALLÈLE ---
    # TODO : découper data en 4 morceaux, les compter avec un Pool(processes=4)
    # (pool.map), additionner les résultats et mesurer la durée.
