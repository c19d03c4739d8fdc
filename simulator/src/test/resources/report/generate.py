#!/usr/bin/env python3
"""Writes the report test fixtures: run folders in the layout of cli.md ("run", "sensitivity",
"sweep"), from a small NumPy simulation of the fleet-tco example of scenario-format.md.
Run from this directory: python3 generate.py  (NumPy needed; seed fixed, output committed)."""
import csv, json, math, os
import numpy as np

def jnum(x):
    """A double as Java's Double.toString writes it (shortest digits)."""
    x = float(x)
    if x == 0:
        return "0.0"
    a = abs(x)
    if 1e-3 <= a < 1e7:
        r = repr(x)
        return r if ("." in r or "e" in r) is False else (r if "e" not in r else format(x, ".17g"))
    m, e = ("%r" % x).lower().split("e") if "e" in repr(x) else (repr(x), None)
    if e is None:
        d = np.format_float_scientific(x, unique=True, trim="-")
        m, e = d.split("e")
    if "." not in m:
        m += ".0"
    return "%sE%d" % (m, int(e))

def fix(s):
    return s if ("." in s or "E" in s) else s + ".0"

def num(x):
    return fix(jnum(x))

def write_csv(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)

def tquant(x, q):
    return float(np.quantile(x, q))  # numpy's default is Hyndman-Fan type 7

def summary_rows(name, kind, x, quantiles):
    n = len(x)
    m, sd = x.mean(), x.std(ddof=1)
    se = sd / math.sqrt(n)
    rows = [[name, kind, "mean", num(m), num(m - 1.96 * se), num(m + 1.96 * se)]]
    if sd > 0:
        rows.append([name, kind, "sd", num(sd), num(sd * 0.98), num(sd * 1.02)])
    else:
        rows.append([name, kind, "sd", num(0.0), "", ""])
    rows.append([name, kind, "min", num(x.min()), "", ""])
    rows.append([name, kind, "max", num(x.max()), "", ""])
    if quantiles is not None:
        s = np.sort(x)
        for q in quantiles:
            lo = s[max(0, int(n * q - 1.96 * math.sqrt(n * q * (1 - q))))]
            hi = s[min(n - 1, int(n * q + 1.96 * math.sqrt(n * q * (1 - q))))]
            label = "p" + ("%g" % (100 * q))
            rows.append([name, kind, label, num(tquant(x, q)), num(lo), num(hi)])
    return rows

def hist_rows(name, x, bins):
    lo, hi = x.min(), x.max()
    if lo == hi:
        return [[name, num(lo), num(hi), len(x)]]
    idx = np.minimum(bins - 1, np.floor((x - lo) * bins / (hi - lo)).astype(int))
    counts = np.bincount(idx, minlength=bins)
    edges = [lo + (hi - lo) * i / bins for i in range(bins)] + [hi]
    return [[name, num(edges[i]), num(edges[i + 1]), int(counts[i])] for i in range(bins)]

def wilson(h, n):
    z = 1.959963984540054
    p = h / n
    c = (p + z * z / (2 * n)) / (1 + z * z / n)
    w = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, c - w), min(1.0, c + w)

Z95 = 1.6448536269514722

def model(u, p_high=40000.0, rent_max=3.0):
    n_h800 = u["n"]
    mu = (math.log(20000) + math.log(p_high)) / 2
    sigma = (math.log(p_high) - math.log(20000)) / (2 * Z95)
    p_h800 = np.exp(mu + sigma * u["z_p"])
    server_mult = 1.3 + 0.5 * u["u_s"]
    gpu_hours = 2.788e6 + 3.0e4 * u["z_g"]
    rent = 1.5 + (rent_max - 1.5) * u["u_r"]
    capex = n_h800 * p_h800 * server_mult
    claimed = gpu_hours * rent
    inputs = dict(n_h800=n_h800, p_h800=p_h800, server_mult=server_mult, gpu_hours=gpu_hours, rent=rent)
    return inputs, dict(capex=capex, claimed=claimed, ratio=capex / claimed)

