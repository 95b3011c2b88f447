"""The entity pipeline as a spaCy pipeline: config, saving and loading, nlp.pipe.

Invented sentences only; no model weights (spacy.blank("zh") and the
project's own components).
"""

from __future__ import annotations

import shutil
from importlib import resources

import pytest
import spacy

from extract.entities import EntityExtractor, build_nlp
from extract.entities.tokenizer import TOKENIZER
from extract.errors import InputError

TEXT = "推进青岚新材料产业园建设，支持鸿泰精工公司扩产，启动岚河大道跨河桥工程。"


def test_the_tokenizer_and_every_setting_are_in_the_config():
    nlp = build_nlp()
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": TOKENIZER}
    heads = nlp.config["components"]["policy_heads"]
    assert heads["factory"] == "policy_heads" and heads["lexicon"] is None and heads["split_gap"] == 4
    assert nlp.config["components"]["policy_lists"]["max_item"] == 22
    assert [t.text for t in nlp("岚 山")] == ["岚", " ", "山"]  # one token per character, spaces kept


def test_the_tokenizer_gives_the_lexemes_of_a_doc_made_from_the_characters():
    from spacy.tokens import Doc

    nlp = build_nlp()
    for text in ("岚山 A1", "岚山，鸿泰。", "霁"):  # the second and third bring characters the first had not
        doc = nlp.make_doc(text)
        plain = Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))
        assert [(t.orth, t.text, t.is_space) for t in doc] == [(t.orth, t.text, t.is_space) for t in plain]
        assert doc.text == text


def test_a_saved_pipeline_loads_with_spacy_load_and_finds_the_same(tmp_path, found):
    nlp = build_nlp()
    nlp.get_pipe("policy_gazetteer")._add("岚梦众创", "ENTERPRISE", "岚梦众创公司")
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    assert (
        found(loaded, TEXT)
        == found(nlp, TEXT)
        == {("PARK", "青岚新材料产业园"), ("ENTERPRISE", "鸿泰精工公司"), ("PROJECT", "岚河大道跨河桥工程")}
    )
    # what the gazetteer learned travels with the pipeline
    assert loaded.get_pipe("policy_gazetteer").known["岚梦众创"].canonical == "岚梦众创公司"


def test_a_setting_given_in_the_config_changes_what_is_found(found):
    text = "霁川经济开发区氢能装备产业基地签约落地。"
    default = found(build_nlp(), text)
    assert default == {("PARK", "霁川经济开发区"), ("PROJECT", "氢能装备产业基地")}
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    for name in ("policy_heads", "policy_routes", "policy_lists", "policy_roles", "policy_select"):
        nlp.add_pipe(name, config={"split_gap": 12} if name == "policy_heads" else {})
    # a park is split from what follows only after split_gap characters: 12 keeps one long name
    assert found(nlp, text) == {("PROJECT", "霁川经济开发区氢能装备产业基地")}


def test_a_lexicon_folder_replaces_the_packaged_word_lists(tmp_path, found):
    folder = tmp_path / "lexicon"
    shutil.copytree(resources.files("extract") / "lexicon", folder)
    text = "建成岚溪水韵廊。"
    assert found(build_nlp(), text) == set()
    with (folder / "heads.tsv").open("a", encoding="utf-8") as fh:
        fh.write("水韵廊\tPROJECT\tbuild\n")
    assert found(build_nlp(str(folder)), text) == {("PROJECT", "岚溪水韵廊")}


def test_a_lexicon_folder_missing_a_file_is_one_clear_error(tmp_path):
    with pytest.raises(InputError, match=r"cannot read heads\.tsv"):
        build_nlp(str(tmp_path))


def test_the_first_pass_runs_every_document_through_nlp_pipe_and_teaches_the_gazetteer(document):
    first = document("岚山区2020年工作报告\n一、2020年工作回顾\n穗禾优选等9家企业完成股份制改造。\n", "a.txt")
    second = document("岚山区2021年工作报告\n一、2021年工作回顾\n支持穗禾优选扩大生产。\n", "b.txt")
    seen = []
    ex = EntityExtractor()
    ex.first_pass_all([first, second], on_each=lambda i, d: seen.append((i, d.name)))
    assert seen == [(1, "a.txt"), (2, "b.txt")]
    # the short name learned from the first report is found again in the second
    assert {(e.type, e.name) for e in ex.entities(second)} == {("ENTERPRISE", "穗禾优选")}


