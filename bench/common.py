"""What the benchmark scripts share: a load runner, percentiles and the machine's load.

Each script used to carry its own thread runner and its own rounding of p95/p99, so two tables
could disagree on the same timings. Here is one of each:

* `run_load` runs `clients` threads for `seconds`, each with a connection of its own (a
  keep-alive `http.client` connection, a `requests.Session`, a test client…), and returns the
  requests per second, p50 and p99 in milliseconds, and the number of failed requests;
* `percentile` is the nearest-rank percentile: the smallest timing that at least `fraction` of
  the timings do not exceed (p95 of 20 timings is the 19th smallest);
* `loadavg` is what `uptime` says, to print beside every table (the clients share the cores
  with the servers they measure).
"""

import math
import os
import socket
import statistics
import threading
import time


def percentile(values, fraction):
    """Nearest-rank percentile of `values` (0 < fraction <= 1)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def loadavg():
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_load(fetch, seconds, clients, connect, failures=(OSError,)):
    """Call `fetch(connection, number)` from `clients` threads for `seconds`.

    `connect()` makes each thread's connection; `number` counts that thread's requests from
    the thread's index, so threads that rotate through a list of addresses start apart.
    `fetch` returns whether the request succeeded; an exception in `failures` counts as a
    failure. Returns (requests/s, p50 ms, p99 ms, failures).
    """
    stop = time.monotonic() + seconds
    timings, failed = [], [0]
    lock = threading.Lock()

    def worker(index):
        connection, mine, errors, number = connect(), [], 0, index
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                ok = fetch(connection, number)
            except failures:
                ok = False
            mine.append(time.perf_counter() - started)
            errors += not ok
            number += 1
        with lock:
            timings.extend(mine)
            failed[0] += errors

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(clients)]
    begun = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - begun
    if not timings:
        return 0.0, 0.0, 0.0, failed[0]
    return (
        len(timings) / elapsed,
        statistics.median(timings) * 1000,
        percentile(timings, 0.99) * 1000,
        failed[0],
    )