CLAIMS = [("60x", "ratio >= 60", lambda o: o["ratio"] >= 60),
          ("under-500M", "5e8 > capex", lambda o: o["capex"] < 5e8),
          ("both", "ratio > 50 && capex < 6e8", lambda o: (o["ratio"] > 50) & (o["capex"] < 6e8))]

def fleet(folder):
    rng = np.random.default_rng(42)
    n = 20000
    u = dict(n=rng.triangular(8000, 10000, 12000, n), z_p=rng.standard_normal(n),
             u_s=rng.random(n), z_g=rng.standard_normal(n), u_r=rng.random(n))
    inputs, formulas = model(u)
    qs = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99]
    outputs = ["capex", "ratio"]
    rows = []
    for k, v in inputs.items():
        rows += summary_rows(k, "input", v, None)
    for k, v in formulas.items():
        rows += summary_rows(k, "formula", v, qs if k in outputs else None)
    write_csv(folder + "/summary.csv", ["variable", "kind", "statistic", "estimate", "mc_low", "mc_high"], rows)
    crow = []
    for name, expr, f in CLAIMS:
        h = int(f(formulas).sum())
        lo, hi = wilson(h, n)
        crow.append([name, expr, num(h / n), num(lo), num(hi), h, n])
    write_csv(folder + "/claims.csv", ["claim", "expression", "probability", "mc_low", "mc_high", "hits", "samples"], crow)
    hrows = []
    for k in outputs:
        hrows += hist_rows(k, formulas[k], 100)
    write_csv(folder + "/histogram.csv", ["variable", "bin_low", "bin_high", "count"], hrows)
    sensitivity(folder, inputs, formulas, outputs)
    sweep(folder, u, outputs, n)
    run = {"name": "fleet-tco", "scenario": "examples/fleet-tco.yaml", "scenario_sha256": "ab" * 32,
           "seed": 42, "samples": n, "samples_requested": n, "method": "random", "threads": 2,
           "engine": "local", "version": "0.1.0", "java": "17.0.15", "started": "2025-01-02T03:04:05Z",
           "elapsed_seconds": 0.412, "samples_per_second": n / 0.412, "stop_reason": "samples",
           "quantiles": "exact", "warnings": [],
           "description": "Ownership cost of a GPU fleet against a reported training cost.",
           "sources": ["DeepSeek-V3 Technical Report (2024), Table 1", "Vendor price lists & <quotes>",
                       "https://arxiv.org/abs/2412.19437"],
           "outputs": outputs, "claims": [{"name": c[0], "expression": c[1]} for c in CLAIMS],
           "inputs": {
               "n_h800": {"unit": "GPU", "description": "GPUs in the fleet", "source": "",
                          "distribution": {"dist": "triangular", "min": 8000, "mode": 10000, "max": 12000}},
               "p_h800": {"unit": "USD", "description": "Price of one H800", "source": "market reports",
                          "distribution": {"dist": "lognormal", "low": 20000, "high": 40000}},
               "server_mult": {"unit": "x", "description": "Server cost over GPU cost", "source": "",
                               "distribution": {"dist": "uniform", "min": 1.3, "max": 1.8}},
               "gpu_hours": {"unit": "h", "description": "Reported GPU hours", "source": "Table 1",
                             "distribution": {"dist": "normal", "mean": 2.788e6, "sd": 3.0e4}},
               "rent": {"unit": "USD/h", "description": "Rental price per GPU hour", "source": "",
                        "distribution": {"dist": "uniform", "min": 1.5, "max": 3.0}}}}
    with open(folder + "/run.json", "w") as f:
        json.dump(run, f, indent=2)

