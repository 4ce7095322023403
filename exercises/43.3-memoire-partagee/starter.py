"""Exercice 43.3 - Variables partagées (mémoire partagée).

10 processus ajoutent chacun 100 à un compteur partagé, une unité à la fois.
Affichez la valeur finale (1000 attendu), par exemple : Valeur finale : 1000
Vérifiez avec : atelier check 43.3 compteur.py
"""
from multiprocessing import Lock, Process, Value


def increment(counter, lock):
    # TODO : ajouter 1 à counter.value, 100 fois, sans perdre de mise à jour.
    pass


if __name__ == "__main__":
    # TODO : un entier partagé (multiprocessing.Value) initialisé à 0 et un verrou.
    counter = None

    # TODO : lancer 10 processus qui exécutent increment, puis les attendre tous.

    print(f"Valeur finale : {counter}")
