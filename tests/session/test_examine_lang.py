"""``workstation examine CAPTURE --report OUT.pdf --lang LANG``: the report's page in
Mongolian or Russian, signed; a bad language is a one-line error before any work."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import workstation.examination.pipeline as pipeline
from tests.cases.conftest import make_examination
from workstation.cli import main as cli


def test_an_unknown_language_fails_before_the_examination(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*a: object, **k: object) -> None:
        raise AssertionError("examined although the language was bad")

    monkeypatch.setattr(pipeline, "run_examination", never)
    out = tmp_path / "r.pdf"
    assert cli(["examine", str(tmp_path), "--report", str(out), "--lang", "xx"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["workstation: error: unknown language 'xx' (known: en, mn, ru)"]
    assert cli(["examine", str(tmp_path), "--lang", "mn"]) == 2
    assert "needs --report" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(("language", "heading"), [
    ("mn", "Баримт бичгийн шинжилгээний тайлан"), ("ru", "Отчёт об исследовании документа")])
def test_the_report_is_written_in_the_language(
        language: str, heading: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(pipeline, "run_examination",
                        lambda path, **kw: make_examination(seed=7))
    from tests.accounts import enrol_os_examiner

    signer = enrol_os_examiner()  # a report is signed by an enrolled, signed-in account
    out = tmp_path / "r.pdf"
    assert cli(["examine", str(tmp_path), "--report", str(out), "--lang", language,
                "--json", "--user", signer]) == 0
    printed = capsys.readouterr().out
    assert "\\u04" not in printed and not any("\u0400" <= ch <= "\u04ff" for ch in printed)
    sig = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True, timeout=60)
    assert "Signature is Valid" in sig.stdout
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, timeout=60).stdout
    assert heading in text
