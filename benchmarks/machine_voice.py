"""What the machine voice (plugin option `machine_voice: true`) costs a build, per procedure.

    .venv/bin/python -m benchmarks.machine_voice [mkdocs.yml]

Makes the Vietnamese machine voice of every published procedure without a recording into a
fresh cache (what a first build pays), then again from that cache (every later build), and
prints seconds per procedure, seconds of speech and KB per procedure.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from generator.mkdocs.project import load_project
from generator.publish.machine_voice import machine_voices


def measure(config_file: Path) -> dict[str, float]:
    """First and cached cost of the machine voices of one site."""
    site = load_project(config_file).site
    with tempfile.TemporaryDirectory(prefix="thutuc-voice-bench-") as folder:
        start = time.perf_counter()
        voices = machine_voices(site, Path(folder))
        first = time.perf_counter() - start
        start = time.perf_counter()
        machine_voices(site, Path(folder))
        cached = time.perf_counter() - start
    count = max(len(voices), 1)
    return {"procedures": len(voices), "first_s_per_procedure": first / count,
            "cached_s_per_procedure": cached / count,
            "speech_s_per_procedure": sum(v.info.duration for v in voices) / count,
            "kb_per_procedure": sum(v.info.size for v in voices) / 1024 / count}


def main() -> None:
    numbers = measure(Path(sys.argv[1] if len(sys.argv) > 1 else "mkdocs.yml"))
    print(f"Machine voice for {numbers['procedures']:.0f} procedures: "
          f"{numbers['first_s_per_procedure'] * 1000:.0f} ms each on a first build, "
          f"{numbers['cached_s_per_procedure'] * 1000:.1f} ms each from the cache; "
          f"{numbers['speech_s_per_procedure']:.0f} s of speech and "
          f"{numbers['kb_per_procedure']:.0f} KB each.")


if __name__ == "__main__":
    main()
