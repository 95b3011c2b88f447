"""kg.html: the one template environment of every page, and the one JSON-in-script escaper."""

from __future__ import annotations

import json

import pytest

from extract.errors import PolicyKGError
from kg.html import asset, json_script, render, vis_js


def test_json_in_a_page_cannot_close_its_script_element_or_open_a_comment():
    value = {"name": "</script><script>alert(1)</script>", "c": "<!-- <SCRIPT>", "amp": "a&b", "ls": "\u2028"}
    text = str(json_script(value))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == value


def test_vis_network_is_inlined_from_pyvis_without_its_source_map():
    js = str(vis_js())
    assert "vis-network" in js[:400] and "DataSet" in js
    assert "sourceMappingURL" not in js and "</script" not in js.lower()


@pytest.mark.parametrize("template, scripts", [("index.html", False), ("audit.html", True)])
def test_every_page_has_the_one_policy_and_scripts_only_where_it_runs_them(template, scripts, monkeypatch):
    page = render("_base.html", title="t", scripts=scripts)
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    assert f'content="{policy}{"; script-src " + chr(39) + "unsafe-inline" + chr(39) if scripts else ""}"' in page
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page


def test_an_asset_that_could_close_its_element_is_refused(tmp_path, monkeypatch):
    import kg.html

    (tmp_path / "bad.js").write_text("var a = '</script>';", encoding="utf-8")
    monkeypatch.setattr(kg.html, "templates_dir", lambda: tmp_path)
    asset.cache_clear()
    try:
        with pytest.raises(PolicyKGError, match="bad.js cannot be inlined"):
            asset("bad.js")
    finally:
        asset.cache_clear()


def test_a_dicts_keys_read_as_attributes_as_jinja_reads_them():
    from jinja2 import Environment, StrictUndefined
    from jinja2.exceptions import UndefinedError

    from kg.html import environment

    ours, theirs = environment(), Environment(undefined=StrictUndefined)
    row = {"year": 2020, "items": [1, 2], "get": "键", "mode": None}
    for text in ("{{ r.year }} {{ r.mode }}", "{{ r.items() | list | length }}", "{{ r.get('year') }}", "{{ r.x.y }}"):
        try:
            expected = theirs.from_string(text).render(r=row)
        except UndefinedError:
            with pytest.raises(UndefinedError):
                ours.from_string(text).render(r=row)
            continue
        assert ours.from_string(text).render(r=row) == expected
    assert (
        ours.from_string("{{ r.year }}|{{ r.items() | list | length }}").render(r=row) == "2020|4"
    )  # the method, not the key "items"

    class Row:
        year = 1999

    assert ours.from_string("{{ r.year }}").render(r=Row()) == "1999"
    with pytest.raises(UndefinedError):
        ours.from_string("{{ r.missing }}").render(r=row)
