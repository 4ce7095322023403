"""Exercice 43.2 - Traitement d'images en masse, les résultats affichés dès qu'ils arrivent."""
import os
import time
from multiprocessing import Pool


def process_image(img_name):
    """Simule un traitement lourd (redimensionnement, filtres...) et renvoie la vignette."""
    time.sleep(0.5)
    stem, ext = os.path.splitext(img_name)
    # Le PID de l'ouvrier montre quel processus du Pool a traité l'image.
    return f"{img_name} -> {stem}_thumb{ext} (PID {os.getpid()})"


if __name__ == "__main__":
    images = [f"img_{i}.jpg" for i in range(10)]

    print("Début du traitement...")
    start = time.perf_counter()
    count = 0

    with Pool() as pool:
        # imap_unordered rend chaque résultat dès qu'un ouvrier l'a fini, dans l'ordre
        # d'arrivée : on affiche la progression en temps réel, sans attendre le lot.
        for result in pool.imap_unordered(process_image, images):
            count += 1
            print(f"[{time.perf_counter() - start:.1f}s] ✅ {result}", flush=True)

    print(f"Traitement terminé : {count} vignettes.")
