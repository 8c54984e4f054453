"""Plain-text cleanup, byline dates, machine dates and the language guess."""
from __future__ import annotations

import pytest

from extractor.clean.language import detect_language
from extractor.clean.text import byline_date, clean_text, drop_repeats, iso_date, normalize_newlines

P1 = "Kaiser workers in California are nearing their eighth week on strike this autumn."
P2 = "Nearly 40% of the therapists have set up picket lines throughout the state."
P3 = "It is an open-ended strike, meaning that members will stay out as long as they need."


@pytest.mark.parametrize("line", [
    "Advertisement",
    "blog comments powered by Disqus",
    "comments powered by Disqus",
    "| Video Below | Thousands of workers start striking",
    "[VIDEO] Thousands of workers start striking",
    "WATCH: The mayor's full remarks",
    "Photos: The picket line on day one",
    "Like this story? Share it with a friend!",
    "Enjoyed this article? Subscribe for more.",
    "Share this article",
    "Share on Facebook",
    "Sign up for our daily newsletter",
    "Continue reading below",
    "Read more:",
    "Story continues below advertisement",
    "© 2024 The Courier",
])
def test_boilerplate_lines_are_dropped(line):
    text = f"{P1}\n\n{line}\n\n{P2}"
    assert clean_text(text).text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize("line", [
    "Video of the walkout was shared widely online.",
    "Watch the union closely, the mayor said, because the talks are not over.",
    "Comments from the union came late on Tuesday.",
])
def test_prose_that_starts_like_boilerplate_is_kept(line):
    text = f"{P1}\n\n{line}\n\n{P2}"
    assert clean_text(text).text == text


def test_run_together_copy_of_the_body_is_dropped():
    # A page that gives the body twice: once run together (sentences glued at
    # the full stops), once in paragraphs. The paragraphed copy stays.
    glued = P1 + P2 + " " + P3
    text = f"Kaiser therapists continue strike\n\n{glued}\n\n{P1}\n\n{P2}\n\n{P3}\n"
    assert clean_text(text).text == f"Kaiser therapists continue strike\n\n{P1}\n\n{P2}\n\n{P3}"


def test_paragraph_given_twice_keeps_its_first_copy():
    assert drop_repeats([P1, P2, P1, P3]) == [P1, P2, P3]


def test_short_repeated_lines_are_kept():
    # "Yes." twice is dialogue, not a copied body.
    assert drop_repeats(["Yes.", P1, "Yes."]) == ["Yes.", P1, "Yes."]


def test_whitespace_is_normalized_and_one_blank_line_separates_paragraphs():
    text = f"  Strike goes on\r\n\r\n\r\n{P1.replace(' ', '  ', 3)}\n{P2}\u2028{P3}\t \n"
    assert clean_text(text).text == f"Strike goes on\n\n{P1}\n\n{P2}\n\n{P3}"


def test_hand_wrapped_lines_are_one_paragraph():
    text = ("This text was wrapped by hand at a fixed width of seventy\n"
            "characters, as old e-mail and newsgroup posts were, so its\n"
            "lines belong together.\n\nNext paragraph.")
    assert clean_text(text).text == ("This text was wrapped by hand at a fixed width of seventy characters, as "
                                     "old e-mail and newsgroup posts were, so its lines belong together.\n\n"
                                     "Next paragraph.")


@pytest.mark.parametrize(("text", "title"), [
    (f"Kaiser therapists continue strike, reject contract\n\n{P1}", "Kaiser therapists continue strike, reject contract"),
    (f"Why are the therapists striking?\n\n{P1}", "Why are the therapists striking?"),
    (f"{P1}\n\n{P2}", None),                 # the first line is a sentence, not a headline
    ("", None),
])
def test_plain_text_title(text, title):
    assert clean_text(text).metadata.title == title


def test_byline_date_near_the_top_is_the_publication_date_and_stays_in_the_text():
    text = f"Not about the pay\n\nPublished : Wednesday, May 1, 2019 | 4:53 AM\n\n{P1}"
    cleaned = clean_text(text)
    assert (cleaned.metadata.published, cleaned.metadata.published_from) == ("2019-05-01T04:53", "byline")
    assert cleaned.text == text


@pytest.mark.parametrize(("line", "published"), [
    ("Published : Wednesday, May 1, 2019 | 4:53 AM", "2019-05-01T04:53"),
    ("By Jane Roe | May 1, 2019", "2019-05-01"),
    ("Wednesday, May 1, 2019", "2019-05-01"),
    ("Kaiser therapists walked out on April 25, 2019.", None),    # a sentence, not a byline
])
def test_byline_line_near_the_top(line, published):
    assert clean_text(f"Strike goes on\n\n{line}\n\n{P1}").metadata.published == published


