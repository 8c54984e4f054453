"""Batch runs at scale: resume, kill -9, bad files, exit codes, worker pools, Dask, progress."""
from __future__ import annotations

import gzip
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import namedtuple
from concurrent.futures import Future
from pathlib import Path

import pytest

from extractor import cli
from extractor.batch.run import MANIFEST, RUN_RECORD, run_batch
from extractor.errors import ExtractorError
from extractor.records import RawArticle
from extractor.settings import Settings
from extractor.batch.workers import WorkerLost, schedule

from .conftest import REPO

NAMES = ["Maria Lopez", "James Carter", "Aisha Khan", "Tom Becker", "Lena Fischer", "Omar Haddad"]


def story(i: int) -> str:
    """A short, distinct news text: a lead, a quote with a number, an attribution."""
    name = NAMES[i % len(NAMES)]
    return (f"Workers at the Riverside plant {i} walked out on Monday, the union said.\n\n"
            f"“We want {i + 10} percent more, and we will not go back before we get it,” "
            f"said {name}, a union organizer.\n\n"
            f"The company said it had offered {i + 2} percent in March.\n")


def write_corpus(root: Path, count: int) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (root / f"story-{i:03d}.txt").write_text(story(i), encoding="utf-8")
    return root


def run(root: Path, out: Path, *args: str) -> int:
    return cli.main(["run", str(root), "-o", str(out), "--jobs", "1", *args])


def record(out: Path) -> dict[str, dict]:
    lines = (out / RUN_RECORD).read_text(encoding="utf-8").splitlines()
    return {r["input"]: r for r in map(json.loads, lines)}


def statuses(out: Path) -> dict[str, str]:
    return {name: r["status"] for name, r in record(out).items()}


def snapshot(out: Path) -> dict[str, bytes]:
    """Every output file and the manifest, by path: what must not depend on how a run went."""
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.json")}
    files[MANIFEST] = (out / MANIFEST).read_bytes()
    return files


@pytest.fixture()
def small(tmp_path, nlp) -> Path:
    return write_corpus(tmp_path / "in", 4)


@pytest.fixture(scope="module")
def corpus60(tmp_path_factory, nlp) -> tuple[Path, dict[str, bytes]]:
    """Sixty short articles and the outputs of one uninterrupted run over them."""
    root = write_corpus(tmp_path_factory.mktemp("corpus") / "in", 60)
    out = tmp_path_factory.mktemp("reference")
    assert run(root, out) == 0
    return root, snapshot(out)


# --- resume -------------------------------------------------------------------------

def test_a_run_records_every_article_and_its_manifest_line(small, tmp_path):
    out = tmp_path / "out"
    assert run(small, out) == 0
    assert statuses(out) == {f"story-{i:03d}.txt": "ok" for i in range(4)}
    manifest = [json.loads(line) for line in (out / MANIFEST).read_text().splitlines()]
    assert [m["output"] for m in manifest] == [f"story-{i:03d}.json" for i in range(4)]
    assert all(len(m["input"]) == 64 and m["pipeline"].startswith("0.1.0+") for m in manifest)


def test_a_second_run_skips_every_article_and_touches_nothing(small, tmp_path):
    out = tmp_path / "out"
    run(small, out)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    assert run(small, out) == 0
    assert set(statuses(out).values()) == {"skipped"}
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.json")} == before


def test_force_redoes_every_article(small, tmp_path):
    out = tmp_path / "out"
    run(small, out)
    first = snapshot(out)
    assert run(small, out, "--force") == 0
    assert set(statuses(out).values()) == {"ok"}
    assert snapshot(out) == first


def test_a_changed_input_is_redone_alone(small, tmp_path):
    out = tmp_path / "out"
    run(small, out)
    (small / "story-002.txt").write_text(story(2).replace("Monday", "Tuesday"), encoding="utf-8")
    assert run(small, out) == 0
    assert statuses(out) == {"story-000.txt": "skipped", "story-001.txt": "skipped",
                             "story-002.txt": "ok", "story-003.txt": "skipped"}
    assert "Tuesday" in json.loads((out / "story-002.json").read_text())["text"]


def test_an_input_that_turns_bad_loses_its_stale_output(small, tmp_path):
    out = tmp_path / "out"
    run(small, out)
    (small / "story-001.txt").write_bytes(b"")
    assert run(small, out) == 1
    assert record(out)["story-001.txt"]["reason"] == "story-001.txt: empty file"
    assert not (out / "story-001.json").exists()
    assert "story-001.json" not in (out / MANIFEST).read_text()


