"""Exercice 43.3 - Un compteur partagé entre 10 processus, protégé par un verrou."""
from multiprocessing import Lock, Process, Value


def increment(counter, lock):
    """Ajoute 100 au compteur, une unité à la fois."""
    for _ in range(100):
        # `counter.value += 1` lit, ajoute puis écrit : sans verrou, deux processus
        # peuvent lire la même valeur et l'une des deux mises à jour est perdue.
        with lock:
            counter.value += 1


if __name__ == "__main__":
    # 'i' pour un entier C, 0 comme valeur initiale, en mémoire partagée.
    shared_counter = Value("i", 0)
    lock = Lock()

    processes = [Process(target=increment, args=(shared_counter, lock)) for _ in range(10)]
    for p in processes:
        p.start()
    # Attendre tous les processus avant de lire le résultat.
    for p in processes:
        p.join()

    print(f"Valeur finale du compteur partagé : {shared_counter.value}")
