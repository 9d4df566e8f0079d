"""Every whole-corpus function says clearly what is wrong with what it was given."""

import pandas as pd
import pytest

import libyakit as ly

FUNCTIONS = ["extract_actors", "extract_forces", "extract_backing", "extract_ceasefire", "extract_quotes",
             "joined_words_report"]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_not_a_dataframe(name):
    with pytest.raises(TypeError, match="articles DataFrame from load_articles"):
        getattr(ly, name)("some text")


@pytest.mark.parametrize("name", FUNCTIONS)
def test_a_missing_text(name):
    frame = pd.DataFrame({"article_id": ["a", "b"], "text": ["قال المتحدث.", None], "text_raw": ["x", "y"],
                          "joined_fixed_at": [(), ()], "lang": ["ar", "ar"], "date": [pd.NaT, pd.NaT]})
    with pytest.raises(ValueError, match=r"articles \['b'\] have no text"):
        getattr(ly, name)(frame)


def test_the_report_needs_the_raw_text_without_the_repair_offsets():
    with pytest.raises(ValueError, match="text_raw"):
        ly.joined_words_report(pd.DataFrame({"article_id": ["a"], "text": ["x"]}))
