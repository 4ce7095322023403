"""CPython's side of `atelier bench`: the same workloads with multiprocessing (start method fork).

Prints one JSON document: for each workload, one sample per repetition, in the unit atelier uses
(median microseconds per process, tasks/s, messages/s, increments/s, seconds). atelier takes the medians.
Usage: python3 mp_bench.py REPS
"""
import json
import multiprocessing as mp
import platform
import statistics
import sys
import time

PROCESS_STARTS = 50
MAP_TASKS = 200_000
IMAP_TASKS = 50_000
QUEUE_MESSAGES = 200_000
LOCK_PROCESSES = 10
LOCK_INCREMENTS = 10_000
PRIMES = (100_000, 300_000)


def noop():
    pass


def square(x):
    return x * x


def is_prime(n):
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


def count_primes_in_chunk(chunk):
    return sum(1 for n in chunk if is_prime(n))


def producer(queue, count):
    for i in range(count):
        queue.put(i)


def increment(value, count, barrier, ends):
    barrier.wait()
    for _ in range(count):
        with value.get_lock():
            value.value += 1
    ends.put(time.perf_counter())


def process_start_join():
    # The median of the 50 (not the mean): one start delayed by another job on the machine must
    # not weigh on the figure.
    times = []
    for _ in range(PROCESS_STARTS):
        start = time.perf_counter()
        p = mp.Process(target=noop)
        p.start()
        p.join()
        times.append((time.perf_counter() - start) * 1e6)
    return statistics.median(times)


def pool_map(chunksize):
    with mp.Pool(2) as pool:
        pool.map(square, range(100))  # workers up and warm
        start = time.perf_counter()
        results = pool.map(square, range(MAP_TASKS), chunksize=chunksize)
        elapsed = time.perf_counter() - start
    assert results[-1] == (MAP_TASKS - 1) ** 2
    return MAP_TASKS / elapsed


def imap_unordered():
    with mp.Pool(2) as pool:
        pool.map(square, range(100))
        start = time.perf_counter()
        total = sum(1 for _ in pool.imap_unordered(square, range(IMAP_TASKS)))
        elapsed = time.perf_counter() - start
    assert total == IMAP_TASKS
    return IMAP_TASKS / elapsed


def queue():
    q = mp.Queue()
    start = time.perf_counter()
    p = mp.Process(target=producer, args=(q, QUEUE_MESSAGES))
    p.start()
    for _ in range(QUEUE_MESSAGES):
        q.get()
    elapsed = time.perf_counter() - start
    p.join()
    return QUEUE_MESSAGES / elapsed


def value_lock():
    # Counted from the moment every process is started and waiting (the barrier opens) to the last
    # one's end (perf_counter is the system-wide monotonic clock): start-up is returned apart.
    v = mp.Value("q", 0)
    barrier = mp.Barrier(LOCK_PROCESSES + 1)
    ends = mp.Queue()
    began = time.perf_counter()
    ps = [mp.Process(target=increment, args=(v, LOCK_INCREMENTS, barrier, ends))
          for _ in range(LOCK_PROCESSES)]
    for p in ps:
        p.start()
    barrier.wait()
    start = time.perf_counter()
    last = max(ends.get() for _ in range(LOCK_PROCESSES))
    for p in ps:
        p.join()
    assert v.value == LOCK_PROCESSES * LOCK_INCREMENTS, v.value
    return LOCK_PROCESSES * LOCK_INCREMENTS / (last - start), start - began


def primes_sequential():
    data = list(range(*PRIMES))
    start = time.perf_counter()
    found = count_primes_in_chunk(data)
    return time.perf_counter() - start, found


def primes_pool():
    # As the chapter does it: four chunks on a pool of four. As for Pool.map, the pool is started
    # before the clock (the same on atelier's side).
    data = list(range(*PRIMES))
    size = len(data) // 4
    chunks = [data[i:i + size] for i in range(0, len(data), size)]
    with mp.Pool(processes=4) as pool:
        pool.map(square, range(8))
        start = time.perf_counter()
        found = sum(pool.map(count_primes_in_chunk, chunks))
        elapsed = time.perf_counter() - start
    return elapsed, found


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    mp.set_start_method("fork")
    samples = {name: [] for name in (
        "process_start_join", "pool_map_chunksize_1", "pool_map_chunksize_1000", "imap_unordered",
        "queue", "value_lock", "value_lock_startup", "primes_sequential", "primes_pool")}
    counts = {}
    for _ in range(reps):
        samples["process_start_join"].append(process_start_join())
        samples["pool_map_chunksize_1"].append(pool_map(1))
        samples["pool_map_chunksize_1000"].append(pool_map(1000))
        samples["imap_unordered"].append(imap_unordered())
        samples["queue"].append(queue())
        rate, startup = value_lock()
        samples["value_lock"].append(rate)
        samples["value_lock_startup"].append(startup)
        seconds, counts["primes_sequential"] = primes_sequential()
        samples["primes_sequential"].append(seconds)
        seconds, counts["primes_pool"] = primes_pool()
        samples["primes_pool"].append(seconds)
    json.dump({
        "python": platform.python_version(),
        "start_method": mp.get_start_method(),
        "samples": samples,
        "counts": counts,
    }, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
