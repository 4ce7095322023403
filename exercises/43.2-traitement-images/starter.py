"""Exercice 43.2 - Traitement d'images en masse.

Traitez 10 images avec un Pool de processus et affichez chaque résultat dès qu'il est prêt,
sans attendre la fin du lot (Pool().imap_unordered), avec le temps écoulé depuis le début.
Vérifiez avec : atelier check 43.2 images.py
"""
import os
import time
from multiprocessing import Pool


def process_image(img_name):
    # Simulation d'un traitement lourd (redimensionnement, filtres...).
    time.sleep(0.5)
    # TODO : renvoyer le nom de la vignette : img_3.jpg donne img_3_thumb.jpg
    # (os.path.splitext sépare le nom et l'extension).
    return img_name


if __name__ == "__main__":
    images = [f"img_{i}.jpg" for i in range(10)]

    print("Début du traitement...")
    start = time.perf_counter()
    # TODO : avec un Pool, traiter les images par imap_unordered et afficher
    # chaque résultat dès qu'il arrive, précédé du temps écoulé.
    print("Traitement terminé.")
