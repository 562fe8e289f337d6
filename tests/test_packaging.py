"""Bundled guides, templates and vocabularies are found from an editable install and a wheel."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

from jtbd.resources import guides_dir, templates_dir
from tests.conftest import EXAMPLES, REPO


def test_editable_install_finds_the_repository_folders():
    assert guides_dir() == REPO / "guides"
    assert templates_dir() == REPO / "templates"
    assert (templates_dir() / "report.html.j2").is_file()


def test_wheel_install_works_from_another_directory(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(wheels.glob("jtbd-*.whl"))
    # The suggester's trained weights are package data: without them `jtbd suggest` fails.
    names = zipfile.ZipFile(wheel).namelist()
    assert "jtbd/weights/suggester.npz" in names
    # So is the cue lexicon the weights were trained on (a data file, not code).
    assert "jtbd/_data/vocabularies/suggester/force-cues.yaml" in names
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # The wheel goes in with its own files only; its dependencies come from this test
    # environment (no network needed), after the wheel's own site-packages on sys.path.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    (site / "zz_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()

    def jtbd(*args: str) -> subprocess.CompletedProcess[str]:
        code = "import sys; from jtbd.cli import main; sys.argv = ['jtbd', *sys.argv[1:]]; main()"
        return subprocess.run(
            [str(python), "-c", code, *args],
            cwd=workdir,
            capture_output=True,
            text=True,
            check=False,
        )

    where = subprocess.run(
        [
            str(python),
            "-c",
            "import jtbd.resources as r; print(r.__file__); "
            "print(r.guides_dir()); print(r.templates_dir()); "
            "from jtbd.synthesis.force_cues import lexicon_path; print(lexicon_path())",
        ],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(path.startswith(str(site)) for path in where), where
    report = jtbd("report", str(EXAMPLES), "--format", "html", "-o", "r.html")
    assert report.returncode == 0, report.stderr
    assert "forces-diagram" in (workdir / "r.html").read_text()
    (workdir / "s.txt").write_text("Thanks!\n", encoding="utf-8")
    suggested = jtbd("suggest", "s.txt")  # the weights load from inside the wheel
    assert suggested.returncode == 0, suggested.stderr
    assert suggested.stdout == "none\t0.95\tThanks!\n"
    guides = jtbd("new-guide", "--list")
    assert guides.returncode == 0, guides.stderr
    assert "switch" in guides.stdout