def test_leftover_temporary_files_are_removed(small, tmp_path):
    out = tmp_path / "out"
    run(small, out)
    stale = out / ".story-000.json.k2j4h_a9.tmp"
    stale.write_text('{"half": ')
    run(small, out)
    assert not stale.exists()


def test_a_manifest_left_unsorted_by_a_killed_run_is_compacted(small, tmp_path):
    out = tmp_path / "out"
    run(small, out)
    compact = (out / MANIFEST).read_text()
    (out / MANIFEST).write_text("".join(reversed(compact.splitlines(keepends=True))) + '{"outp')
    assert run(small, out) == 0
    assert set(statuses(out).values()) == {"skipped"}
    assert (out / MANIFEST).read_text() == compact


def test_a_second_run_on_the_same_folder_is_refused_while_one_runs(small, tmp_path, capsys):
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".extractor.lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert run(small, out) == 2
    assert f"another extractor run is writing to {out}" in capsys.readouterr().err


def children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (Linux /proc)."""
    kids = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue
    return kids


def alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_kill_9_then_resume_matches_an_uninterrupted_run(corpus60, tmp_path, jobs):
    root, reference = corpus60
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "run", str(root), "-o", str(out),
                             "--jobs", jobs], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(out.glob("*.json")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    workers = children(proc.pid)
    assert len(workers) >= int(jobs) if jobs != "1" else workers == []
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL  # killed mid-run, not after it finished
    assert 0 < len(list(out.glob("*.json"))) < 60
    assert run(root, out) == 0
    assert {"ok", "skipped"} == set(statuses(out).values())
    assert snapshot(out) == reference
    assert not [p for p in out.rglob("*.tmp")]
    # Orphaned workers notice and end, rather than hold a model's memory forever.
    deadline = time.monotonic() + 10
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if alive(w)]


# --- bad files and exit codes ---------------------------------------------------------

def test_bad_files_are_named_with_their_reason_and_the_rest_processed(tmp_path, nlp):
    root, out = tmp_path / "in", tmp_path / "out"
    write_corpus(root, 2)
    (root / "corrupt.txt.gz").write_bytes(b"this was never gzip")
    (root / "truncated.html.gz").write_bytes(gzip.compress(story(5).encode())[:-10])
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (root / "huge.txt").write_text(story(7) * 200, encoding="utf-8")
    (root / "latin.txt").write_bytes("Caf\xe9 owner Ren\xe9e Dubois said \x93we are closing\x94 on Friday."
                                     .encode("latin-1"))
    (root / "cp1252.txt").write_bytes("“We won’t pay €5 more,” said Zoë Martin, a café owner."
                                      .encode("cp1252"))
    assert run(root, out, "--max-file-size", "20k") == 1
    got = record(out)
    reasons = {name: r["reason"] for name, r in got.items() if r["status"] == "failed"}
    assert set(reasons) == {"corrupt.txt.gz", "truncated.html.gz", "empty.txt", "binary.txt", "huge.txt"}
    assert reasons["corrupt.txt.gz"].startswith("corrupt.txt.gz: cannot be read: Not a gzipped file")
    assert reasons["truncated.html.gz"].startswith("truncated.html.gz: cannot be read:")
    assert reasons["empty.txt"] == "empty.txt: empty file"
    assert reasons["binary.txt"] == "binary.txt: binary data (NUL bytes), not a text or HTML file"
    assert re.fullmatch(r"huge\.txt: \d+ bytes is over the 20480-byte limit "
                        r"\(raise it with --max-file-size\)", reasons["huge.txt"])
    assert {n for n, r in got.items() if r["status"] == "ok"} == {
        "story-000.txt", "story-001.txt", "latin.txt", "cp1252.txt"}
    latin = json.loads((out / "latin.json").read_text(encoding="utf-8"))
    assert latin["text"] == "Café owner Renée Dubois said “we are closing” on Friday."
    assert any("not valid UTF-8" in w for w in latin["warnings"])
    cp1252 = json.loads((out / "cp1252.json").read_text(encoding="utf-8"))
    assert cp1252["text"] == "“We won’t pay €5 more,” said Zoë Martin, a café owner."


def test_two_inputs_that_would_share_an_output_are_not_mixed_up(tmp_path, nlp):
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    (root / "a.html").write_text(f"<html><body><p>{story(1)}</p></body></html>", encoding="utf-8")
    (root / "a.txt").write_text(story(2), encoding="utf-8")
    assert run(root, out) == 1
    assert record(out)["a.txt"]["reason"] == (
        "a.txt: its output a.json is also the output of a.html; rename one of them")
    assert "plant 1 " in json.loads((out / "a.json").read_text())["text"]


def test_a_folder_named_twice_is_read_once(small, tmp_path):
    assert cli.main(["run", str(small), f"{small}/", "-o", str(tmp_path / "out"), "--jobs", "1"]) == 0
    assert sorted(statuses(tmp_path / "out").values()) == ["ok"] * 4


def test_exit_status_is_0_when_all_are_ok_or_skipped(small, tmp_path):
    assert run(small, tmp_path / "out") == 0
    assert run(small, tmp_path / "out") == 0


@pytest.mark.parametrize("argv", [
    ["run", "IN"],                                    # no -o
    ["run", "IN", "-o", "OUT", "--jobs", "0"],
    ["run", "IN", "-o", "OUT", "--max-file-size", "lots"],
    ["export", "OUT"],                                # no table named
    ["frobnicate"],
])
def test_usage_errors_exit_2(argv, tmp_path, capsys):
    argv = [str(tmp_path / a) if a in ("IN", "OUT") else a for a in argv]
    with pytest.raises(SystemExit) as exc:
        cli.main(argv)
    assert exc.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_an_unusable_output_folder_exits_2(small, tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    assert cli.main(["run", str(small), "-o", str(tmp_path / "file")]) == 2
    assert f"error: cannot use {tmp_path / 'file'} as the output folder" in capsys.readouterr().err


@pytest.mark.parametrize("text, size", [
    ("300000", 300000), ("20M", 20 * 1024 ** 2), ("500k", 500 * 1024), ("1.5GB", 1536 * 1024 ** 2),
    ("64 KiB", 64 * 1024),
])
def test_file_sizes_read_like_people_write_them(text, size):
    assert cli.file_size(text) == size


# --- parallel and distributed ---------------------------------------------------------

@pytest.mark.slow
def test_two_worker_processes_write_the_same_bytes_as_one(corpus60, tmp_path):
    root, reference = corpus60
    summary = run_batch([root], tmp_path, settings=Settings(jobs=2))
    assert (summary.ok, summary.failed) == (60, 0)
    assert snapshot(tmp_path) == reference


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_no_article(corpus60, tmp_path, monkeypatch):
    """The OOM killer takes a worker: its chunks are redone, nothing is lost or doubled."""
    from extractor.batch.workers import PoolBackend

    root, reference = corpus60
    killed: list[int] = []
    restarts: list[bool] = []
    restart = PoolBackend.restart
    monkeypatch.setattr(PoolBackend, "restart", lambda self: restarts.append(True) or restart(self))

    def kill_one_worker():
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob("*.json")) and time.monotonic() < deadline:
            time.sleep(0.005)
        for pid in children(os.getpid()):
            if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return

    import threading

    killer = threading.Thread(target=kill_one_worker)
    killer.start()
    summary = run_batch([root], tmp_path, settings=Settings(jobs=2))
    killer.join()
    assert killed and restarts  # the pool broke, and was started again
    assert (summary.ok, summary.failed) == (60, 0)
    assert snapshot(tmp_path) == reference


@pytest.mark.slow
def test_a_dask_local_cluster_writes_the_same_bytes_as_a_local_run(tmp_path, nlp):
    pytest.importorskip("distributed")
    corpus = REPO / "corpus"
    assert run(corpus, tmp_path / "local") == 0
    summary = run_batch([corpus], tmp_path / "dask", settings=Settings(jobs=2, dask="local"))
    assert (summary.ok, summary.failed) == (7, 0)
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "local")


def test_without_dask_the_error_says_what_to_install(small, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    with pytest.raises(ExtractorError, match=r"--dask needs .*: pip install 'extractor\[dask\]'"):
        run_batch([small], tmp_path / "out", settings=Settings(dask="local"))


Job = namedtuple("Job", "name raw")


class CrashingPool:
    """A fake local pool: an article named 'poison' kills its worker, and with it the
    pool and every chunk in flight; a restart brings a fresh pool."""

    loses_all_on_crash = True
    workers = 2

    def __init__(self):
        self.broken = False
        self.restarts = 0

    def submit(self, raws):
        future = Future()
        self.broken |= any(r.id == "poison" for r in raws)
        future.set_result([(r.id.encode(), None, 0.0) for r in raws])
        return future

    def wait(self, pending):
        return set(pending)

    def result(self, future):
        if self.broken:
            raise WorkerLost("a worker process died")
        return future.result()

    def restart(self):
        self.broken = False
        self.restarts += 1


def test_a_worker_crash_fails_only_the_article_that_caused_it():
    ids = [f"a{i}" for i in range(9)] + ["poison"] + [f"b{i}" for i in range(9)]
    jobs = [Job(i, RawArticle(id=i, path=None, format="text", text="x")) for i in ids]
    chunks = [jobs[i:i + 4] for i in range(0, len(jobs), 4)]
    delivered: dict[str, tuple] = {}

    def deliver(job, result):
        assert job.name not in delivered
        delivered[job.name] = result

    pool = CrashingPool()
    schedule(pool, chunks, deliver)
    assert set(delivered) == set(ids)
    assert delivered["poison"] == (None, "poison: a worker process died", 0.0)
    assert all(delivered[i] == (i.encode(), None, 0.0) for i in ids if i != "poison")
    assert pool.restarts == 2  # once when the chunk died, once when the suspect died alone


@pytest.mark.slow
def test_a_long_lived_worker_reloads_its_model_and_goes_on(monkeypatch, nlp):
    # Regression: the reload after CHUNKS_PER_MODEL_LIFE chunks raised AttributeError
    # once the model cache moved behind nlp.load_model.
    from extractor.batch import workers
    from extractor.nlp import load_model

    monkeypatch.setattr(workers, "CHUNKS_PER_MODEL_LIFE", 1)
    monkeypatch.setattr(workers, "_chunks_done", 1)
    settings = Settings(timeout=0)
    raw = RawArticle(id="a", path=None, format="text", text="“We are on strike,” said Tanya Taluz.")
    ((payload, error, _seconds),) = workers.extract_chunk([raw], settings)
    assert error is None and json.loads(payload)["quotes"][0]["speaker"]["name"] == "Tanya Taluz"
    assert workers._chunks_done == 1
    assert load_model() is not nlp          # a fresh model, not the one loaded before


# --- progress display -----------------------------------------------------------------

def outcome(status: str, reason: str | None = None):
    from extractor.batch.run import Outcome

    return Outcome("x.txt", "x.json", status, reason)


def test_progress_on_a_terminal_redraws_one_line():
    stream = io.StringIO()
    progress = cli.Progress(stream, tty=True)
    progress.REDRAW_SECONDS = 0
    progress.expect(4)
    progress.outcome(outcome("ok"))
    progress.outcome(outcome("failed", "x.txt: empty file"))
    progress.close()
    text = stream.getvalue()
    assert re.match(r"\r\[######\.{18}\] 1/4 articles  \d+\.\d/s  ETA \d+:\d\d  0 failed\x1b\[K"
                    r"\r\x1b\[Kerror: x.txt: empty file\n"
                    r"\r\[#{12}\.{12}\] 2/4 articles  \d+\.\d/s  ETA \d+:\d\d  1 failed\x1b\[K"
                    r"\r\x1b\[K$", text), repr(text)


def test_progress_in_a_log_is_plain_lines():
    stream = io.StringIO()
    progress = cli.Progress(stream, tty=False)
    progress.LOG_LINE_SECONDS = 0
    progress.expect(2)
    progress.outcome(outcome("skipped"))
    assert re.fullmatch(r"progress: 1/2 articles  0\.0/s  ETA \?  0 failed\n", stream.getvalue())


def test_a_change_to_any_stage_makes_outputs_out_of_date(tmp_path, monkeypatch):
    """Regression: once outputs.py moved into batch/, the version hashed batch/ alone, so
    a changed quotes stage left every output 'up to date'."""
    from extractor.batch import outputs
    from extractor.settings import Settings

    package = tmp_path / "extractor"
    (package / "batch").mkdir(parents=True)
    (package / "quotes").mkdir()
    (package / "batch" / "outputs.py").write_text("# batch\n")
    stage = package / "quotes" / "finding.py"
    stage.write_text("RULE = 1\n")
    monkeypatch.setattr(outputs, "__file__", str(package / "batch" / "outputs.py"))
    before = outputs.pipeline_version(Settings())
    stage.write_text("RULE = 2\n")
    assert outputs.pipeline_version(Settings()) != before
