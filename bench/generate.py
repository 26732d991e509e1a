"""Write a deterministic synthetic registry: the real goals and parties, N actions in all.

The national file keeps the real actions' shape; the rest is spread over regional agendas in
data/acties/, as tens of RESVs would add them.

    python bench/generate.py OUT_DIR --acties 10000 [--regios 40]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

from eerstelijn.shape import FILES, REGIONAL_DIR

ROOT = Path(__file__).resolve().parent.parent
TREKKERS = ["ZN", "VWS", "NZa", "LHV", "KNMP", "V&VN", "beroepsverenigingen", "overheidspartijen"]
DOELEN = ["1", "2", "3", "4", "5", "6A", "6B"]


def _actie(rng: random.Random, actie_id: str, regio: str | None) -> str:
    year = rng.choice([2025, 2026, 2027])
    quarters = sorted(rng.sample(range(1, 5), rng.randint(1, 3)))
    trekker = rng.sample(TREKKERS, rng.randint(0, 2))
    lines = [
        f"  - id: {actie_id}",
        f"    titel: Synthetische actie {actie_id} voor de benchmark van de registry",
    ]
    if regio:
        lines.append(f"    regio: {regio}")
    lines += [
        f"    doelen: [{', '.join(rng.sample(DOELEN, rng.randint(1, 2)))}]",
        f"    trekker: [{', '.join(trekker)}]",
        "    betrokkenen: [Patiëntenfederatie]",
        "    mijlpalen:",
    ]
    for q in quarters:
        lines += [
            f"      - omschrijving: Stap in Q{q} van {year}, "
            "met een beschrijving van redelijke lengte",
            f"        deadline: Q{q} {year}",
        ]
        # Most milestones carry a short log, as a registry in use would.
        if rng.random() < 0.7:
            lines += [
                "        voortgang:",
                f"          - datum: {min(year - 1, 2025)}-{3 * q:02d}-15",
                "            status: lopend",
                f"            beoordeling: {rng.choice(['op-koers', 'risico', 'achter'])}",
                f"          - datum: {min(year - 1, 2025)}-{3 * q:02d}-28",
                "            toelichting: Voortgang besproken in het regionaal overleg",
                "            beoordeling: op-koers",
            ]
    lines.append("    bron: {document: realisatieagenda, sectie: 'synthetisch'}")
    return "\n".join(lines) + "\n"


def generate(out: Path, acties: int, regios: int, seed: int = 2030) -> None:
    """Write the registry to `out`, replacing what was there."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "acties").mkdir(parents=True)
    for data_file in FILES:
        if data_file.key != REGIONAL_DIR:  # every data file but the actions is the real one
            shutil.copyfile(ROOT / "data" / data_file.name, out / data_file.name)
    national = max(acties // (regios + 1), 1)
    body = "".join(_actie(rng, f"N.{i}", None) for i in range(1, national + 1))
    (out / "acties.yaml").write_text(f"acties:\n{body}", encoding="utf-8")
    left = acties - national
    for r in range(regios):
        count = left // regios + (1 if r < left % regios else 0)
        regio = f"R{r + 1:02d}"
        body = "".join(_actie(rng, f"{regio}.{i}", regio) for i in range(1, count + 1))
        (out / "acties" / f"{regio.lower()}.yaml").write_text(
            f"acties:\n{body}" if body else "acties: []\n", encoding="utf-8"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--acties", type=int, default=1000)
    parser.add_argument("--regios", type=int, default=40)
    args = parser.parse_args()
    generate(args.out, args.acties, args.regios)


if __name__ == "__main__":
    main()
