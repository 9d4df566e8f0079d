"""What the display helpers make reads right in a real browser (headless Chromium), not only in markup.

Each check lays out the helpers' HTML, measures where words land (a Range's box, in JavaScript,
read back with --dump-dom) and asserts their left-to-right order: "10 قواعد" with 10 at the right,
Arabic runs in an English sentence in their own order and in the sentence's, an Arabic sentence's
full stop at its left end. A control without the helpers' markup must come out wrong, so that the
test can fail. Skipped where no Chromium is installed (Debian: apt-get install chromium).
"""

import html
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from libyakit import display

BROWSER = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no headless Chromium here (apt-get install chromium)")

PROBE = """<script>
function x(id, word) {
  const el = document.getElementById(id);
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let n;
  while ((n = walker.nextNode())) {
    const i = n.data.indexOf(word);
    if (i >= 0) {
      const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + word.length);
      const b = r.getBoundingClientRect(); return b.left + b.width / 2;
    }
  }
  return null;
}
const out = {};
for (const [id, words] of Object.entries(PROBES)) { out[id] = {}; for (const w of words) out[id][w] = x(id, w); }
document.body.setAttribute("data-result", JSON.stringify(out));
</script>"""


def layout(blocks: dict[str, str], probes: dict[str, list[str]]) -> dict:
    """x (centre, px) of each probed word in each block, as Chromium lays the page out."""
    from nbconvert.filters.markdown import markdown2html

    body = "".join(f'<div id="{k}">{markdown2html(v) if k.startswith("md") else v}</div>' for k, v in blocks.items())
    page = (f"<!doctype html><meta charset='utf-8'><body style='font-size:24px;width:1200px'>{body}"
            + PROBE.replace("PROBES", json.dumps(probes, ensure_ascii=False)) + "</body>")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(page, encoding="utf-8")
        run = subprocess.run(
            [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp}/profile", "--dump-dom", path.as_uri()],
            capture_output=True, text=True, timeout=120)
    start = run.stdout.index('data-result="') + len('data-result="')
    return json.loads(html.unescape(run.stdout[start:run.stdout.index('"', start)]))


@pytest.fixture(scope="module")
def measured():
    cells = display.table(pd.DataFrame({"a": ["10 قواعد"], "b": ["3,000–9,000 (vague: آلاف عدة)"]}))._repr_html_()
    cells = cells.replace("<td", '<td id="PLACE"', 1).replace('id="PLACE"', 'id="cell1"', 1)
    cells = cells.replace('<td dir="auto">3,000', '<td id="cell2" dir="auto">3,000', 1)
    text = "وأحصت الأمم المتحدة 10 قواعد في البلاد."
    start = text.index("10 قواعد")
    ev = display.evidence(pd.DataFrame({"article_id": ["a"], "start": [start], "end": [start + 8]}),
                          pd.DataFrame({"article_id": ["a"], "text": [text]}))._repr_html_()
    blocks = {
        "table": cells,
        "md_helper": display.markdown("Examples: {a}, {b} in the text", a="أكثر من 5000", b="بنحو 20 ألفاً").text,
        "md_naive": "Examples: أكثر من 5000, بنحو 20 ألفاً in the text",
        "evidence": ev,
    }
    probes = {"cell1": ["10", "قواعد"], "cell2": ["3,000", "vague", "آلاف", "عدة"],
              "md_helper": ["Examples", "أكثر", "من", "5000", "بنحو", "in the text"],
              "md_naive": ["Examples", "أكثر", "بنحو", "in the text"],
              "evidence": ["10", "قواعد", "وأحصت", "البلاد", "."]}
    return layout(blocks, probes)


def test_number_then_arabic_in_a_cell_reads_right_to_left(measured):
    cell = measured["cell1"]
    assert cell["10"] > cell["قواعد"]


def test_english_cell_keeps_its_arabic_run_in_order(measured):
    cell = measured["cell2"]
    assert cell["3,000"] < cell["vague"] < cell["عدة"] < cell["آلاف"]


def test_arabic_runs_in_english_prose(measured):
    md = measured["md_helper"]
    assert md["Examples"] < md["5000"] < md["من"] < md["أكثر"]  # the run right to left, its number at its end
    assert md["أكثر"] < md["بنحو"] < md["in the text"]  # the runs in the sentence's order


def test_control_without_spans_comes_out_wrong(measured):
    naive = measured["md_naive"]
    assert naive["بنحو"] < naive["أكثر"]  # the two runs merge and swap: what the spans prevent


def test_evidence_sentence_reads_right_to_left(measured):
    ev = measured["evidence"]
    assert ev["وأحصت"] > ev["البلاد"] > ev["."]  # first word at the right, full stop at the left
    assert ev["10"] > ev["قواعد"]