def test_date_deep_in_the_body_is_no_byline():
    text = "Strike goes on\n\n" + "\n\n".join([P1, P2, P3, P1 + " Again.", P2 + " Again.", P3 + " Again."]) + \
        "\n\nThe vote is on May 1, 2019."
    assert clean_text(text).metadata.published is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Published : Wednesday, May 1, 2019 | 4:53 AM", "2019-05-01T04:53"),
    ("Posted Nov. 19, 2019 at 10:15 p.m.", "2019-11-19T22:15"),
    ("By Jane Roe | 12:30 PM, March 2, 2024", "2024-03-02"),
    ("Updated March 2, 2024; Published March 1, 2024", "2024-03-01"),
    ("Sept 9th, 2018", "2018-09-09"),
    ("1 May 2019 11:05", "2019-05-01T11:05"),
    ("2 March 2024 • 8:48pm", "2024-03-02T20:48"),
    ("2019-05-01", "2019-05-01"),
    ("05/01/2019", "2019-05-01"),
    ("February 30, 2024", None),             # no such day
    ("By Jane Roe, staff writer", None),
])
def test_byline_date(text, expected):
    assert byline_date(text) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-02-26T21:10:43.555Z", "2024-02-26T21:10:43+00:00"),
    ("2024-02-28T12:00:01+0000", "2024-02-28T12:00:01+00:00"),
    ("2024-03-01T06:00:00-05:00", "2024-03-01T06:00-05:00"),
    ("2024-02-29T09:40:38", "2024-02-29T09:40:38"),
    ("2024-02-29 09:40", "2024-02-29T09:40"),
    ("2024-02-29", "2024-02-29"),
    ("20240229", "2024-02-29"),
    ("Thu, 29 Feb 2024 09:40:38 GMT", "2024-02-29T09:40"),
    ("20240229T094038", "2024-02-29T09:40:38"),
    ("2024-02-29 09:40:38 +0000", "2024-02-29T09:40:38+00:00"),
    ("2024-02-29T09:40:38Z[UTC]", "2024-02-29T09:40:38+00:00"),  # a zone name after the offset
    ("2024-02-29T09:40:38 GMT", "2024-02-29T09:40:38"),
    ("2024-02-29T09", "2024-02-29T09:00"),                # reduced precision: the hour only
    ("1970-01-01", None),
    ("2024-13-01", None),
    ("0001-01-01T00:00:00Z", None),          # CMS placeholders
    ("1970-01-01T00:00:00+00:00", None),
    ("", None),
    (None, None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_normalize_newlines():
    assert normalize_newlines("a\r\nb\rc\u2028d") == "a\nb\nc\nd"


RUSSIAN = ("Работники больницы в Новосибирске вышли на забастовку во вторник утром. Они требуют "
           "повышения зарплаты и найма новых медсестёр. «Мы больше не можем работать в таких "
           "условиях», — сказала медсестра Анна Петрова. Руководство больницы обещало ответить до пятницы.")
FINNISH = ("Helsingin sairaanhoitajat aloittivat lakon tiistaiaamuna. He vaativat parempaa palkkaa ja "
           "lisää henkilökuntaa osastoille. ”Emme voi enää jatkaa näin”, sanoi sairaanhoitaja Anna "
           "Virtanen. Sairaalan johto lupasi vastata vaatimuksiin perjantaihin mennessä.")
TURKISH = ("İzmir'deki hastane çalışanları salı sabahı greve başladı. Daha yüksek maaş ve yeni "
           "hemşirelerin işe alınmasını talep ediyorlar. “Artık bu koşullarda çalışamayız” dedi hemşire "
           "Ayşe Yılmaz. Hastane yönetimi cuma gününe kadar yanıt vereceğini açıkladı.")


@pytest.mark.parametrize(("text", "expected"), [
    (" ".join([P1, P2, P3]), "en"),
    ("Der Stadtrat hat am Dienstag den Haushalt beschlossen. Die Opposition sagte, die Kürzungen bei den "
     "Bibliotheken gingen zu weit, und sie werde dagegen kämpfen, auch wenn es nicht leicht wird.", "de"),
    ("Le conseil municipal a adopté le budget mardi. L'opposition a dit que les coupes dans les "
     "bibliothèques allaient trop loin et qu'elle se battrait contre elles pour les habitants.", "fr"),
    ("El consejo aprobó el presupuesto el martes. La oposición dijo que los recortes en las bibliotecas "
     "iban demasiado lejos y que lucharía contra ellos por el bien de los vecinos de la ciudad.", "es"),
    (RUSSIAN, "ru"),
    (FINNISH, "fi"),
    (TURKISH, "tr"),
    ("Too short to tell.", None),                               # under MIN_LETTERS
    ("“We are on strike,” said Tanya Taluz.", None),            # too short to call
    # Half English, half German: the model is unsure, so the English stages run.
    (P1 + " Der Stadtrat hat am Dienstag den Haushalt beschlossen.", None),
])
def test_detect_language(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize(("text", "language"), [(RUSSIAN, "ru"), (FINNISH, "fi"), (TURKISH, "tr")])
def test_non_english_articles_skip_the_english_stages(extractor_instance, text, language):
    article = extractor_instance.extract(text)
    assert article["metadata"]["language"] == language
    assert article["quotes"] == []
    assert f"language {language!r} is not English: quotes, entities, numbers and dates were not " \
           "extracted" in article["warnings"]


@pytest.mark.parametrize(("text", "language", "quotes"), [
    (" ".join([P1, P2, "“We will stay out as long as we need,” said Tanya Taluz, a therapist."]), "en",
     ["We will stay out as long as we need,"]),
    ("“We are on strike,” said Tanya Taluz.", None, ["We are on strike,"]),
])
def test_english_articles_keep_their_quotes(extractor_instance, text, language, quotes):
    article = extractor_instance.extract(text)
    assert article["metadata"]["language"] == language
    assert [q["text"] for q in article["quotes"]] == quotes
