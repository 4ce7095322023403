"""Exercice 43.2 - Traitement d'images en masse, les résultats affichés dès qu'ils arrivent."""
import os
import time
from multiprocessing import Pool


def process_image(img_name):
    """Simule un traitement lourd (redimensionnement, filtre...)."""
    time.sleep(0.5)
    # Le PID de l'ouvrier montre quel processus du Pool a traité l'image.
    return f"{img_name} -> {img_name}_thumb.jpg (PID: {os.getpid()})"


if __name__ == "__main__":
    images = [f"img_{i}.jpg" for i in range(10)]

    print("Début du traitement...")
    with Pool() as pool:
        # imap_unordered rend chaque résultat dès qu'un ouvrier l'a fini,
        # dans l'ordre d'arrivée : on affiche la progression en temps réel.
        for result in pool.imap_unordered(process_image, images):
            print(f"✅ {result}")
    print("Traitement terminé.")
