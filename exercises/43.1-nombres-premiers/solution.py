"""Exercice 43.1 - La course aux nombres premiers : séquentiel contre Pool de processus."""
import time
from multiprocessing import Pool


def is_prime(n):
    """Test naïf : on essaie les diviseurs impairs jusqu'à la racine carrée."""
    if n < 2:
        return False
    if n == 2:
        return True
    if n % 2 == 0:
        return False
    for i in range(3, int(n**0.5) + 1, 2):
        if n % i == 0:
            return False
    return True


def count_primes_in_chunk(numbers):
    """Compte les nombres premiers d'une liste (c'est le travail d'un ouvrier)."""
    return sum(1 for n in numbers if is_prime(n))


if __name__ == "__main__":
    # Les données : 200 000 nombres, du pur calcul CPU.
    data = list(range(100_000, 300_000))

    # --- SÉQUENTIEL : un seul processus fait tout ---
    start = time.perf_counter()
    total_seq = count_primes_in_chunk(data)
    t_seq = time.perf_counter() - start
    print(f"Séquentiel : {t_seq:.2f}s (Trouvé: {total_seq})")

    # --- PARALLÈLE : 4 morceaux, 4 processus ---
    start = time.perf_counter()
    chunk_size = len(data) // 4
    chunks = [data[i:i + chunk_size] for i in range(0, len(data), chunk_size)]
    # Chaque ouvrier du Pool a son propre interpréteur, donc son propre GIL :
    # les morceaux sont comptés en même temps sur plusieurs cœurs.
    with Pool(processes=4) as pool:
        total_par = sum(pool.map(count_primes_in_chunk, chunks))
    t_par = time.perf_counter() - start
    print(f"Parallèle : {t_par:.2f}s (Trouvé: {total_par})")
