"""Every named rule is exercised: a registered decision that never fires, or a row rule that no
row carries, on the seeds plus the invented sentences of tests/data/rule_cases/, fails here."""

from pathlib import Path

import pandas as pd
import pytest

import libyakit as ly
from libyakit import rules

CASES = Path(__file__).parent / "data" / "rule_cases"


@pytest.fixture(scope="module")
def exercised():
    seeds = ly.load_articles()
    cases = ly.load_articles(CASES) if any(CASES.glob("*.txt")) else seeds.iloc[:0]
    articles = pd.concat([seeds, cases], ignore_index=True)
    with rules.tracking() as fired:
        frames = [ly.extract_actors(articles, progress=False), ly.extract_forces(articles, progress=False),
                  ly.extract_quotes(articles, progress=False), ly.extract_ceasefire(articles, progress=False),
                  ly.extract_backing(articles, progress=False), ly.extract_dates(articles, progress=False)]
    seen = set(fired)
    for f in frames:
        if "rule" in f.columns:
            for v in f["rule"].dropna():
                seen.update(str(v).split("+"))
    return seen


def test_rule_names_are_unique_and_documented():
    table = rules.list_rules()
    assert table["name"].is_unique
    assert (table["doc"].str.len() > 0).all(), table.loc[table["doc"].str.len() == 0, "name"].tolist()


def test_every_rule_is_exercised(exercised):
    table = rules.list_rules()
    never = sorted(set(table["name"]) - exercised)
    assert not never, f"rules never exercised on seeds + tests/data/rule_cases: {never}"


def test_list_rules_knows_every_module_that_registers(exercised):
    # after the extractors ran, every registered family's module is one list_rules imports
    families = {r.family for r in rules.RULES.values()}
    assert families <= set(rules._RULE_MODULES), families - set(rules._RULE_MODULES)
