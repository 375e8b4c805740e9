"""How fast this machine is today: two reference timings to read beside the suite's times.

Usage (from the repository root, after `make install`):

    .venv/bin/python bench/machine.py [--rounds 3]

The test suite's targets (`make test` within 4 minutes, `.ci/run` within 10) are set for "this
machine", but the shared machines differ from one session to the next: the same commit's
`make test` took 270 s one day and 386 s another, both cores busy throughout. Printed here,
each the median of `--rounds` runs in fresh processes:

* a pure-Python loop (30 million additions): the interpreter's speed, which the suite is bound
  by (its Python processes take about nine tenths of its CPU);
* `django.setup()` with the test settings: what every test worker and every subprocess a test
  starts pays before its first line (imports, mostly Wagtail's);
* the load average before and after, since the cores are shared.

Divide a suite time by the loop's ratio to an earlier day's to compare the two days.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import loadavg  # noqa: E402

LOOP = "s = 0\nfor i in range(30_000_000):\n    s += i\n"
SETUP = "import django\ndjango.setup()\n"


def seconds(code, env):
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    print(f"load average before: {loadavg()}")
    for label, code in (("Python loop, 30M additions", LOOP), ("django.setup(), test", SETUP)):
        times = [seconds(code, env) for _ in range(args.rounds)]
        spread = f"{min(times):.2f}-{max(times):.2f}"
        print(f"{label:28} median {statistics.median(times):6.2f} s  ({spread} s)")
    print(f"load average after:  {loadavg()}")


if __name__ == "__main__":
    main()
