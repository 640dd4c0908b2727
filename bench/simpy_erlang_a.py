"""Benchmark case 2: the Erlang-A model of case 1 in SimPy, written the idiomatic SimPy way.

1,000 agents, exponential handle time (mean 300 s), exponential patience (mean 180 s), Poisson
arrivals at 11,700 calls/hour, 24 hours. Prints one JSON line: contacts, handled, abandoned, wall
seconds. Usage: python3 bench/simpy_erlang_a.py [hours] [seed]
"""
import json
import random
import sys
import time

import simpy

AGENTS = 1000
AHT = 300.0
PATIENCE = 180.0
RATE = 11700 / 3600.0


def main():
    hours = float(sys.argv[1]) if len(sys.argv) > 1 else 24.0
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    env = simpy.Environment()
    agents = simpy.Resource(env, capacity=AGENTS)
    stats = {"contacts": 0, "handled": 0, "abandoned": 0, "wait": 0.0}

    def customer(env):
        arrived = env.now
        patience = rng.expovariate(1.0 / PATIENCE)
        handle = rng.expovariate(1.0 / AHT)
        with agents.request() as req:
            result = yield req | env.timeout(patience)
            if req in result:
                stats["handled"] += 1
                stats["wait"] += env.now - arrived
                yield env.timeout(handle)
            else:
                stats["abandoned"] += 1

    def source(env):
        while True:
            yield env.timeout(rng.expovariate(RATE))
            stats["contacts"] += 1
            env.process(customer(env))

    env.process(source(env))
    start = time.perf_counter()
    env.run(until=hours * 3600)
    wall = time.perf_counter() - start
    stats["wallSeconds"] = wall
    stats["hours"] = hours
    stats["simpy"] = simpy.__version__
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
