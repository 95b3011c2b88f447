"""Every form a user has a report in: txt, a saved web page, docx, a PDF with a text layer.

The HTML, docx and PDF files are written by the tests from the invented report
``tests/data/inputs/yunshan-2021-report.txt``: the same report in four forms
must give the same metadata and the same entities.
"""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

import docx
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from extract.corpus import extract_corpus
from extract.errors import InputError
from extract.load import load_file
from extract.meta import read_metadata
from extract.readers import sniff

REPORT = Path(__file__).parent.parent / "data" / "inputs" / "yunshan-2021-report.txt"
LINES = REPORT.read_text(encoding="utf-8").splitlines()


def make_html(lines: list[str], charset: str = "utf-8") -> bytes:
    """A county site's page: menus, breadcrumb, info bar, share bar and footer around the article."""
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines[1:])
    page = f"""<!DOCTYPE html><html><head><meta charset="{charset}">
<title>{lines[0]}_云杉县人民政府网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zw">政务公开</a> <a href="/zj">走进云杉</a> <a href="/bs">办事服务</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; 政务公开 &gt; 政府工作报告</div>
<div class="article"><h1>{lines[0]}</h1>
<div class="info">发布时间：2021-02-03 来源：县政府办 浏览次数：1234 字号：[大][中][小] 【打印】【关闭】</div>
<div class="content">{body}</div></div>
<div class="share">分享到：微信 微博 QQ空间</div>
<div class="footer">版权所有：云杉县人民政府 网站标识码：0000000000 网站地图 联系我们</div>
</body></html>"""
    return page.encode(charset)


def make_docx(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def make_pdf(lines: list[str], width: int = 30) -> bytes:
    """A PDF with a text layer, its lines wrapped at ``width`` characters as a page would."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 11)
    y = 800
    for line in lines:
        for i in range(0, len(line), width):
            c.drawString(40, y, line[i : i + width])
            y -= 16
            if y < 60:
                c.showPage()
                c.setFont("STSong-Light", 11)
                y = 800
    c.showPage()
    c.save()
    return buf.getvalue()


def make_image_pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(50, 50, 200, 300, fill=1)  # a scan is a picture: no text at all
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def four_forms(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("forms")
    out = {"txt": folder / "a.txt", "html": folder / "b.html", "docx": folder / "c.docx", "pdf": folder / "d.pdf"}
    out["txt"].write_bytes(REPORT.read_bytes())
    out["html"].write_bytes(make_html(LINES))
    out["docx"].write_bytes(make_docx(LINES))
    out["pdf"].write_bytes(make_pdf(LINES))
    return out


def _extract_alone(path: Path):
    result = extract_corpus([str(path)])
    (doc,) = result.documents
    entities = sorted((e.type, e.name, tuple((m.year, m.mode) for m in e.mentions)) for e in doc.entities)
    return doc.document, entities


def test_the_same_report_in_four_forms_gives_the_same_metadata_and_entities(four_forms):
    found = {form: _extract_alone(path) for form, path in four_forms.items()}
    for form, (doc, _) in found.items():
        assert doc.format == form
        assert (doc.area, doc.reviewed_year, doc.plan_year, doc.date) == ("云杉县", 2020, 2021, "2021-01-20"), form
        assert doc.title == "2021年云杉县政府工作报告", form
    expected = found["txt"][1]
    assert ("PARK", "青石湾产业园", ((2020, "reviewed"), (2021, "planned"))) in expected
    assert len(expected) >= 5
    for form in ("html", "docx", "pdf"):
        assert found[form][1] == expected, form


def test_the_same_text_in_two_forms_is_read_once(four_forms, tmp_path):
    """The txt and the docx of the same lines normalise to one text: the second is a duplicate."""
    result = extract_corpus([str(four_forms["txt"]), str(four_forms["docx"])])
    assert [d.document.name for d in result.documents] == ["a.txt"]
    assert [(s.path, s.reason) for s in result.skipped] == [
        (str(four_forms["docx"]), f"the same text as {four_forms['txt']}: read once")
    ]


def test_html_is_reduced_to_the_article(four_forms):
    doc = load_file(str(four_forms["html"]))
    for furniture in ("首页", "当前位置", "浏览次数", "字号", "分享到", "版权所有", "网站地图"):
        assert furniture not in doc.text, furniture
    assert doc.text.startswith("2021年云杉县政府工作报告\n——2021年1月20日")
    assert "青石湾产业园建成投产" in doc.text
    assert "发布时间:2021-02-03" in doc.furniture  # the page's date, kept for the metadata


def test_html_in_gb18030_saved_as_txt_is_still_read_as_a_page(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(make_html(LINES, charset="gb18030"))
    assert sniff(path.read_bytes(), str(path)) == "html"  # nothing in the name says HTML: the bytes do
    doc = load_file(str(path))
    read_metadata(doc)
    assert doc.format == "html"
    assert "<p>" not in doc.text and "浏览次数" not in doc.text
    assert (doc.area, doc.plan_year) == ("云杉县", 2021)


def test_pdf_lines_wrapped_at_the_page_width_are_joined(four_forms):
    doc = load_file(str(four_forms["pdf"]))
    # 白桦林数字经济产业园 is cut by the 30-character wrap of make_pdf; joined again
    assert "金穗农业科技有限公司落户，白桦林数字经济产业园开工建设。" in doc.text
    assert "一、2020年工作回顾\n" in doc.text  # a short line (a heading) stays a line


def test_docx_tables_are_read_in_order(tmp_path):
    document = docx.Document()
    document.add_paragraph(LINES[0])
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "进度"
    table.cell(1, 0).text, table.cell(1, 1).text = "云杉高铁站综合交通枢纽项目", "开工"
    document.add_paragraph("各位代表：")
    path = tmp_path / "t.docx"
    document.save(str(path))
    text = load_file(str(path)).text
    assert text.index("云杉高铁站综合交通枢纽项目") < text.index("各位代表")


NO_ARTICLE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>云杉县人民政府网</title></head><body>"
    "<div class='nav'><a href='/'>首页</a> <a href='/a'>政务公开</a> <a href='/b'>办事服务</a></div>"
    "<div class='footer'>版权所有：云杉县人民政府</div></body></html>"
).encode()


@pytest.mark.parametrize(
    "name, make, message",
    [
        ("scan.pdf", make_image_pdf, "a PDF with no text layer (scanned pages are images): run OCR first"),
        ("cut.pdf", lambda: make_pdf(LINES)[:400], "not a valid PDF"),
        ("cut.docx", lambda: make_docx(LINES)[:300], "not a valid .docx file"),
        ("menu.html", lambda: NO_ARTICLE, "an HTML page with no article text"),
    ],
    ids=["image-only-pdf", "truncated-pdf", "truncated-docx", "html-with-no-article"],
)
def test_a_form_with_no_text_is_one_line_naming_the_file(tmp_path, name, make, message):
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(InputError) as exc:
        load_file(str(path))
    msg = str(exc.value)
    assert "\n" not in msg and msg.startswith(f"{path}: {message}"), msg


def test_extraction_json_records_the_format(four_forms, tmp_path):
    from extract.contract import corpus_to_json

    data = corpus_to_json(extract_corpus([str(four_forms["pdf"])]))
    doc = data["documents"][0]["doc"]
    assert (doc["format"], doc["kind"]) == ("pdf", "report")
    assert doc["sources"]["plan_year"]["rule"] == "title"
    json.dumps(data, ensure_ascii=False)
