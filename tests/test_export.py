"""Exports: CSV tables and JSON Lines from a folder of article outputs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor import cli
from extractor.report.export import export


def article(aid: str, path: str, *, entities, quotes, numbers=(), dates=()) -> dict:
    return {"schema_version": "1.0", "id": aid, "source": {"path": path, "format": "text", "url": None},
            "metadata": {"title": None, "authors": [], "published": "2019-05-01",
                         "published_from": "input", "language": "en", "site": None},
            "text": "…", "entities": list(entities), "quotes": list(quotes),
            "numbers": list(numbers), "dates": list(dates), "claims": [], "warnings": []}


def entity(eid, name, etype, descriptors=()):
    return {"id": eid, "name": name, "type": etype, "mentions": [], "descriptors": list(descriptors)}


def quote(qid, text, name, eid, *, qtype="direct", cue="said", resolution="explicit", members=()):
    return {"id": qid, "text": text, "start": 10, "end": 10 + len(text), "type": qtype,
            "cue": {"text": cue, "start": 0, "end": len(cue)} if cue else None,
            "speaker": {"name": name, "entity": eid, "mention": None, "resolution": resolution,
                        "members": list(members)},
            "confidence": 0.9}


STRIKE = article(
    "a1", "strike.txt",
    entities=[entity("E1", "Tanya Taluz", "PERSON", ["therapist"]),
              entity("E2", "Kaiser Permanente", "ORG")],
    quotes=[quote("Q1", "We are on strike, for our patients", "Tanya Taluz", "E1"),
            quote("Q2", "the offer is fair", "Kaiser Permanente", "E2", qtype="indirect"),
            quote("Q3", "Nobody knows", None, None, cue=None, resolution=None),
            quote("Q4", "We stay", None, None, members=["Ana Ortega", "Luis Ortega"])],
    numbers=[{"text": "Nearly 40%", "start": 5, "end": 15, "value": 40.0, "kind": "percent",
              "unit": "percent", "value_max": None, "approximate": True, "quote": "Q1",
              "speaker": "E1"},
             {"text": "$1.2 billion", "start": 20, "end": 32, "value": 1200000000, "kind": "money",
              "unit": "USD", "value_max": None, "approximate": False, "quote": None, "speaker": None}],
    dates=[{"text": "last week", "start": 40, "end": 49, "type": "date", "value": "2019-W17",
            "end_value": None, "anchor": "published"}])
WALKOUT = article(
    "a2", "news/walkout.html",
    entities=[entity("E1", "Tanya Taluz", "PERSON", ["licensed therapist", "therapist"])],
    quotes=[quote("Q1", "It is about care, \"not\" money", "Tanya Taluz", "E1")])


@pytest.fixture()
def out(tmp_path) -> Path:
    folder = tmp_path / "out"
    (folder / "news").mkdir(parents=True)
    (folder / "strike.json").write_text(json.dumps(STRIKE), encoding="utf-8")
    (folder / "news" / "walkout.json").write_text(json.dumps(WALKOUT), encoding="utf-8")
    (folder / "_run.jsonl").write_text('{"input": "x"}\n', encoding="utf-8")
    (folder / ".strike.json.abcdefgh.tmp").write_text("{", encoding="utf-8")
    return folder


def test_quotes_table(out, tmp_path):
    export(out, quotes=str(tmp_path / "quotes.csv"))
    assert (tmp_path / "quotes.csv").read_text(encoding="utf-8") == (
        "article,path,quote,type,speaker,speaker_entity,speaker_type,resolution,cue,text,start,end,confidence,"
        "speaker_members\n"
        "a1,strike.txt,Q1,direct,Tanya Taluz,E1,PERSON,explicit,said,\"We are on strike, for our patients\",10,44,0.9,\n"
        "a1,strike.txt,Q2,indirect,Kaiser Permanente,E2,ORG,explicit,said,the offer is fair,10,27,0.9,\n"
        "a1,strike.txt,Q3,direct,,,,,,Nobody knows,10,22,0.9,\n"
        "a1,strike.txt,Q4,direct,,,,explicit,said,We stay,10,17,0.9,Ana Ortega; Luis Ortega\n"
        'a2,news/walkout.html,Q1,direct,Tanya Taluz,E1,PERSON,explicit,said,"It is about care, ""not"" money",10,39,0.9,\n')


def test_numbers_table(out, tmp_path):
    export(out, numbers=str(tmp_path / "numbers.csv"))
    assert (tmp_path / "numbers.csv").read_text(encoding="utf-8") == (
        "article,path,text,start,end,value,value_max,kind,unit,approximate,quote,speaker,speaker_name\n"
        "a1,strike.txt,Nearly 40%,5,15,40,,percent,percent,true,Q1,E1,Tanya Taluz\n"
        "a1,strike.txt,$1.2 billion,20,32,1200000000,,money,USD,false,,,\n")


def test_dates_table(out, tmp_path):
    export(out, dates=str(tmp_path / "dates.csv"))
    assert (tmp_path / "dates.csv").read_text(encoding="utf-8") == (
        "article,path,text,start,end,type,value,end_value,anchor\n"
        "a1,strike.txt,last week,40,49,date,2019-W17,,published\n")


def test_speakers_table_counts_quotes_and_articles_across_the_corpus(out, tmp_path):
    export(out, speakers=str(tmp_path / "speakers.csv"))
    assert (tmp_path / "speakers.csv").read_text(encoding="utf-8") == (
        "speaker,type,descriptors,quotes,articles\n"
        "Tanya Taluz,PERSON,therapist; licensed therapist,2,2\n"
        "Kaiser Permanente,ORG,,1,1\n")


def test_jsonl_holds_every_article_once_folder_by_folder(out, tmp_path):
    summary = export(out, jsonl=str(tmp_path / "all.jsonl"))
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [STRIKE, WALKOUT]
    assert (summary.articles, summary.unreadable) == (2, 0)


def test_the_cli_writes_all_tables_in_one_pass(out, tmp_path, capsys):
    names = {k: str(tmp_path / f"t.{k}") for k in ("quotes", "numbers", "dates", "speakers", "jsonl")}
    argv = ["export", str(out)] + [a for k, v in names.items() for a in (f"--{k}", v)]
    assert cli.main(argv) == 0
    assert all(Path(v).stat().st_size > 0 for v in names.values())
    assert "exported 2 articles" in capsys.readouterr().err


def test_a_broken_output_is_passed_over_with_a_warning(out, tmp_path, capsys):
    (out / "broken.json").write_text("{not json", encoding="utf-8")
    summary = export(out, speakers=str(tmp_path / "s.csv"))
    assert (summary.articles, summary.unreadable) == (2, 1)
    assert "broken.json: not readable JSON" in capsys.readouterr().err


def test_a_missing_folder_is_a_usage_error(tmp_path, capsys):
    assert cli.main(["export", str(tmp_path / "nowhere"), "--quotes", "-"]) == 2
    assert "is not a folder: give the OUT folder" in capsys.readouterr().err
