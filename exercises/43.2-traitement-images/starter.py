"""Exercice 43.2 - Traitement d'images en masse.

Traitez 10 images avec un Pool de processus et affichez chaque résultat dès qu'il est prêt,
sans attendre la fin du lot (Pool().imap_unordered).
Vérifiez avec : atelier check 43.2 images.py
"""
import time
from multiprocessing import Pool


def process_image(img_name):
    # Simulation d'un traitement lourd (redimensionnement, filtre...).
    time.sleep(0.5)
    return f"{img_name}_thumb.jpg"


if __name__ == "__main__":
    images = [f"img_{i}.jpg" for i in range(10)]

    print("Début du traitement...")
    # TODO : avec un Pool, traiter les images par imap_unordered et afficher
    # chaque résultat dès qu'il arrive.
    print("Traitement terminé.")