def sensitivity(folder, inputs, formulas, outputs):
    rows = []
    for out in outputs:
        y = formulas[out]
        ry = np.argsort(np.argsort(y))
        var = y.var()
        per = []
        for k, x in inputs.items():
            rx = np.argsort(np.argsort(x))
            rho = float(np.corrcoef(rx, ry)[0, 1])
            lo = float(y[x <= np.quantile(x, 0.1)].mean())
            hi = float(y[x >= np.quantile(x, 0.9)].mean())
            order = np.argsort(x)
            means = np.array([y[c].mean() for c in np.array_split(order, 40)])
            first = float(means.var() / var)
            per.append((k, rho, lo, hi, first, min(1.0, first * 1.05 + 0.002)))
        per.sort(key=lambda r: -r[5])
        for k, rho, lo, hi, first, total in per:
            rows.append([out, k, "rank_correlation", num(rho), num(rho - 0.01), num(rho + 0.01)])
            rows.append([out, k, "mean_low", num(lo), num(lo * 0.99), num(lo * 1.01)])
            rows.append([out, k, "mean_high", num(hi), num(hi * 0.99), num(hi * 1.01)])
            if out == "capex":
                rows.append([out, k, "sobol_first", num(first), num(first - 0.02), num(first + 0.02)])
                rows.append([out, k, "sobol_total", num(total), num(total - 0.02), num(total + 0.02)])
    write_csv(folder + "/sensitivity.csv", ["output", "input", "index", "estimate", "mc_low", "mc_high"], rows)

def sweep(folder, u, outputs, n):
    rows, crows = [], []
    point = 0
    for p_high in np.linspace(30000, 50000, 5):
        for rent_max in np.linspace(2.5, 3.5, 3):
            _, f = model(u, p_high, rent_max)
            params = [num(p_high), num(rent_max)]
            for out in outputs:
                for r in summary_rows(out, "formula", f[out], [0.05, 0.5, 0.95]):
                    rows.append([point] + params + [out, r[2], r[3], r[4], r[5]])
            for name, _, fn in CLAIMS:
                h = int(fn(f).sum())
                lo, hi = wilson(h, n)
                crows.append([point] + params + [name, num(h / n), num(lo), num(hi)])
            point += 1
    write_csv(folder + "/sweep.csv", ["point", "p_h800.high", "rent.max", "variable", "statistic", "estimate",
                                      "mc_low", "mc_high"], rows)
    write_csv(folder + "/sweep-claims.csv", ["point", "p_h800.high", "rent.max", "claim", "probability",
                                             "mc_low", "mc_high"], crows)

def odd(folder):
    """Edge cases: a constant output (one bin), a name needing sanitizing, hostile text, few keys."""
    rng = np.random.default_rng(7)
    n = 5000
    cost = rng.lognormal(math.log(2e6), 0.4, n)
    flat = np.full(n, 12.5)
    weird = "we<i>rd/../name"
    rows = summary_rows("cost", "input", cost, None)
    rows += summary_rows("flat", "formula", flat, [0.05, 0.5, 0.95])
    rows += summary_rows(weird, "formula", cost / 1e6, [0.05, 0.5, 0.95])
    write_csv(folder + "/summary.csv", ["variable", "kind", "statistic", "estimate", "mc_low", "mc_high"], rows)
    h = int((cost > 2.5e6).sum())
    lo, hi = wilson(h, n)
    write_csv(folder + "/claims.csv", ["claim", "expression", "probability", "mc_low", "mc_high", "hits", "samples"],
              [["pricey", "cost > 2_500_000", num(h / n), num(lo), num(hi), h, n],
               ["flat-low", "flat <= 12.5", "1.0", "0.9992", "1.0", n, n]])
    write_csv(folder + "/histogram.csv", ["variable", "bin_low", "bin_high", "count"],
              hist_rows("flat", flat, 50) + hist_rows(weird, cost / 1e6, 50))
    run = {"name": "odd", "scenario": "odd.yaml", "scenario_sha256": "cd" * 32, "seed": -3, "samples": n,
           "samples_requested": n, "method": "lhs", "threads": 1, "engine": "local", "version": "0.1.0",
           "java": "17", "started": "2025-01-02T03:04:05Z", "elapsed_seconds": 0.05,
           "samples_per_second": n / 0.05, "stop_reason": "samples", "quantiles": "exact",
           "warnings": ["flat is constant & <b>bold</b>"],
           "description": "<script>alert(\"x\")</script> & more",
           "inputs": {"cost": {"unit": "USD", "description": "A cost", "source": "",
                               "distribution": "lognormal(mu=14.5, sigma=0.4)"}}}
    with open(folder + "/run.json", "w") as f:
        json.dump(run, f, indent=2)

for name, make in (("fleet-tco", fleet), ("odd", odd)):
    os.makedirs(name, exist_ok=True)
    make(name)