def test_spacy_load_in_a_fresh_process_needs_no_import_of_the_project(tmp_path):
    import subprocess
    import sys

    build_nlp().to_disk(tmp_path / "pipeline")
    script = (
        "import spacy, sys; nlp = spacy.load(sys.argv[1]); "
        "print(nlp.pipe_names[0], [t.text for t in nlp.tokenizer('岚 山')])"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "pipeline")], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "policy_heads ['岚', ' ', '山']"


def test_a_long_report_is_read_in_chunks_that_end_at_a_line_or_sentence_end(document):
    para = "推进澜溪新材料产业园建设，支持泓辰精工公司扩产。启动澜川大道拓宽工程。\n"
    text = "澜川县2020年工作报告\n一、2020年工作回顾\n" + para * 40
    whole, chunked = EntityExtractor(), EntityExtractor(chunk_size=100)
    doc = document(text, "long.txt")
    pieces = chunked.first_pass(doc)
    assert len(pieces) > 10 and all(b - a <= 100 for a, b in pieces)  # many Docs, none over 100 characters
    assert (
        pieces[0][0] == 0 and pieces[-1][1] == len(doc.folded) and all(x[1] == y[0] for x, y in zip(pieces, pieces[1:]))
    )  # they tile the text
    got = chunked.entities(doc)
    assert [(e.type, e.name, [(m.start, m.end) for m in e.mentions]) for e in got] == [
        (e.type, e.name, [(m.start, m.end) for m in e.mentions]) for e in whole.entities(doc)
    ]
    assert {(e.type, e.name) for e in got} == {
        ("PARK", "澜溪新材料产业园"),
        ("ENTERPRISE", "泓辰精工公司"),
        ("PROJECT", "澜川大道拓宽工程"),
    }
    assert all(doc.text[m.start : m.end] == m.text for e in got for m in e.mentions)
    assert len(got[0].mentions) == 40


@pytest.mark.parametrize(
    "text, size, pieces",
    [
        ("甲。乙。丙。", 4, [(0, 4), (4, 6)]),
        ("甲乙\n丙丁\n", 4, [(0, 3), (3, 6)]),
        ("甲乙丙丁戊", 2, [(0, 2), (2, 4), (4, 5)]),  # no line or sentence end: cut at the size
        ("", 4, []),
    ],
)
def test_chunks_end_at_breaks(text, size, pieces):
    from extract.entities import chunks

    assert chunks(text, size) == pieces


def test_past_its_budget_the_first_pass_keeps_candidates_not_docs(document):
    text = "澜川县2020年工作报告\n一、2020年工作回顾\n" + "推进澜溪新材料产业园建设，支持泓辰精工公司扩产。\n" * 30
    doc = document(text, "budget.txt")
    kept, thrifty = EntityExtractor(chunk_size=100), EntityExtractor(chunk_size=100, keep_chars=0)
    kept.first_pass(doc), thrifty.first_pass(doc)
    assert all(c.doc is not None for c in kept._found["budget.txt"])
    assert all(c.doc is None for c in thrifty._found["budget.txt"])
    # tokenising again in the second pass finds the same
    assert (
        [(e.type, e.name, len(e.mentions)) for e in thrifty.entities(doc)]
        == [(e.type, e.name, len(e.mentions)) for e in kept.entities(doc)]
        == [("PARK", "澜溪新材料产业园", 30), ("ENTERPRISE", "泓辰精工公司", 30)]
    )


def test_a_report_longer_than_spacys_max_length_is_read(document):
    # spaCy refuses a text over nlp.max_length (1,000,000) in one Doc (E088); chunks never are
    filler = "。" * 1_100_000
    doc = document("澜川县2020年工作报告\n一、2020年工作回顾\n" + filler + "\n推进澜溪新材料产业园建设。\n", "long.txt")
    ex = EntityExtractor()
    assert len(doc.folded) > ex.nlp.max_length
    (ent,) = ex.entities(doc)
    assert (ent.type, ent.name) == ("PARK", "澜溪新材料产业园")
    (m,) = ent.mentions
    assert doc.text[m.start : m.end] == "澜溪新材料产业园" and m.start > 1_100_000
