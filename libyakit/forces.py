"""Foreign-force claims: who has how many troops, mercenaries, fighters or bases in Libya.

A claim is an amount (:mod:`libyakit.numbers`) close to a force noun
(mercenaries, troops, fighters, bases, trainers; مرتزقة، قوات، جنود، مقاتلين،
عناصر، قواعد، مدربين) in one sentence. "Contractors" count as mercenaries when
military ("private military contractors") or of an armed group ("Wagner
contractors"), عناصر as fighters beside a word for armed men ("1200 عنصر من
فاغنر", not "خلية من 8 عناصر"), and trainers/advisers only in a sentence about
the military (not football coaches). The noun must be what the amount counts:
nothing but adjectives, "of"/من or "عدد" between them ("10 مدنيين وجندي", "16
آلية" after "القوات", "ثلاثة من رواد الفضاء من قاعدة" are not claims). Not
claims either: a four-digit amount that reads as a year ("since late 2019",
"منذ 2019", or with its noun only before it), a day of a month ("11 سبتمبر"),
a share ("60 في المائة"), a fraction of a person ("2.5"; but "12.500 جندي" is
12,500), "one"/واحد, and القاعدة alone (al-Qaeda, unless "القاعدة الجوية").
Around it:

* **origins** — the foreign states and armed groups named in the claim's
  clause: first after the amount ("from Syria and Sudan", "المرتزقة
  السوريين"), else before it ("the Wagner Group ... had provided ... 800 to
  1,200"). Libyan actors (``libyan`` in the gazetteer) are never origins; an
  armed group named with its state ("Wagner, a Russian company") is the
  origin on its own. Empty means foreign forces in general.
* **attributed_to** — who gives the figure, where a reporting cue says so
  (said, estimates, according to; قال، قدرت، أحصت، بحسب، وفق): the actor id,
  or a plain label for unnamed sources ("diplomat", "expert": data/lexicon/unnamed_sources.csv,
  the labels quotes give too). Each claim
  takes the cue nearest to it; a cue's source is named in its own clause
  ("According to the Syrian Observatory, Turkey sent ..." is the Observatory,
  never Turkey), and an unnamed source followed by a person's name is that
  person ("المتحدث باسم قوات الوفاق محمد قنونو"). Empty when the nearest cue
  names no one the gazetteer or the labels know.

Claims about Libyan forces ("1300 جندي ليبي") and amounts that are not about
forces (dates, members of a parliament, kilometres) are left out.

The force nouns are rows of ``data/lexicon/force_nouns.csv`` (force type, stem, endings, clitics,
words that rule a noun out or in), the words that say what a sentence is about are rows of
``force_cues.csv``: a domain expert adds a noun as one row, and the first look's stems come from
the same rows. Each keep/drop decision is a named rule (:mod:`libyakit.rules`, ``forces.*``), and
each row's ``rule`` says how its noun was found (``forces.noun_after``, ``forces.noun_before``,
``forces.number_of`` ...). The work is sentence by sentence and each window is bounded in the
sentence, so the cost grows linearly with an article's length. Known limits: one force
type per claim (the first noun: "troops and mercenaries" is troops), and an
amount listed without its noun ("... and a thousand from Chad") takes the
noun of the claim before it in the same sentence.
"""

from __future__ import annotations

import dataclasses


import re
from bisect import bisect_right
from itertools import accumulate

import regex

from .arabic import DIGITS as _ASCII_DIGITS
from .arabic import CONJUNCTIONS, NOUN_PREFIX_RE, OBJECT_PRONOUNS, PREPOSITIONS, alternation, loose_spelling
from .dates import _MONTH_RE
from .gazetteer import actor_info
from .lexicon import alternation as lexicon_alternation
from .lexicon import table as lexicon_table
from .lexicon import (cue_pattern, force_cues, force_nouns, is_seat, word_list, opens_seat, participles, private_military_companies,
                      reporting_verb_table, unnamed_label, unnamed_source_regex)
from .marks import mark_free, rewrite
from .numbers import find_quantities
from .rules import row_rule, rule
from .sentences import within

__all__ = ["extract_forces", "FORCE_COLUMNS", "claims_in"]

FORCE_COLUMNS = ["article_id", "origins", "force_type", "counts", "low", "high", "qualifier", "attributed_to",
                 "amount", "start", "end", "surface", "sentence", "rule"]

# Force nouns and the words that say what a sentence is about are data (data/lexicon/force_nouns.csv,
# force_cues.csv); here they become patterns. The extractor reads a mark-free view of the text
# (mark_free below), so no pattern allows for diacritics.
_CLITIC = f"(?:{alternation(CONJUNCTIONS + PREPOSITIONS)})?"  # و ف ب ل ك (libyakit.arabic)
_AR_PROCLITICS = {  # which clitics may stand before an Arabic force noun (the table's `proclitics`)
    "article": NOUN_PREFIX_RE, "no_article": f"{_CLITIC}ل?", "conjunction": _CLITIC, "none": "",
}
# a possessive after the noun: the third-person pronouns ("من جنودها", "مرتزقتهم")
_AR_POSSESSIVES = alternation(p for p in OBJECT_PRONOUNS if p.startswith("ه"))
_ADJACENT = "adjacent:"  # + force type: the kind of a noun that counts only right after its amount (the table's `adjacent`)


def _alts(words) -> str:
    """A group of the alternation of ``words`` (:func:`libyakit.lexicon.alternation`)."""
    return f"(?:{lexicon_alternation(words)})"


def _noun_pattern(n) -> str:
    """The stdlib-re pattern of one row of force_nouns.csv."""
    word = regex.escape(n.form).replace("\\ ", r"\s+")
    endings = "(?:" + "|".join(regex.escape(e) for e in sorted(n.endings, key=len, reverse=True)) + ")"
    body = f"{word}{endings}"
    if n.possessive:
        body = f"(?:{body}|{regex.escape(n.possessive)}(?:{_AR_POSSESSIVES}))"
    pat = (_AR_PROCLITICS[n.proclitics] if n.lang == "ar" else "") + body
    pat = "".join(f"(?<!{regex.escape(w)}\\s)" for w in n.not_after) + pat
    if n.not_before:
        pat += rf"(?!\s+{_alts(n.not_before)})"
    if n.only_before:
        pat += rf"(?=\s+{_alts(n.only_before)})"
    return pat


def _stem(form: str) -> str:
    return form.split()[-1].lower()


def _cue_re(cues, concept: str, ar_prefix: str = "") -> "regex.Pattern":
    """Whether a text holds a word of ``concept`` (force_cues.csv), anywhere in a word; Arabic ones
    after ``ar_prefix``."""
    en = [f for lang, f in cues[concept] if lang == "en"]
    ar = [f for lang, f in cues[concept] if lang == "ar"]
    parts = ([_alts(en)] if en else []) + ([ar_prefix + _alts(ar)] if ar else [])
    return regex.compile("|".join(parts), regex.IGNORECASE)


_BREAK = regex.compile(r"[،;:«»\"()؛]|,(?!\d)")  # (not the comma of "1,200")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’-]*")  # ("Haftar’s" is one word)
NOUN_WINDOW = 5  # words between an amount and its force noun, at most
_STRONG = "-strong"  # "a 2,000-strong force"
_BUILT: tuple = (None, None)
_LETTER_RUN = re.compile(r"[^\W\d_]+")


_AR_REACH = "بلغ|يبلغ|وصل|يصل|ارتفع|يرتفع|تجاوز|يتجاوز"  # "reached", "rose to", "exceeded"


def _vocabulary() -> None:
    """(Re)build the patterns made from force_nouns.csv and force_cues.csv when the tables were
    (re)loaded: once per process, again after their caches are cleared (another data directory)."""
    global _BUILT, _NOUN_KINDS, _NOUN_RE, _MERCENARY, _FOREIGN, _NOUN_STEMS, _AUTOMATON, _MILITARY, _NOUN_WORDS
    global _MILITARY_CONTRACTOR, _ARMED_SENTENCE, _ARMED, _FIGHTING, _DEMONYM_FIGHTING, _CASUALTY_BEFORE, _CASUALTY_AFTER
    global _UNIT, _NAMED_BY_NUMBER, _TERRORIST, _JOINING, _DEMONYM_JOINED, _GROUP_ANAPHOR, _OF_THEM_AFTER, _OF_THEM_BEFORE
    global _NUMBER_OF, _AR_REACHED_FIRST, _COUNTED_PERSONS, _FROM_BEFORE, _LIST_SEP, _BACKER_BEFORE
    global _COMPOSITION, _RATIO, _SUPERLATIVE, _BELONGING, _JOINED_BEFORE, _SERVED, _SENDER_BEFORE, _SENDER_AFTER, _SENDER_FAR, _PASSES_THROUGH, _FORMERLY, _PLACE_NISBA, _PLACE_DEMONYM, _OUTLET_BEFORE, _OUTLET_AFTER
    rows, cues = force_nouns(), force_cues()
    if _BUILT[0] is rows and _BUILT[1] is cues:
        return
    _NOUN_KINDS = [_ADJACENT + n.force_type if n.adjacent else n.force_type for n in rows]
    # stdlib re: several times faster than the regex module on this alternation, and the
    # scan over every sentence is the extractor's hot loop. [^\W\d_] is "a letter".
    _NOUN_RE = re.compile(
        "(?<![^\\W\\d_])(?:" + "|".join(f"(?P<n{i}>{_noun_pattern(n)})" for i, n in enumerate(rows))
        + ")(?![^\\W\\d_])",
        re.IGNORECASE,
    )
    # (a mercenary noun anywhere in the clause makes a force foreign: "fighters in the ranks of the mercenaries")
    _MERCENARY = regex.compile(_alts(n.form for n in rows if n.force_type == "mercenaries"), regex.IGNORECASE)
    _FOREIGN = _cue_re(cues, "foreign", r"(?<!\p{L})\p{L}{0,3}")  # (after at most three letters of clitics)
    # trainers and advisers count as forces only in a sentence about the military
    _MILITARY = _cue_re(cues, "military")
    # contractors are mercenaries when military or security ones ("المتعاقدين العسكريين الخاصين")
    _MILITARY_CONTRACTOR = regex.compile(rf"\S*\s*(?:\S+\s+)?(?:{_cue_re(cues, 'military_contractor').pattern})",
                                         regex.IGNORECASE)
    _ARMED_SENTENCE = _cue_re(cues, "armed_sentence")
    _ARMED = _cue_re(cues, "armed")  # ... and عناصر only beside a word for armed men
    _FIGHTING = _cue_re(cues, "fighting")
    _TERRORIST = _cue_re(cues, "terrorist")  # (عناصر called terrorist are an armed group's men)
    # An amount followed by a unit of time (data/lexicon/durations.csv, the ceasefire terms' table) or
    # another measure measures that, not forces: "within three months", "70 كيلومترا", "60 في المائة"
    units = [r["form"] for r in lexicon_table("durations.csv", ("role",)) if r["role"] in ("unit", "plural", "dual")]
    # a number that names a unit or a text: "الفرقة 30", "the 444th Brigade", "Resolution 2510"
    named = {lang: [f for g, f in cues["named_by_number"] if g == lang] for lang in ("en", "ar")}
    _NAMED_BY_NUMBER = regex.compile(rf"(?<![\p{{L}}])(?:(?:ال)?{_alts(named['ar'])}|{_alts(named['en'])})\s*$",
                                     regex.IGNORECASE)
    _UNIT = regex.compile(rf"\s*(?:ال)?{_alts(units + [f for _, f in cues['measure']])}(?![\p{{L}}])", regex.IGNORECASE)
    # A figure of the dead, wounded or captured counts losses, not a force's strength: "مقتل 17 جنديا تركيا",
    # "killing at least 17 Turkish soldiers", "17 Turkish soldiers were killed", "اثنين من جنوده قتلوا"
    before = {lang: [f for g, f in cues["casualty_before"] if g == lang] for lang in ("en", "ar")}
    _CASUALTY_BEFORE = regex.compile(
        rf"(?<![\p{{L}}])(?:(?:و|ف|ب|ل)?{_alts(before['ar'])}|{_alts(before['en'])})"
        r"(?:\s+(?!\d)[\p{L}\p{M}]+){0,2}\s+(?:و\s*)?$",  # (and "مقتل ضابط و3 جنود")
        regex.IGNORECASE)
    _CASUALTY_AFTER = regex.compile(
        r"(?:[\s,،]+(?!(?:and|to|for|after|before|against|with|by|و|إلى|بعد|قبل|ضد)\s)[\p{L}\p{M}-]+){0,5}?[\s,،]+"
        r"(?:(?:who\s+)?(?:were|was|have\s+been|had\s+been)\s+)?"
        rf"{_alts(f for _, f in cues['casualty_after'])}(?![\p{{L}}])",
        regex.IGNORECASE)
    _DEMONYM_FIGHTING = regex.compile(  # a demonym, other counted ones listed after it, then fighting
        r"\p{L}+((?:[\s,،]+(?:and\s+|و)?\d[\d,.]*(?:\s+(?:ألف|آلاف|thousand))?\s+\p{L}+)*"
        rf"\s+(?:(?:who\s+are|are|were|now)\s+)?(?:{_FIGHTING.pattern}))(?!\p{{L}})",
        regex.IGNORECASE)
    _JOINING = _cue_re(cues, "joining")
    # "the organisation" (التنظيم, after و/ب/ل) as a whole word
    _GROUP_ANAPHOR = _cue_re(cues, "group_anaphor", r"(?<!\p{L})(?:و|ف|ب|ل)?(?:ب|ل)?")
    # "of them" right after an amount, or a few words before it in its clause ("عاد منهم إلى سوريا نحو 2600")
    of_them = _cue_re(cues, "of_them").pattern
    _OF_THEM_AFTER = regex.compile(rf"\s+(?:{of_them})(?!\p{{L}})", regex.IGNORECASE)
    # "the number of", عدد، إجمالي، تعداد — and a casualty noun between it and the force's: "عدد قتلى المرتزقة"
    number_of = [f for lang, f in cues["number_of"] if lang == "ar"]
    ar_number = rf"(?:{_alts(number_of)})(?:\s+عدد)?\s+(?:(?:{_alts(before['ar'])})\s+)?"
    _NUMBER_OF = regex.compile(
        rf"(?<![\p{{L}}])(?:(?:{_alts(f for lang, f in cues['number_of'] if lang == 'en')})\s+of\s+(?:the\s+)?"
        rf"(?:[\p{{L}}-]+\s+){{0,2}}|(?:و|ف|ب)?{ar_number})$", regex.IGNORECASE)
    _AR_REACHED_FIRST = regex.compile(rf"(?<![\p{{L}}])(?:و|ف)?(?:{_AR_REACH})\s+{ar_number}$")
    # a word for persons after the amount counts the force named before it: "بلغ 496 شخصا"
    _COUNTED_PERSONS = frozenset(f for _, f in cues["counted_persons"])
    _OF_THEM_BEFORE = regex.compile(rf"(?<!\p{{L}})(?:{of_them})(?:\s+[\p{{L}}\p{{M}}]+){{0,3}}\s+$", regex.IGNORECASE)
    _DEMONYM_JOINED = regex.compile(  # a demonym (and another: "بريطاني وبريطانية"), then joining, then the group
        r"\p{L}+(?:\s+(?:and\s+|و)\p{L}+)?\s+(?:(?:who\s+)?(?:have|had|has)\s+)?"
        rf"(?:{_JOINING.pattern})(?!\p{{L}})\s*(?:(?:إلى|الى|في|to)\s+)?(?:(?:صفوف|the\s+ranks\s+of|the)\s+)?(?:بـ?\s*)?[«\"“]?\s*",
        regex.IGNORECASE)
    # the words that open who a force is made of after a comma: "، غالبيتهم من", "، بينهم", ", mostly"
    _COMPOSITION = regex.compile(
        r"(?:\s*[\p{L}\p{M}]+){0,6}[^\p{L}\p{N}،,.;؛:]*[،,]\s*(?:و)?"  # (a few words first: "ومقاتل أجنبي من جنسيات مختلفة،")
        rf"(?:{_cue_re(cues, 'composition').pattern})(?!\p{{L}})\s*(?:(?:من|of|from)\s+)?(?:the\s+)?[«\"“]?", regex.IGNORECASE)
    # the parts of a state ("شرق أوكرانيا", "eastern Ukraine"), one list for every pattern that needs them
    direction = _alts(f for _, f in cues["direction"])
    _FROM_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:من|from)\s+(?:(?:{direction})\s+)?$", regex.IGNORECASE)
    _LIST_SEP = regex.compile(r"[\s,،]*(?:(?:and|or|as\s+well\s+as|و|أو)\s*)?"  # (a part of the next one: "من روسيا وشرق أوكرانيا")
                              rf"(?:(?:{direction})\s+)?")
    # who backs or sends a force is not where it comes from: "Syrian fighters backed by Turkey", "مقاتل سوري
    # تدعمهم تركيا"
    _BACKER_BEFORE = regex.compile(
        r"(?<![\p{L}])(?:by(?:\s+the)?|(?:fight|fights|fighting|fought|work|works|working)\s+for(?:\s+the)?|لصالح|(?:إلى|الى)\s+جانب"  # an agent: "backed by
        # Turkey", "mercenaries sent to Libya by Turkey", whom they fight for: "Syrians who fight for Turkey"
        # where it goes: "to western Egypt" (not "in addition to", "according to", "next to")
        rf"|(?<!(?:addition|according|next|close|due|owing|thanks)\s)(?:to|into|towards)(?:\s+(?:the|{direction}))?"
        rf"|(?<!إضافة\s)(?:إلى|الى)(?:\s+(?:{direction}))?"  # (not "إضافة إلى": in addition to)
        r"|[تي]دعم(?:هم|ها|ه)|(?:ال)?مدعوم\p{L}*\s+من|بدعم\s+من"
        # who sent, moved or recruited them, a word or two of the sender's before it ("نقلتهم شركة أمنية روسية")
        r"|(?:أرسلتهم|أرسلهم|ترسلهم|يرسلهم|جندتهم|جندهم|تجندهم|يجندهم|نقلتهم|نقلهم|تنقلهم|ينقلهم|جلبتهم|جلبهم)"
        r"(?:\s+[\p{L}\p{M}]+){0,2}"
        # whom they are loyal to: "الفصائل الموالية لتركيا" (the mention carries the ل), "pro-Turkish factions"
        r"|(?:ال)?موال(?:ية|ين|ون|ي)|loyal|pro)\s*-?\s*$",
        regex.IGNORECASE)
    # "every" right before an amount: a ratio
    _RATIO = regex.compile(rf"(?<!\p{{L}})(?:و|من)?(?:{_cue_re(cues, 'ratio').pattern})\s+$", regex.IGNORECASE)
    # a superlative right before a vague amount ("أكبر عدد من"): a comparison, no amount
    _SUPERLATIVE = regex.compile(rf"(?<!\p{{L}})(?:ال)?(?:{_cue_re(cues, 'superlative').pattern})(?:\s+the)?\s+$", regex.IGNORECASE)
    # the words of belonging before "إلى"/"to" ("ينتمون إلى", "belonging to"): no destination, no backer
    _BELONGING = regex.compile(rf"(?<!\p{{L}})(?:و)?(?:{_cue_re(cues, 'belonging').pattern}|{_JOINING.pattern})"
                               r"(?!\p{L})(?:\s+(?:صفوف|the\s+ranks\s+of))?\s+$", regex.IGNORECASE)
    # ... and the group after them (with إلى, ل, ب, "to", "the ranks of" or nothing): "انضموا لداعش", "joined ISIS"
    # ("لشركة فاغنر", "الجيش الروسي", "للشركة الأمنية الروسية «فاغنر»": a head and up to two words describing it)
    heads = rf"(?:(?:لل|بال|ل|ب|ال)?(?:{_alts(f for _, f in cues['agent_head'])})(?:\s+[\p{{L}}\p{{M}}]+){{0,2}}?\s+)?"
    _JOINED_BEFORE = regex.compile(
        rf"(?<!\p{{L}})(?:و)?(?:{_cue_re(cues, 'belonging').pattern}|{_JOINING.pattern})(?!\p{{L}})"
        rf"\s+(?:(?:إلى|الى|في|to|into)\s+)?(?:(?:صفوف|the\s+ranks\s+of)\s+)?{heads}[«\"“]?$", regex.IGNORECASE)
    # whom a force is sent to support (force_cues.csv "serving"): no origin, like a backer
    _SERVED = regex.compile(rf"(?<!\p{{L}})(?:و)?(?:{_cue_re(cues, 'serving').pattern})(?!\p{{L}})\s+{heads}[«\"“]?$",
                            regex.IGNORECASE)
    # who sends, moves or recruits a force (force_cues.csv "sending"): the verb (an Arabic one with its
    # endings: أرسلت، جندتهم; not جندي) and at most two words ("جندت المخابرات التركية") before the state,
    # or the state, at most four words that open no relative clause, then the verb ("تركيا خلال الأيام
    # الماضية نقلت", "Turkey has sent"; not "الفصائل السورية التي جندتها تركيا")
    send = {lang: [f for g, f in cues["sending"] if g == lang] for lang in ("en", "ar")}
    ar_verb = rf"(?:و|ف)?(?:{_alts(send['ar'])})(?:ت|وا)?(?:هم|ها|ه)?"
    _prep = r"(?:في|من|إلى|الى|عبر|على|عن|داخل|نحو)(?!\p{L})"
    _SENDER_BEFORE = regex.compile(
        rf"(?<!\p{{L}})(?:{ar_verb}|{_alts(send['en'])})(?!\p{{L}})(?:\s+(?!{_prep})[\p{{L}}\p{{M}}]+){{0,2}}?\s+$",
        regex.IGNORECASE)  # (a subject follows no preposition: "جرى تجنيدهم في السودان")
    not_subject = r"(?:و|ف|ب|ل)?(?:الذي|التي|الذين|اللذين|اللتين|اللاتي|who|which|that|إن|أن|إنه|أنه)(?!\p{L})"
    _SENDER_AFTER = regex.compile(
        rf"(?:\s+(?!{not_subject})[\p{{L}}\p{{M}}]+){{0,4}}?\s+(?:{ar_verb}|{_alts(send['en'])})(?!\p{{L}})", regex.IGNORECASE)
    # ... and a state named as the sentence's subject further before a verb whose subject is dropped: "وافقت
    # أنقرة على مهمة عسكرية لدعم الحكومة، حيث أرسلت جنودا وبضعة آلاف من المرتزقة" (no clause opener between)
    _SENDER_FAR = regex.compile(
        rf"(?:[\s،,]+(?!{not_subject})[\p{{L}}\p{{M}}]+){{0,12}}?[\s،,]+(?:{ar_verb}|{_alts(send['en'])})(?!\p{{L}})",
        regex.IGNORECASE)
    # where a force is or passes through (force_cues.csv "place_before"): "في تركيا", "عبر سوريا", "via Sudan"
    _PASSES_THROUGH = regex.compile(rf"(?<!\p{{L}})(?:و)?(?:{_cue_re(cues, 'place_before').pattern})\s+(?:the\s+)?$",
                                  regex.IGNORECASE)
    # ... and a nisba after a place noun there ("في مدينة ميلانو الإيطالية", "في العاصمة التركية"), a demonym
    # before one ("in the Turkish city of")
    place_noun = {lang: [f for g, f in cues["place_noun"] if g == lang] for lang in ("en", "ar")}
    _PLACE_NISBA = regex.compile(
        rf"(?:(?<!\p{{L}})(?:و)?(?:{_cue_re(cues, 'place_before').pattern})\s+|(?<!\p{{L}})(?:و|ف)?ب)"  # (or ب: "بالمعسكرات التركية")
        rf"(?:{_alts(place_noun['ar'])})(?:\s+\p{{L}}+){{0,2}}\s+$",
        regex.IGNORECASE)
    _PLACE_DEMONYM = regex.compile(rf"\s+(?:{_alts(place_noun['en'])})(?!\p{{L}})", regex.IGNORECASE)
    # ... unless they were there before (force_cues.csv "formerly"): "الذين كانوا سابقين في سوريا"
    _FORMERLY = regex.compile(rf"(?<!\p{{L}})(?:و)?(?:{_cue_re(cues, 'formerly').pattern})(?!\p{{L}})(?:\s+\S+)?\s+$",
                              regex.IGNORECASE)
    # a news outlet a nisba or demonym describes (force_cues.csv "outlet"): the outlet's word, at most three
    # words of its name (in quotation marks, after a comma), then the nisba: "صحيفة «النهار»، اللبنانية";
    # in English the demonym, at most two words, then the outlet's word: "the Turkish state news agency"
    outlet = {lang: [f for g, f in cues["outlet"] if g == lang] for lang in ("en", "ar")}
    not_outlet = _cue_re(cues, "not_outlet").pattern
    _OUTLET_BEFORE = regex.compile(
        rf"(?<!\p{{L}})(?:و|ب|ل|ف)?(?:ال|لل)?(?:{_alts(outlet['ar'])})(?!\p{{L}})(?![\s«\"“]+(?:{not_outlet}))"
        r"(?:[\s«»\"“”،,]+[\p{L}\p{M}.]+){0,3}[\s«»\"“”،,]+$", regex.IGNORECASE)
    _OUTLET_AFTER = regex.compile(
        rf"(?:\s+(?!{not_outlet})[\p{{L}}\p{{M}}]+){{0,2}}?\s+(?:{_alts(outlet['en'])})(?!\p{{L}})", regex.IGNORECASE)
    # A cheap first look (one Aho-Corasick pass over the article): the stems every force noun, every
    # fighting word and "-strong" hold (from the same tables). A sentence without one has no claim.
    _NOUN_STEMS = tuple(sorted({_stem(n.form) for n in rows} | {n.possessive for n in rows if n.possessive}
                               | {_stem(f) for c in ("fighting", "joining") for _, f in cues[c]} | {_STRONG}))
    # (a noun starts at most this many words before the stem its first look found: "private military contractors")
    _NOUN_WORDS = max(len(_LETTER_RUN.findall(f)) for n in rows for f in (n.form, n.possessive) if f)
    import ahocorasick

    _AUTOMATON = ahocorasick.Automaton()
    for stem in _NOUN_STEMS:
        _AUTOMATON.add_word(stem, len(stem))
    _AUTOMATON.make_automaton()
    _BUILT = (rows, cues)


_vocabulary()


def _nouns_in(text: str, s_start: int, s_end: int, s_hits) -> list[tuple[int, int, str]]:
    """The force nouns of a sentence, as ``_NOUN_RE.finditer`` finds them, but tried only where a
    noun can start: at the word of a first-look hit (``s_hits``) or a few words before it. A noun
    holds its stem and starts at a word's start, so the matches are the same; the cost follows the
    hits, not the sentence's length."""
    if s_hits is None:
        found = _NOUN_RE.finditer(text, s_start, s_end)
    else:
        found = []
        end = s_start
        # the start of the word at each hit and of the few words before it (runs of letters)
        runs = [m.start() for m in _LETTER_RUN.finditer(text, s_start, s_end)]
        tries = set()
        for h in s_hits:
            i = bisect_right(runs, h)  # (the run holding h starts at runs[i - 1]; h starts none before the first)
            tries.update(runs[max(0, i - _NOUN_WORDS):i] or [h])
        for p in sorted(tries):
            if p >= end and (m := _NOUN_RE.match(text, p, s_end)) is not None:
                found.append(m)
                end = m.end()
    return [(m.start(), m.end(), _NOUN_KINDS[int(m.lastgroup[1:])]) for m in found]


def _stem_hits(text: str) -> list[int] | None:
    """Sorted offsets where a force-noun stem starts (None: look everywhere)."""
    lower = text.lower()
    if len(lower) != len(text):  # a few letters change length when lowered: no shortcut
        return None
    return sorted(end - length + 1 for end, length in _AUTOMATON.iter(lower))


# A plain four-digit amount that reads as a year: after one of these words, or with its force noun
# before it ("fighters to Tripoli since late 2019"). "2000 مقاتل" after a verb stays an amount.
_YEAR_LEAD = regex.compile(
    r"(?<![\p{L}])(?:since|in|by|until|till|before|after|late|early|mid|of|during|from|to|year|"
    r"منذ|عام|العام|سنة|مطلع|أواخر|أوائل|نهاية|بداية|منتصف|حتى|خلال|في|قبل|بعد|"
    rf"(?:و|ف|ب|ل)?(?:{_MONTH_RE}))"
    r"[\s,.-]*$",
    regex.IGNORECASE,
)


def _year_like(q) -> bool:
    """Whether amount ``q`` is a plain four-digit number that could be a year (1900-2100)."""
    digits = q.surface.translate(_ASCII_DIGITS)
    return q.qualifier == "exact" and len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100


_ENTRY_DASH = regex.compile(r"\s*[-–—]\s")  # "1989 - ...": a chronology's year


_CLAUSE_OPENER = regex.compile(r"(?<![\p{L}])(?:إن|أن|بأن|that)(?![\p{L}])", regex.IGNORECASE)


_SPACES = regex.compile(r"\s*")


@rule("forces.unranged_without_noun")
def _unranged_without_noun(sentence: str, q, noun_starts) -> bool:
    """A vague amount with no documented range ("a number of", عدد من) is an amount only right before a
    force noun ("عدد من العناصر"); elsewhere ("وعدد من المدرعات") it neither counts nor bounds the
    words of the amounts beside it."""
    return q.low != q.low and q.high != q.high and _SPACES.match(sentence, q.end).end() not in noun_starts


@rule("forces.ratio_not_amount")
def _ratio(text: str, q, s_start: int) -> bool:
    """An amount after "every" is a ratio, no figure of a force: "واحد من كل سبعة مقاتلين عائدين",
    "one in every seven fighters"."""
    return _RATIO.search(text, max(s_start, q.start - 10), q.start) is not None


@rule("forces.superlative_not_amount")
def _superlative(sentence: str, q) -> bool:
    """A vague "number of" after a superlative compares, it counts nothing: "تعد تونس صاحبة أكبر عدد
    من المقاتلين الأجانب", "the largest number of foreign fighters"."""
    return q.low != q.low and q.high != q.high and _SUPERLATIVE.search(sentence, max(0, q.start - 15), q.start) is not None


@rule("forces.year_not_amount")
def _is_year(text: str, q, noun, lo: int) -> bool:
    """A plain four-digit amount (1900-2100) after its force noun or after "since", "in", منذ, a month
    ... is a year: "fighters to Tripoli since late 2019", "منذ 2019"; so is one that opens a
    chronology's entry ("1989 - a group abducts one of the leaders of ...")."""
    if not _year_like(q):
        return False
    return noun[1] <= q.start or bool(_YEAR_LEAD.search(text[max(lo, q.start - 30):q.start])) \
        or _ENTRY_DASH.match(text, q.end) is not None


@rule("forces.date_not_amount")
def _is_date(sentence: str, q) -> bool:
    """Whether amount ``q`` (offsets in ``sentence``) is part of a date: a year after "in", a
    month, "since" ... ("in January 2020", "منذ 2019"), or a day before its month ("11 سبتمبر")."""
    if _MONTH_AFTER.match(sentence, q.end) or (q.qualifier == "exact" and 1 <= q.low <= 31 and _MONTH_BEFORE.search(
            sentence, max(0, q.start - 14), q.start)):
        return True  # "11 سبتمبر", "Nov. 3", "October 23"
    return _year_like(q) and bool(_YEAR_LEAD.search(sentence[max(0, q.start - 30):q.start]))


_MONTH_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:{_MONTH_RE})\.?\s+$", regex.IGNORECASE)
_MONTH_AFTER = regex.compile(
    rf"\s+(?:من\s+)?(?:{_MONTH_RE})(?![\p{{L}}])",
    regex.IGNORECASE,
)


_DOT_THOUSANDS = regex.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,])")  # "20.000 مرتزق": 20,000


def _head_count(q):
    """``q`` as a count of people or places: "12.500 جندي" is 12,500 and "between 1.000 and 2.000"
    is 1,000 to 2,000 (dots between thousands); None for another fraction ("2.5 soldiers")."""
    digits = q.surface.translate(_ASCII_DIGITS)
    whole = (q.low != q.low or q.low == int(q.low)) and (q.high != q.high or q.high == int(q.high))
    groups = list(_DOT_THOUSANDS.finditer(digits))
    if not groups or _A_LETTER.search(digits, groups[-1].end()):
        return q if whole else None  # (a scale word after it was read by numbers: "1.5 ألف")
    values = [float(g.group().replace(".", "")) for g in groups]
    if len(values) == 2 and q.qualifier == "range":
        low, high = values
    elif len(values) == 1:
        low = high = values[0]
        low, high = {"more_than": (low, q.high), "less_than": (q.low, high)}.get(q.qualifier, (low, high))
    else:
        return q if whole else None
    return type(q)(q.start, q.end, q.surface, low, high, q.qualifier)


# Reporting cues (data/lexicon/reporting_verbs.csv, the table quotes read too), and whether the source
# usually stands after them: an Arabic verb's subject and what "according to"/بحسب names follow them,
# an English verb's subject stands before it ("the UN estimates", "Williams revealed").
def _cue_groups():
    verbs = reporting_verb_table()
    after = tuple(v for v in verbs if v.lang == "ar" or v.speaker == "according")
    before = tuple(v for v in verbs if v.lang == "en" and v.speaker != "according" and v.reported)
    participles_en = "|".join(regex.escape(f) for lang, f in participles() if lang == "en")
    # (web text drops an alef's hamza and swaps a final ya: "واكد الجيش", "اعلن")
    return loose_spelling(cue_pattern(after)), f"{cue_pattern(before)}|{participles_en}"


_AFTER_CUES, _BEFORE_CUES = _cue_groups()
_PARTICIPLE_FORMS = frozenset(f.lower() for _, f in participles())
_CUES = regex.compile(
    rf"(?<![\p{{L}}])(?:(?P<after>{_AFTER_CUES})|(?P<before>(?<!\ban\s){_BEFORE_CUES}))(?![\p{{L}}])",
    regex.IGNORECASE,
)
# Unnamed sources and their labels: one table with the quotes (data/lexicon/unnamed_sources.csv).
_SOURCE_RE = unnamed_source_regex()


def _words_between(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text[a:b]))


# Between an amount and the noun it counts: never a preposition other than of/من, nor "while" (بينما)
# ("مئات الآلاف من السعوديين إلى عناصر"), nor the "and" of a second count ("10 مدنيين وجندي",
# "10 civilians and a soldier").
_NOT_BETWEEN = regex.compile(
    r"(?<![\p{L}])(?:إلى|على|عن|مع|ضد|حتى|بعد|قبل|لدى|عبر|في|to|in|on|at|with|against|after|before|for|into|by"
    r"|بينما|فيما|عندما|حينما|while|whereas|when"  # (a new clause: "اعتقلت 13 شخصا بينما قتل عنصر آخر", "وفقد
    # 15 آخرون عندما هاجم مقاتلو داعش")
    r"|and\s+(?:a|an|one))(?![\p{L}])",
    regex.IGNORECASE,
)
# "Sudanese fighters, estimated at 3,000 by UN experts", "المرتزقة الذين يقدر عددهم بنحو ألفين":
# the noun comes first, and the figure follows a comma
_ESTIMATE_GAP = regex.compile(
    r"(?:\s+[\p{L}\p{M}-]+){0,2}[\s,،]*(?:(?:estimated|numbering|thought\s+to\s+number|believed\s+to\s+number)(?:\s+at)?"
    r"|whose\s+numbers?\s+(?:[\p{L}-]+\s+){0,6}?(?:put|puts|estimated|estimates|is|was|stands|stood)\s+(?:at\s+)?"
    r"|(?:الذين\s+|التي\s+)?(?:يقدر|يُقدّر|يُقدر|تقدر|يبلغ|بلغ)\s+عدد(?:هم|ها)(?:\s+ب)?)\s*",
    regex.IGNORECASE,
)
_REACHED = regex.compile(
    r"(?<![\p{L}])(?:reached|rose\s+to|risen\s+to|grown\s+to|grew\s+to|stands?\s+at|stood\s+at|is|was|totall?ed"
    r"|ranges?|ranged|(?:و|ف)?(?:يتراوح|تتراوح|تراوح)"  # "... يتراوح بين ألفين وثلاثة آلاف"
    rf"|exceeds?|exceeded|topped|hit|(?:ب)?(?:{_AR_REACH}|يفوق)(?:\s+(?:إلى|الى))?"
    r"|(?:إلى|الى))\s+$",
    regex.IGNORECASE)
_STRONG_FORCE = regex.compile(r"-strong\s+(?:[\p{L}-]+\s+){0,3}?(force|contingent|unit|brigade|battalion)(?!\p{L})",
                              regex.IGNORECASE)
_OF_WORD = regex.compile(r"(?<![\p{L}])(?:من|of)(?![\p{L}])", regex.IGNORECASE)
# a word right after an amount that is not a force noun is what the amount counts, unless it is one of these
# (nor a preposition written apart, prepositions.csv: "ارتفع إلى 216 عقب وصول ...")
_COUNTED_WORD = regex.compile(
    r"\s*(?!(?:من|of|from|each|at|by|على|فقط|only|تقريبا|تقريبًا|approximately|أو|or|and|و|إلى|to|in|في|منهم"
    rf"|{lexicon_alternation(word_list('prepositions.csv', 'ar') | word_list('prepositions.csv', 'en'))})(?![\p{{L}}]))\p{{L}}",
    regex.IGNORECASE,
)
_OF = regex.compile(r"(?:من|عدد|of(?:\s+the)?)\s*$", regex.IGNORECASE)  # (بنحو 20 ألفاً عدد المرتزقة)
_OWN = regex.compile(r"(?<![\p{L}])(?:its|their|his|her)\s+own(?![\p{L}])", regex.IGNORECASE)


_DEFINITE = regex.compile(r"(?:[بلكف])?ال")
_ENDS_OF = regex.compile(r"(?<![\p{L}])(?:من|of)$", regex.IGNORECASE)
_A_LETTER = regex.compile(r"\p{L}")
_THEIR_NUMBER = regex.compile(r"\s+عدد")  # "يقدر عددهم"


def _counts(text: str, q, noun) -> bool:
    """Whether the force noun after amount ``q`` is what it counts."""
    gap = text[q.end:noun[0]]
    if not gap.strip():
        return True  # "مئات الجنود", "2,000 fighters"
    if _ENDS_OF.search(q.surface):
        return False  # "عدد من المسؤولين وكبار قادة القوات": the amount's own من counts the word after it
    if _NOT_BETWEEN.search(gap):
        return False
    of = _OF_WORD.search(gap)
    # ("hundreds of its own soldiers": the possessive is no second noun)
    if of is not None and _words_between(_OWN.sub(" ", gap[of.end():]), 0, len(gap)) > (1 if gap.isascii() else 0):
        return False  # "ثلاثة من رواد الفضاء من قاعدة": the count is of what follows من
    if of is not None and _words_between(gap, 0, of.start()) > 2:
        return False  # "14 ألف شخص. وتتسلل الجماعة من قواعدها": من is "from", far from the amount
    word = text[noun[0]:noun[1]]
    if word.startswith("و"):
        return False  # a second conjunct: "10 مدنيين وجندي"
    if word[:1] in "بلك" and not word.startswith("ال"):
        return False  # a preposition: "14 جثة لمقاتلين" counts bodies
    # an Arabic count takes an indefinite noun ("8 جنود") or من + a definite one ("ألف من المرتزقة");
    # a definite one further on is another phrase ("ثمانية أعمدة ... نصب الجندي")
    if _DEFINITE.match(word) and not _OF.search(text, max(q.start, q.end - 4), noun[0]):  # (or the amount's own
        # من: "عدد من العناصر")
        return False
    return True


# How a claim's noun was found: the value of its row's `rule` column.
NOUN_AFTER = row_rule("forces.noun_after", "The amount, then the force noun it counts within the clause ("
                      "\"2,000 fighters\", \"نحو 600 عسكري تركي\", \"ألف من المرتزقة\").")
STRONG_FORCE = row_rule("forces.strong_force", "A force named by its strength: \"a 2,000-strong Turkish force\".")
DEMONYM_JOINED = row_rule("forces.demonym_joined", "A demonym counted, then joining an armed group named right "
                          "after it: \"700 بريطاني وبريطانية التحقوا بداعش\", \"500 Britons have joined ISIS\".")
DEMONYM_FIGHTING = row_rule("forces.demonym_fighting", "A demonym counted, then fighting: \"18,000 Syrians to fight "
                            "in Libya\", \"11,000 Sudanese ... are fighting\".")
NOUN_BEFORE = row_rule("forces.noun_before", "The force noun, then its amount in the same clause, or after an "
                       "estimate: \"fighters, whose number the UN panel put at 11,000\", \"المرتزقة الذين يقدر عددهم "
                       "بنحو ألفين\".")
NUMBER_OF = row_rule("forces.number_of", "The number of a force has reached an amount: \"the number of Syrian "
                     "mercenaries ... has reached 18,000\", \"بلغ عدد المرتزقة ... 18 ألفا\".")
LISTED_FROM = row_rule("forces.listed_from", "An amount listed without its noun takes the claim's before: "
                       "\"500 Syrian fighters, and a thousand from Chad\".")
BREAKDOWN = row_rule("forces.breakdown", "A breakdown of the claim before by demonym: \"about 20,000 fighters, "
                     "including 11,000 Sudanese and some 7,000 Syrians\".")
SUBSET = row_rule("forces.subset", "A part of the claim before, named by what they are: \"about 16,000 mercenaries, "
                  "including 340 children\", \"481 مقاتلا، بينهم 34 طفلا\".")
OF_THEM = row_rule("forces.of_them", "An amount of them (منهم، of them) with no noun of its own counts a part of "
                   "the force counted before, in its sentence or the one before, and takes its origin: \"انسحب 5 آلاف "
                   "مرتزق، وبقي نحو 1500 منهم\", \"عاد منهم إلى سوريا نحو 2600\", \"1,500 of them stayed\".")
ANAPHORIC = row_rule("forces.anaphoric", "An amount with no noun that restates a force of the sentence before: "
                     "\"... 20,000 foreign fighters in Libya. But diplomats said there were more than 20,000\".")
STATEMENT_SOURCE = row_rule("forces.statement_source", "A figure with no source of its own takes the speaker of the "
                            "quotation or reported statement it stands in (joined to the noun's rule with +).")


_SUBSET_BEFORE = regex.compile(r"(?<![\p{L}])(?:including|among\s+(?:them|whom)|of\s+whom|بينهم|منهم)\s+$",
                               regex.IGNORECASE)
_A_WORD = regex.compile(r"\s+(\p{L}+)")


def _subset(text: str, q, lo: int):
    """The word a subset amount counts ("including 340 children": children), or None."""
    if _SUBSET_BEFORE.search(text, max(lo, q.start - 20), q.start) is None:
        return None
    return _A_WORD.match(text, q.end)


@rule("forces.part_of_claim")
def _part_of_claim(text: str, q, lo: int, prev_claim) -> bool:
    """An amount after "including", بينهم, من بينهم, with its own force noun, counts a part of the claim
    before it in the sentence, and is as foreign as it: "أعدم 13 عنصرا من داعش، من بينهم خمسة قادة"."""
    return prev_claim is not None and _SUBSET_BEFORE.search(text, max(lo, q.start - 20), q.start) is not None


_THERE_WERE = regex.compile(
    r"(?<![\p{L}])(?:there\s+(?:are|were|is|was)|numbered|number|totall?ed|reached|هناك|بلغ|يبلغ|بلغت|يبلغون)\s+$",
    regex.IGNORECASE)
_NOTHING_COUNTED = regex.compile(r"\s*(?:[,،.;:]|$)")


@rule("forces.restated_amount")
def _anaphoric(text: str, q, lo: int, s_end: int) -> bool:
    """An amount with no noun after "there were", "reached", هناك ..., then a comma or the sentence's
    end, restates the force the sentence before counted ("... at least 20,000 foreign fighters. But
    diplomats said there were more than 20,000, including 13,000 Syrians")."""
    return _THERE_WERE.search(text, max(lo, q.start - 20), q.start) is not None \
        and _NOTHING_COUNTED.match(text, q.end, s_end) is not None


_FAMILY = {"fighters": "mercenaries"}  # (fighters and mercenaries are one force in an article's retelling)
SAME_FORCE_REACH = 3  # sentences back to a claim that named the force's origin, at most


@rule("forces.origin_from_before")
def _same_force(earlier, si: int, sentence: str) -> bool:
    """A figure with no origin of its own, a few sentences after one of the same force that named
    it, and in a sentence that does not speak of foreign forces in general, is of the same force:
    "A new batch of 1,750 Syrian mercenaries has arrived ... The Observatory confirmed the arrival
    of 1,750 mercenaries" (Syrian)."""
    return si - earlier[1] <= SAME_FORCE_REACH and _FOREIGN.search(sentence) is None


def _figure_key(claim):
    """(force family, low, high) of a claim, open bounds as None."""
    return (_FAMILY.get(claim["force_type"], claim["force_type"]),
            *(None if v != v else v for v in (claim["low"], claim["high"])))


@rule("forces.same_figure")
def _restated(claim) -> bool:
    """The same figure of the same force elsewhere in the article is the same claim: a headline's
    "1,750 of Erdogan's mercenaries got to Libya" is the body's "1,750 Syrian mercenaries" (not in a
    sentence about foreign forces in general)."""
    return _FOREIGN.search(claim["sentence"]) is None


@rule("forces.noun_not_counted")
def _not_counted(text: str, q, noun) -> bool:
    """The force noun after an amount is not what it counts: a preposition other than of/من between
    them, a second conjunct ("10 مدنيين وجندي"), a definite Arabic noun without من ("ثمانية أعمدة ...
    نصب الجندي"), or what follows من is another noun ("ثلاثة من رواد الفضاء من قاعدة")."""
    return not _counts(text, q, noun)


@rule("forces.counts_another_word")
def _counts_another_word(counted, people, persons: bool) -> bool:
    """The amount counts the word right after it, which is no force noun: "دمرت القوات 16 آلية", "من
    عشرات الدول" (a demonym is the exception: "18,000 Syrians to fight"; and a word for persons,
    ``persons``: :func:`_persons_word`)."""
    return counted is not None and counted.end() - 1 not in people and not persons


@rule("forces.persons_counted")
def _persons_word(counted) -> bool:
    """A word for persons after an amount counts the force its sentence named: "بلغ إجمالي المرتزقة
    الذين قتلوا 496 شخصا", "the number of mercenaries killed reached 496 persons"."""
    word = _LETTER_RUN.match(counted.string, counted.end() - 1)
    return word is not None and word.group().lower() in _COUNTED_PERSONS


@rule("forces.demonym_describes")
def _demonym_describes(text: str, at: int) -> bool:
    """A counted demonym describes the word after it, which is what is counted: "3,000 Syrian
    civilians", "ألف سوري نازح"."""
    return _DEMONYM_THEN_NOUN.match(text, at) is not None


_FOR_WHOM = regex.compile(r"(?<![\p{L}])(?:for|alongside|with|against|of)\s+(?:the\s+)?(?:[\p{L}-]+['’]s?\s+)?$",
                          regex.IGNORECASE)


@rule("forces.noun_serves_another")
def _serves_another(text: str, noun, lo: int) -> bool:
    """A force noun after for/alongside/of names whom the counted ones serve, not what is counted:
    in "mercenaries fighting for Haftar's forces included 500" the 500 are mercenaries."""
    return _FOR_WHOM.search(text, max(lo, noun[0] - 30), noun[0]) is not None


_COMMA_GAP = regex.compile(r"(?:\s+\p{L}+){0,2}\s*[,،]\s*")  # (and its adjectives: "مرتزقة سوريين، نحو")
_OF_THEM_AFTER = regex.compile(r"\s+(?:of\s+them|منهم)(?![\p{L}])", regex.IGNORECASE)


@rule("forces.some_of_them")
def _of_them(text: str, noun, q) -> bool:
    """A noun, a comma, then an amount "of them" counts the noun: "Turkey began sending Syrian
    fighters, some 5,000 of them, to Libya"."""
    return _COMMA_GAP.fullmatch(text, noun[1], q.start) is not None and _OF_THEM_AFTER.match(text, q.end) is not None


def _nearest_noun(text, nouns, q, lo, hi, people=frozenset(), s_end=None, groups=frozenset()):
    """Force noun for amount ``q``: the first after it within the clause, else the last before, as
    ``(start, end, force type, row rule)``; None if there is none.

    ``people``: where demonyms start ("several thousand Syrians" counts Syrians, so the
    force noun before it still applies); ``groups``: where foreign armed groups are named."""
    after = [n for n in nouns if q.end <= n[0] < hi and not _BREAK.search(text, q.end, n[0])
             and _words_between(text, q.end, n[0]) <= NOUN_WINDOW
             and (not n[2].startswith(_ADJACENT) or not text[q.end:n[0]].strip())]
    if after:
        if after[0][2].startswith(_ADJACENT):  # (the singular عسكري: troops; مسلح: fighters)
            return (after[0][0], after[0][1], after[0][2][len(_ADJACENT):], NOUN_AFTER)
        return None if _not_counted(text, q, after[0]) else (*after[0], NOUN_AFTER)
    strong = _STRONG_FORCE.match(text, q.end, hi)
    if strong is not None:  # "a 2,000-strong Turkish force"
        return (strong.start(1), strong.end(1), "troops", STRONG_FORCE)
    counted = _COUNTED_WORD.match(text, q.end)
    persons = counted is not None and _persons_word(counted)
    if _counts_another_word(counted, people, persons):
        return None
    if counted is not None and not persons:
        # a demonym counted, then fighting: "18,000 Syrians to fight in Libya", "11,000 Sudanese ... are fighting"
        fight = _DEMONYM_FIGHTING.match(text, counted.end() - 1, s_end or len(text))
        if fight is not None:
            return (counted.end() - 1, fight.start(1), "fighters", DEMONYM_FIGHTING)  # (the span: the demonym)
        joined = _DEMONYM_JOINED.match(text, counted.end() - 1, s_end or len(text))
        if joined is not None and joined.end() in groups:  # "700 بريطاني التحقوا بداعش"
            return (counted.end() - 1, _LETTER_RUN.match(text, counted.end() - 1).end(), "fighters", DEMONYM_JOINED)
        if _demonym_describes(text, counted.end() - 1):
            return None
    nouns = [n for n in nouns if not n[2].startswith(_ADJACENT)]
    # (an estimate may name who made it: "fighters, whose number the UN panel of experts put at 11,000")
    before = [n for n in nouns if lo <= n[0] and n[1] <= q.start
              and ((not _BREAK.search(text, n[1], q.start) and _words_between(text, n[1], q.start) <= NOUN_WINDOW)
                   or _ESTIMATE_GAP.fullmatch(text, n[1], q.start) or _of_them(text, n, q))]
    if len(before) > 1 and _serves_another(text, before[-1], lo):
        before = before[:-1]
    if before and persons:
        # (persons counted stand for a force only where it is what is counted: "بلغ عددهم 700 شخص", not any force
        # named before: "حصيلة قتلى الاشتباكات بين مقاتلي المدينة وتنظيم داعش إلى 20 شخصا")
        before = [n for n in before if _of_them(text, n, q) or any(
            g.end() == q.start for g in _ESTIMATE_GAP.finditer(text, n[1], q.start))]
    if before:
        return (*before[-1], NOUN_BEFORE)
    # "the number of Syrian mercenaries sent to Libya by Turkey has reached 18,000",
    # "بلغ عدد المرتزقة السوريين الذين أرسلتهم تركيا إلى ليبيا 18 ألفا"
    numbered = [n for n in nouns if lo <= n[0] and n[1] <= q.start and not _BREAK.search(text, n[1], q.start)
                and _NUMBER_OF.search(text, max(lo, n[0] - 40), n[0])
                and _words_between(text, n[1], q.start) <= 15
                and (_REACHED.search(text, max(lo, q.start - 25), q.start)
                     or _AR_REACHED_FIRST.search(text, max(lo, n[0] - 40), n[0]))]
    return (*numbered[-1], NUMBER_OF) if numbered else None


# Where a source named after a cue must stand: before the clause goes on to what is reported
# ("أكد المرصد السوري أن ... تركيا": the source is the Observatory, not Turkey).
_CLAUSE_END = regex.compile(
    r"[،;:«»\"()؛]|,(?!\d)|(?<![\p{L}])(?:أن|إن|بأن|أنه|إنه|أنها|إنها|that)(?![\p{L}])", regex.IGNORECASE)


_POSSESSIVE_OF = regex.compile(r"(?:\s+[\p{L}.-]+){0,2}'s?\s+(?:[\p{L}.-]+\s+){0,2}", regex.IGNORECASE)
_IN_REPORT = regex.compile(r"(?<![\p{L}])(?:في|عبر|خلال|in)\s+$", regex.IGNORECASE)
# who saw a report or was told is not the source: "a UN report seen by Reuters", "قال شهود عيان في اتصال مع
# «الشرق الأوسط»", "وأشارت مصادر لـ«الشرق الأوسط»", "in an interview with the BBC", "speaking to CNN"
_CONDUIT_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:(?:seen|obtained|reviewed|viewed)\s+by(?:\s+the)?|(?:اطلعت|اطلع|حصلت|حصل)\s+عليها?"
    r"|(?:في\s+)?(?:اتصال|حديث|تصريحات?|مقابلة)\s+(?:هاتفي\s+|خاصة?\s+)?(?:مع|ل)|لـ"
    r"|(?:in\s+an?\s+interview\s+with|speaking\s+to|told)(?:\s+the)?)\s*$",
    regex.IGNORECASE)
_PEOPLE_KINDS = ("mercenaries", "troops", "fighters", "trainers")
# A figure of the dead, wounded or captured counts losses, not a force's strength: "مقتل 17 جنديا تركيا",
# "killing at least 17 Turkish soldiers", "17 Turkish soldiers were killed", "اثنين من جنوده قتلوا"
# a demonym, then a word it describes (not a verb or a particle after a people counted: "Syrians who")
_DEMONYM_THEN_NOUN = regex.compile(
    r"\p{L}+\s+(?!(?:and|or|are|were|who|have|has|had|in|from|to|at|on|of|as|with|now|also|all|each"
    r"|و|في|من|إلى|على|عن|مع|كانوا|هم)(?!\p{L}))\p{L}", regex.IGNORECASE)
_COUNTED_DEMONYM = regex.compile(r"\s*(?:من\s+)?(\p{L}+)(?!\s+(?:forces|troops|soldiers|fighters|mercenar))",
                                 regex.IGNORECASE)
_EXCEEDS = regex.compile(r"(?<![\p{L}])(?:exceeds?|exceeded|exceeding|topped|tops|(?:و|ف)?(?:تجاوز|يتجاوز|تتجاوز|يفوق|تفوق|فاق))"
                         r"(?:\s+(?:عتبة|حاجز|the))?\s+$", regex.IGNORECASE)
_FROM_NEXT = regex.compile(r"\s*(?:each\s+)?(?:from|من)\s+(?:the\s+)?", regex.IGNORECASE)
_NAME_WORD = regex.compile(r"[A-Z][\p{L}-]*\s+(?:of\s+(?:the\s+)?)?")


def _names_an_actor(text: str, pos: int, hi: int, mention_starts) -> bool:
    """Whether an actor is named at ``pos``, or after up to three capitalised words of a name that
    holds it ("600 from the Gathering of Sudan Liberation Forces")."""
    for _ in range(4):
        if pos in mention_starts:
            return True
        word = _NAME_WORD.match(text, pos, hi)
        if word is None:
            return False
        pos = word.end()
    return False
_AND_NEXT = regex.compile(r"\s*(?:,\s*)?(?:and|as\s+well\s+as|و)\s*", regex.IGNORECASE)  # the next count of a list
_BY_AGENT = regex.compile(r"(?:\s+at\s+[\d,.]+(?:\s+\p{L}+)?)?\s+by\s", regex.IGNORECASE)
# "عنصر من الجيش الليبي", "members of the Libyan army": whose men they are
_OF_ARMY = regex.compile(r"\s+(?:من|of)\s+(?:the\s+)?(?:(?:ال)?(?:جيش|قوات)\s*|army\s+|forces\s+)?", regex.IGNORECASE)
_OF_DEMONYM = regex.compile(r"\s+of\s+(?:the\s+)?", regex.IGNORECASE)


_TANWEEN_ALIF = regex.compile(r"(?:ا\p{M}*|\p{M}+ا)$")  # "مرتزقا", "مرتزقًا", "مرتزقاً"


@rule("forces.accusative_nisba")
def _accusative_nisba(text: str, noun, m, actors) -> bool:
    """A state's name right after an indefinite accusative force noun is its nisba, not the state:
    "14 مرتزقا سوريا" (Syrian), "300 جنديا تركيا" (Turkish) — the accusative nisba is written as the
    state's name."""
    return (m.start - noun[1] == 1 and text[noun[1]] == " " and actors[m.actor_id].kind == "state"
            and m.alias_type == "name" and _TANWEEN_ALIF.search(text, noun[0], noun[1]) is not None
            and regex.sub(r"\p{M}", "", m.surface).endswith("يا"))


def _accusative_nisbas(text: str, nouns, mentions, actors) -> list:
    """``mentions`` with the state names that are an accusative force noun's nisba made nisbas."""
    ends = [n for n in nouns if n[1] < len(text) and text[n[1]] == " "]
    if not ends:
        return mentions
    by_start = {n[1] + 1: n for n in ends}
    return [dataclasses.replace(m, alias_type="nisba") if m.start in by_start
            and _accusative_nisba(text, by_start[m.start], m, actors) else m for m in mentions]


def _on_the_noun(text: str, noun, mentions) -> list:
    """The demonyms that describe the force noun: the one beside it and those listed with it."""
    dem = sorted((m for m in mentions if m.alias_type in ("demonym", "nisba")), key=lambda m: m.start)
    chain = [m for m in dem if 0 <= m.start - noun[1] <= 1 or 0 <= noun[0] - m.end <= 1
             or _OF_DEMONYM.fullmatch(text, noun[1], m.start)]  # ("members of Syrian factions")
    if not chain:
        return []
    for m in dem:  # outwards from the noun over "and", commas and و
        if m in chain:
            continue
        if any((m.end <= c.start and _LIST_SEP.fullmatch(text, m.end, c.start))
               or (c.end <= m.start and _LIST_SEP.fullmatch(text, c.end, m.start)) for c in chain):
            chain.append(m)
    return sorted(chain, key=lambda m: m.start)


def _beside(text: str, noun, m) -> bool:
    """Whether mention ``m`` stands right beside the force noun, or names whose men they are ("of the army")."""
    return 0 <= m.start - noun[1] <= 1 or 0 <= noun[0] - m.end <= 1 or _OF_ARMY.fullmatch(text, noun[1], m.start) is not None


_OF_THEM = regex.compile(r"\s+(?:من\s+|of\s+(?:them\s+|whom\s+)?(?:were\s+|are\s+)?(?:the\s+)?)", regex.IGNORECASE)
# an appositive's closing comma, or a parenthesis, between a source and "said": "The envoy, Stephanie
# Williams, said", "the Joint Military Commission (5+5) said"
_APPOSITIVE_END = regex.compile(r"\s*(?:\([^()]{0,30}\)\s*)?[,،]?\s*(?:(?:which|who|that|الذي|التي)\s+)?",
                                regex.IGNORECASE)  # (and its relative: "the report (S/2021/62), which estimates")
_PLACE_BEFORE = regex.compile(r"(?<![\p{L}])(?:في|in|inside|داخل|إلى|الى|to|into)\s+$", regex.IGNORECASE)


_TO_OUTLET = regex.compile(r"لـ?\s*[«\"“]")  # (the ل of "لـ«الشرق الأوسط»" held in the mention)


@rule("forces.told_not_source")
def _conduit(text, m, s_start: int) -> bool:
    """Who saw a report or was told is not its source: "a UN report seen by Reuters said", "قال شهود
    عيان في اتصال مع «الشرق الأوسط»", "وأشارت مصادر لـ«الشرق الأوسط»", "speaking to the BBC"."""
    return _TO_OUTLET.match(m.surface) is not None or _CONDUIT_BEFORE.search(text, max(s_start, m.start - 30), m.start) is not None




@rule("forces.from_state_not_source")
def _from_state(text: str, m, actors) -> bool:
    """A state named after "from" is where someone comes from, not who states a figure: "يقدر بنحو ألفي
    عنصر غالبيتهم من روسيا وشرق أوكرانيا"."""
    return actors[m.actor_id].kind == "state" and _FROM_BEFORE.search(text, max(0, m.start - 12), m.start) is not None


def _sources(text, s_start, s_end, mentions, actors, named_before=None):
    """Who could give the figures of a sentence: (start, end, value, is_actor), in text order
    (``mentions``: those of the sentence; ``named_before(kind, pos)``: the actor of that kind the
    article named last before ``pos``, or None)."""
    sources = []
    for m in mentions:
        # a state speaks through its name or capital, not through a demonym ("Russian forces"),
        # nor where it is a place ("في ليبيا", "in Libya")
        if _conduit(text, m, s_start) or _seat(text, m) or _from_state(text, m, actors):
            continue
        if s_start <= m.start < s_end and (actors[m.actor_id].kind != "state" or (
                m.alias_type not in ("demonym", "nisba")
                and not _PLACE_BEFORE.search(text, max(s_start, m.start - 8), m.start))):
            sources.append((m.start, m.end, m.actor_id, True))
    named = [(m.start, m.end) for m in mentions if s_start <= m.start < s_end]
    for sm in _SOURCE_RE.finditer(text, s_start, s_end):
        if any(a < sm.end() and sm.start() < b for a, b in named):
            continue  # a word of an actor's name ("the Joint Military Commission"), not a source of its own
        label = unnamed_label(sm)
        if named_before is not None and (actor := _named_by_kind(label, sm.start(), named_before)) is not None:
            sources.append((sm.start(), sm.end(), actor, True))
            continue
        sources.append((sm.start(), sm.end(), label, False))
    return sorted(sources)


@rule("forces.source_named_before")
def _named_by_kind(label: str, pos: int, named_before):
    """A source named by what it is refers back to the last actor of that kind the article named:
    "the Observatory", "ووثق المرصد" after "the Syrian Observatory for Human Rights" (label and kind
    ``monitor``)."""
    return named_before(label, pos)


_QUOTE_CLOSE = regex.compile(r"[\"”»']\s*")


@rule("forces.quoted_name")
def _quoted_name(text, source, cue_start: int) -> bool:
    """A name in quotation marks is no quotation: "The British newspaper "The Guardian" indicated"
    (the source fills the quotes, from the opening mark to the closing one before the verb)."""
    return source[0] > 0 and text[source[0] - 1] in "\"“«'" and _QUOTE_CLOSE.fullmatch(text, source[1], cue_start) is not None


_OWNER_OF = regex.compile(r"['’]s?\s+(?:[\p{L}-]+\s+)?")  # "the panel's report", "the experts' latest report"


@rule("forces.report_owner")
def _owner(text, pick, sources):
    """An unnamed source owned by another is that other's: "the UN panel of experts' report has
    disclosed" is the experts', "Amnesty's latest report" Amnesty's."""
    owners = [s for s in sources if s[1] <= pick[0] and _OWNER_OF.fullmatch(text, s[1], pick[0])]
    return owners[-1] if owners else None


_SEAT_CLAUSE = regex.compile(r"\s*[,،]\s*([^,،;؛.]{3,50})[,،]\s*")


@rule("forces.seat_clause")
def _seat_between(text: str, a: int, b: int) -> bool:
    """Where a source sits, between commas, parts it from its verb no more than an appositive does:
    "The Syrian Observatory, which is based in London, said", "المرصد، ومقره بريطانيا، قال"."""
    m = _SEAT_CLAUSE.fullmatch(text, a, b)
    return m is not None and opens_seat(text, m.start(1))


_RELAYED = frozenset(v.form for v in reporting_verb_table() if v.speaker == "relayed")
_FROM_AFTER = regex.compile(r"(?:\s+\S+){0,4}?\s+عن(?!\p{L})")


@rule("forces.transfer_not_relay")
def _transfer_not_relay(text: str, cue) -> bool:
    """نقل relays a statement only with عن after its subject ("نقلت الوكالة عن الوزير"); without it
    it is the transfer of men ("قامت بنقل 8 آلاف مقاتل", "«نقل مقاتلين من سوريا»")."""
    word = cue.group()
    stem = word[1:] if word[:1] in "وف" and word[1:] in _RELAYED else word
    return stem in _RELAYED and _FROM_AFTER.match(text, cue.end()) is None


_SPACE_ONLY = regex.compile(r"[ \t]+")


@rule("forces.subject_before_verb")
def _subject_before_verb(text: str, cue, sources):
    """A named source right before an Arabic reporting verb, nothing but a space between, is its
    subject (a headline's or an Egyptian outlet's word order): "المرصد السوري لحقوق الإنسان يعلن
    مقتل 304 ..." — not a place far on in a run-on sentence ("... نقل مقاتلين من سوريا")."""
    named = [s for s in sources if s[3] and s[1] <= cue.start() and _SPACE_ONLY.fullmatch(text, s[1], cue.start())]
    return named[-1] if named else None


def _cue_source(text, cue, sources, actors):
    """The source a reporting cue names, or '': for "according to"/قال the first one after it
    in the same clause, for "said" the last one before it (else the first after: "said Akar")."""
    def after():
        found = [s for s in sources if s[0] >= cue.end() and not _CLAUSE_END.search(text, cue.end(), s[0])]
        # "according to the U.S. military's Africa Command": the owner is not the source, what it owns is
        while len(found) > 1 and found[1][3] and _POSSESSIVE_OF.fullmatch(text, found[0][1], found[1][0]):
            found = found[1:]
        return found

    def before():
        # (an appositive's closing comma is no break: "The envoy, Stephanie Williams, said")
        return [s for s in sources if s[1] <= cue.start() and (
            not _BREAK.search(text, s[1], cue.start()) or _APPOSITIVE_END.fullmatch(text, s[1], cue.start())
            or _quoted_name(text, s, cue.start()) or _seat_between(text, s[1], cue.start()))]

    if _THEIR_NUMBER.match(text, cue.end(), cue.end() + 8):
        return ""  # "يقدر عددهم": it is estimated, by nobody named
    if cue.group("after"):
        cands = after()
        pick = cands[0] if cands else (before() or [None])[-1]  # (a subject before its verb: "وكان المرصد، وثق أن")
        if (subject := _subject_before_verb(text, cue, sources)) is not None:
            return subject[2]
        if pick is not None and cands and not pick[3] and _IN_REPORT.search(text, max(0, pick[0] - 6), pick[0]):
            # "وكان المرصد السوري قد أشار في تقرير إلى": the report is where the subject said it; with
            # no subject named ("وأوضح ممثلو اللجنة في بيان"), no one the tables know
            pick = next((s for s in reversed(before()) if s[3]), None)
        # a person named in the cue's clause is the source, whatever else describes them first
        # ("قالت المبعوثة الأممية بالإنابة إلى ليبيا ستيفاني ويليامز إن ...")
        person = [s for s in cands if s[3] and actors[s[2]].kind == "person"]
        pick = person[0] if person else pick
    else:
        cands = before()
        # (the first after it only where English inverts: "said Akar"; "analysts estimate Turkey has
        # 500 troops" names no source)
        inverted = cue.group().lower() in ("said", "says", "stated", "announced", "reported") or bool(
            _BY_AGENT.match(text, cue.end()))  # "estimated by UN experts", "estimated at 3,000 by"
        pick = cands[-1] if cands else ((after() if inverted else None) or [None])[0]
    if pick is not None and not pick[3]:
        pick = _owner(text, pick, sources) or pick
    if pick is None:
        return ""
    if not pick[3]:  # an unnamed source: "UN experts", "المتحدث باسم الجيش الوطني"
        # named right after it ("المتحدث باسم قوات الوفاق محمد قنونو"): that person
        named = [s for s in sources if s[3] and actors[s[2]].kind == "person" and 0 <= s[0] - pick[1] <= 40
                 and not _CLAUSE_END.search(text, pick[1], s[0])]
        if named:
            return named[0][2]
        # an actor right after it names whose it is ("UN experts", "خبراء الأمم المتحدة"), not over
        # a clause end or the cue itself ("Military sources have told the Libya Observer")
        near = [s for s in sources if s[3] and ((0 <= s[0] - pick[1] <= 25 and not _CLAUSE_END.search(text, pick[1], s[0])
                                                 and not pick[1] <= cue.start() < s[0])
                                                or 0 <= pick[0] - s[1] <= 3)]
        near = [s for s in near if actors[s[2]].kind != "person"]
        if near:
            return min(near, key=lambda s: abs(s[0] - pick[0]))[2]
    return pick[2]


class _Colon:
    """A headline's colon as a reporting cue: its source before it ("The Guardian: Hundreds of ..."),
    or after it (after=True: "... are fighting in Libya: monitor")."""

    def __init__(self, pos: int, after: bool):
        self.pos, self.after = pos, after

    def start(self):
        return self.pos

    def end(self):
        return self.pos + 1

    def group(self, name=None):
        return ":" if name is None or (name == "after" and self.after) else None


# A headline's source: a short phrase and a colon at the start of the sentence, or a colon and a short
# phrase at its end; a phrase of no more than five words, with no digit and no reporting verb of its own.
_LEAD_COLON = regex.compile(r"\s*(?:[^\W\d_]+[\s'’.-]*){1,5}:\s")
_TRAIL_COLON = regex.compile(r":\s*(?:[^\W\d_]+[\s'’.-]*){1,5}$")


def _headline_cues(text, s_start, s_end, sources, actors, cues):
    """The colon of a headline that names its source, as a cue (see :func:`_headline_source`)."""
    trail = _TRAIL_COLON.search(text, s_start, s_end)
    if trail is not None and not any(trail.start() < c.start() for c in cues):
        return [(_Colon(trail.start(), True), sources)]
    lead = _LEAD_COLON.match(text, s_start, s_end)
    if lead is not None and not any(c.start() < lead.end() for c in cues):
        # (not a state: "Libya: Turkey sends troops" is where, not who says so)
        return [(_Colon(lead.end() - 2, False),
                 [s for s in sources if not s[3] or actors[s[2]].kind != "state"])]
    return []


@rule("forces.headline_source")
def _headline_source(text, colon, sources, actors) -> str:
    """A headline names the source of its figure before a colon ("The Guardian: Hundreds of Sudanese
    mercenaries ...", "المرصد السوري: ...") or after its last colon ("... are fighting in Libya:
    monitor")."""
    return _cue_source(text, colon, sources, actors)


_PRONOUN_BEFORE = regex.compile(r"(?<![\p{L}])(?:he|she|they)\s+(?:also\s+)?$", regex.IGNORECASE)
_NO_SUBJECT_AFTER = regex.compile(r"\s*[:«\"“]|\s+(?:إن|أن|بأن)(?![\p{L}])")
PRONOUN_REACH = 600  # characters back to the person a pronoun subject stands for, at most


@rule("forces.pronoun_speaker")
def _pronoun_speaker(text, cue, persons, ends) -> str:
    """A reporting verb whose subject is a pronoun ("وتابعت: «...»", "وقالت إن", "she added that")
    has the person last named before it as its source, within a few sentences."""
    if cue.group("after"):
        if _NO_SUBJECT_AFTER.match(text, cue.end()) is None:
            return ""
    elif _PRONOUN_BEFORE.search(text, max(0, cue.start() - 12), cue.start()) is None:
        return ""
    i = bisect_right(ends, cue.start())
    return persons[i - 1].actor_id if i and cue.start() - ends[i - 1] <= PRONOUN_REACH else ""


def _attributions(text, s_start, s_end, mentions, actors, persons=((), ()), named_before=None):
    """[(cue start, cue end, source)] for the reporting cues of a sentence (``mentions``: the
    sentence's own, so that the cost is the sentence's, not the article's; ``persons``: the people
    named in the text and where their names end, for a pronoun subject)."""
    cues = [c for c in _CUES.finditer(text, s_start, s_end) if not _transfer_not_relay(text, c)]
    colon = ":" in text[s_start:s_end]
    if not cues and not colon:
        return []
    sources = _sources(text, s_start, s_end, mentions, actors, named_before)
    out = []
    if colon:
        for c, srcs in _headline_cues(text, s_start, s_end, sources, actors, cues):
            if source := _headline_source(text, c, srcs, actors):
                out.append((c.start(), c.end(), source))
    for c in cues:
        source = _cue_source(text, c, sources, actors)
        if not source and out and c.group().lower() in _PARTICIPLE_FORMS:
            source = out[-1][2]  # ", revealing that ...": the speaker before goes on
        if not source and persons[0]:
            source = _pronoun_speaker(text, c, *persons)
        out.append((c.start(), c.end(), source))
    return sorted(out)


def _attribution_of(cues, start, end) -> str:
    """The source of the claim at text[start:end]: that of the nearest reporting cue, else of the
    nearest one before it that names one ("أعلن ممثلو اللجنة ... إخراج 300 فرد ... وفق لبيان": the
    statement names no one, the committee does)."""
    if not cues:
        return ""
    nearest = min(cues, key=lambda c: (max(c[0] - end, start - c[1], 0), c[0]))
    if nearest[2]:
        return nearest[2]
    named = [c for c in cues if c[2] and c[1] <= start]  # (a cue before the claim, its main verb)
    return max(named)[2] if named else ""




def _listed_after(text: str, mentions, pos: int):
    """The mentions after ``pos`` that belong to the claim: up to a clause break, except the
    commas of a list ("from Syria, Sudan and Chad"); not "..., is backed by the UAE"."""
    out = []
    for m in mentions:
        gap_start = out[-1].end if out else pos
        gap_end = m.start
        # (quotation marks around a name are no break: "من فصائل «السلطان مراد» و«فرقة الحمزة»")
        if out and text.startswith(_NAME_CLOSE, gap_start):
            gap_start += 1
        if gap_end > gap_start and text[gap_end - 1] in _NAME_OPEN:
            gap_end -= 1
        if _BREAK.search(text, gap_start, gap_end) and not (out and _LIST_SEP.fullmatch(text, gap_start, gap_end)) \
                and not (not out and _composition(text, gap_start, gap_end)):
            break
        out.append(m)
    return out


@rule("forces.composition_after_comma")
def _composition(text: str, a: int, b: int) -> bool:
    """Who a force is made of, after a comma, is still its origin: "300 مرتزق، غالبيتهم من سوريا",
    "20 ألف مرتزق ومقاتل أجنبي من جنسيات مختلفة، بينهم سوريون وسودانيون", "300 mercenaries, mostly
    Syrians" (force_cues.csv concept ``composition``)."""
    return _COMPOSITION.fullmatch(text, a, b) is not None


_NAME_OPEN, _NAME_CLOSE = "«\"“", tuple("»\"”")




_BACKED_AFTER = regex.compile(r"-(?:backed|supported|funded|sponsored)(?!\p{L})", regex.IGNORECASE)  # "Turkish-backed"


@rule("forces.backer_not_origin")
def _backer(text: str, m) -> bool:
    """Who backs, sends or pays a force is not where it comes from: "Syrian fighters backed by Turkey",
    "mercenaries sent to Libya by Turkey", "الفصائل الموالية لتركيا", "Turkish-backed" (but a private
    military company that deploys them sends its own men)."""
    if m.actor_id in private_military_companies():
        return False  # a company deploys its own men: "the deployment to Libya by Wagner Group"
    backer = _BACKER_BEFORE.search(text, max(0, m.start - 25), m.start)
    if backer is not None and _belongs(text, backer.start()):
        backer = None
    return bool(backer or _BACKED_AFTER.match(text, m.end) or _served(text, m))


@rule("forces.served_not_origin")
def _served(text: str, m) -> bool:
    """Whom a force is sent to support is no origin: "حولت الشركة 300 مرتزق إلى السودان لمساندة الجيش
    السوداني", "300 mercenaries moved to Sudan in support of the Sudanese army"."""
    return _SERVED.search(text, max(0, m.start - 40), m.start) is not None


def _joined_group(text: str, m, actors) -> bool:
    """Whether ``m`` is an armed group named after a word of belonging or joining and "إلى"/"to"."""
    if actors[m.actor_id].kind != "armed_group" or actors[m.actor_id].libyan:
        return False
    return _JOINED_BEFORE.search(text, max(0, m.start - 40), m.start) is not None


@rule("forces.belonging_not_destination")
def _belongs(text: str, pos: int) -> bool:
    """"إلى"/"to" after a word of belonging or joining names the group they belong to, no destination or
    backer: "700 مقاتل ينتمون إلى حركة العدل والمساواة", "900 جهادي تونسي انضموا إلى داعش", "fighters
    belonging to the Justice and Equality Movement"."""
    return _BELONGING.search(text, max(0, pos - 20), pos) is not None


@rule("forces.seat_not_origin")
def _seat(text: str, m) -> bool:
    """Where a source sits is neither where a force comes from nor who states its figures: "the
    Observatory, which is based in Britain", "the UK-based monitor", "المرصد السوري، ومقره بريطانيا",
    "ومقره العاصمة البريطانية لندن", "الذي يتخذ من لندن مقرا له"."""
    return is_seat(text, m.start, m.end)


_SENT_KINDS = ("mercenaries", "fighters")  # (a state's own troops, advisers or bases are its own: "أرسلت تركيا 35 جنديا")


@rule("forces.elements_of_mercenaries")
def _of_mercenaries(text: str, noun) -> bool:
    """عناصر "of the mercenaries" are mercenaries (and whoever sent them is no origin): "أرسلت أنقرة نحو
    ثلاثة آلاف عنصر من المرتزقة"."""
    return noun[2] == "elements" and _OF_MERCENARIES.match(text, noun[1]) is not None


_OF_MERCENARIES = regex.compile(r"\s+(?:من\s+)?(?:ال)?مرتزق")


@rule("forces.sender_not_origin")
def _sender(text: str, m, lo: int, hi: int, state_starts=()) -> bool:
    """A state that sends, moves or recruits mercenaries or fighters is no origin of theirs, as subject
    of the verb after or before it: "أرسلت تركيا 2000 مرتزق", "جندت المخابرات التركية 900 مرتزق",
    "إرسال الحكومة التركية 450 مرتزقا", "تركيا في الأسابيع الأخيرة نقلت مئات المرتزقة", "Turkey has sent
    2,300 fighters"; they are still foreign (sent from abroad). A state's own troops stay its own."""
    # (the subject follows an Arabic verb: "أرسلت تركيا"; an English one's object is no subject: "sending
    # Syrian fighters"; a force noun between them is what the state describes: "أرسلت تركيا مرتزقة سوريين")
    before = None if m.surface.isascii() else _SENDER_BEFORE.search(text, max(lo, m.start - 40), m.start)
    if before is not None and not _NOUN_RE.search(text, before.start(), m.start):
        return True
    near = _SENDER_AFTER.match(text, m.end, hi)  # ("Syrian mercenaries sent by Turkey": the mercenaries were sent)
    if near is not None and not _NOUN_RE.search(text, m.end, near.end()):
        return True
    if m.alias_type in ("demonym", "nisba"):
        return False  # (the people counted, "المرتزقة السوريين", are no subject far before a verb)
    far = _SENDER_FAR.match(text, m.end, hi)  # (the verb's own subject after it: "... ونقلت تركيا 300")
    return far is not None and not _NOUN_RE.search(text, m.end, far.end()) \
        and not any(far.end() <= s < hi for s in state_starts)


@rule("forces.place_not_origin")
def _place(text: str, m) -> bool:
    """A state named as where a force is or passes through is no origin: "800 عنصر آخر موجودون في تركيا",
    "300 مرتزق ... عبر سوريا", "بتركيا", "800 others in Turkey", "via Sudan"; a nisba or demonym only
    with a place noun: "في مدينة ميلانو الإيطالية", "على الأراضي التركية", "in the Turkish city of"
    ("في الجيش التركي" and "في صفوف داعش", an armed group, say whom they belong to)."""
    if m.alias_type in ("demonym", "nisba"):
        if m.surface.isascii():
            return _PASSES_THROUGH.search(text, max(0, m.start - 12), m.start) is not None \
                and _PLACE_DEMONYM.match(text, m.end) is not None
        return _PLACE_NISBA.search(text, max(0, m.start - 50), m.start) is not None
    if not m.surface.isascii() and m.surface[:1] == "ب" and not m.alias.startswith("ب"):
        return _FORMERLY.search(text, max(0, m.start - 30), m.start) is None  # "المتواجدين بتركيا"
    place = _PASSES_THROUGH.search(text, max(0, m.start - 20), m.start)
    # (where they were before is where they come from: "المرتزقة الذين كانوا سابقين في سوريا")
    return place is not None and _FORMERLY.search(text, max(0, place.start() - 30), place.start()) is None


@rule("forces.outlet_not_origin")
def _outlet(text: str, m) -> bool:
    """The nationality of a news outlet that reports a figure is no origin of the force: "وفقا لموقع
    «الخبر» السعودي", "أوردت صحيفة «النهار»، اللبنانية", "بحسب وكالة الأناضول التركية", "the
    Turkish daily Hurriyet" (not an intelligence agency: "وكالة المخابرات المركزية الأمريكية")."""
    if m.alias_type not in ("demonym", "nisba"):
        return False
    if m.surface.isascii():
        return _OUTLET_AFTER.match(text, m.end) is not None
    outlet = _OUTLET_BEFORE.search(text, max(0, m.start - 50), m.start)
    # (not the force's own nisba after the outlet's clause: "وقالت الصحيفة، إن مئات المرتزقة السودانيين")
    return outlet is not None and _NOUN_RE.search(text, outlet.start(), m.start) is None


def _places(text: str, mentions, m) -> bool:
    """Whether ``m`` is a place (:func:`_place`), or listed right after one: "بمصر وتونس والجزائر"."""
    i = mentions.index(m)
    while True:
        if _place(text, m):
            return True
        if i == 0 or not _LIST_SEP.fullmatch(text, mentions[i - 1].end, m.start):
            return False
        i, m = i - 1, mentions[i - 1]


def _foreign(mentions, actors, source, text):
    """Foreign states and armed groups among ``mentions``; an armed group alone if one is named."""
    ms = [m for m in mentions if actors[m.actor_id].kind in ("state", "armed_group")
          and not actors[m.actor_id].libyan and m.actor_id != source and not _backer(text, m) and not _seat(text, m)
          and not (actors[m.actor_id].kind == "state" and (_places(text, mentions, m) or _outlet(text, m)))]
    groups = [m for m in ms if actors[m.actor_id].kind == "armed_group"]
    return groups or ms


@rule("forces.measure_not_force")
def _measures(text: str, q) -> bool:
    """An amount followed by a unit of time, distance or share measures that: "within three months",
    "خندقا بطول 70 كيلومترا", "60 في المائة"."""
    return _UNIT.match(text, q.end) is not None


def _of_them_kind(ref_claim, nouns, pos: int, quantities=(), s_start: int = 0):
    """The force type "of them" refers to: the claim before's, else the force noun its sentence named
    before it without an amount ("مقاتلو «فاغنر» ... سحب نحو 1500 منهم"), with no other figure
    between, which "of them" would count (not "استجوبت قوات الأمن أكثر من 4500 من الأجانب، ومنعت دخول
    نحو ألف منهم"; a vague "a number of regions" is no such figure); None if neither."""
    if ref_claim is not None:
        return ref_claim["force_type"]
    named = [n for n in nouns if n[1] <= pos and n[2] != _ADJACENT]
    if not named or any(named[-1][1] <= q.start + s_start < pos and q.qualifier != "vague" for q in quantities):
        return None
    return named[-1][2]


@rule("forces.named_by_number")
def _named_by_number(text: str, q, s_start: int) -> bool:
    """A number that names a unit or a text is no amount: "الفرقة 30", "the 444th Brigade",
    "Resolution 2510"."""
    return _NAMED_BY_NUMBER.search(text, max(s_start, q.start - 20), q.start) is not None


@rule("forces.no_head_count")
def _no_head_count(q) -> bool:
    """No head count: a fraction ("2.5 soldiers"), "one" written as a word ("ليس من بينهم عربي واحد"),
    or zero."""
    return q is None or (q.low == 1 and not any(ch.isdigit() for ch in q.surface)) or q.high == 0


@rule("forces.exceeds_more_than")
def _exceeds(text: str, q, lo: int) -> bool:
    """An exact amount after "exceeds", تجاوز, يفوق is a lower bound: "now exceeds 2,000"."""
    return _EXCEEDS.search(text, max(lo, q.start - 25), q.start) is not None


@rule("forces.libyan_force")
def _libyan_force(text: str, q, noun, s_mentions, actors) -> bool:
    """Libyans beside the noun are no foreign force: a Libyan demonym ("1300 جندي ليبي", "1,300 Libyan
    soldiers", "ألفي عنصر من الجيش الليبي"), also when counted by the amount ("بينهم ألف من الليبيين",
    "1,000 of them Libyans"); or a Libyan side's own men ("hundreds of GNA fighters", "17 من مقاتلي
    الوفاق")."""
    of_libyans = _OF_THEM.match(text, q.end)
    return any((_beside(text, noun, m) and (
        (m.actor_id == "LBY" and m.alias_type in ("demonym", "nisba"))
        or (actors[m.actor_id].libyan and actors[m.actor_id].kind != "state")))
        or (m.actor_id == "LBY" and m.alias_type in ("demonym", "nisba")
            and of_libyans is not None and m.start == of_libyans.end()) for m in s_mentions)


@rule("forces.killer_not_origin")
def _killer(text: str, m, killed, s_start: int, actors) -> bool:
    """An armed group that killed or captured them is no origin: "متشددو داعش الذين هاجموا … فقتلوا
    خمسة جنود" (but "قال الجيش التركي إن مسلحين قتلوا اثنين من جنوده": the army speaks before إن)."""
    opened = [c.end() for c in _CLAUSE_OPENER.finditer(text, s_start, killed.start())]
    zone = opened[-1] if opened else s_start
    return zone <= m.start < killed.start() and actors[m.actor_id].kind == "armed_group"


@rule("forces.company_men_mercenaries")
def _company_men(origins) -> bool:
    """A private military company's men are hired, whatever the noun: "1,200 Wagner personnel",
    "عناصر فاغنر"."""
    companies = private_military_companies()
    return any(o in companies for o in origins)


@rule("forces.civilian_contractors")
def _civilian_contractors(text: str, noun, hi: int, armed_origin: bool, sentence: str) -> bool:
    """Contractors are mercenaries when military ("private military contractors"), of an armed group
    ("contractors from the Wagner Group") or in a sentence about fighters or the military; else
    builders."""
    return not _MILITARY_CONTRACTOR.match(text, noun[0], min(noun[1] + 30, hi)) and not armed_origin \
        and not _ARMED_SENTENCE.search(sentence)


@rule("forces.people_not_armed_group")
def _people_not_armed(armed_origin: bool) -> bool:
    """People and individuals are a force only as an armed group's men ("Wagner Group has up to 1,200
    people deployed"); "40 people were killed in the fighting" are not."""
    return not armed_origin


@rule("forces.operatives_not_armed")
def _operatives_not_armed(armed_origin: bool, sentence: str) -> bool:
    """Operatives are a force when of an armed group or in a sentence about fighting ("2,500 Wagner
    operatives"), not "five intelligence operatives" in a sentence about spies."""
    return not armed_origin and not _ARMED_SENTENCE.search(sentence)


@rule("forces.elements_not_armed")
def _elements_not_armed(armed_origin: bool, window: str, group_named: bool = False) -> bool:
    """عناصر are fighters when of an armed group (also one named in their clause, or called terrorist:
    "عدد من العناصر الإرهابية") or beside a force word ("1200 عنصر من فاغنر"); else members of a team,
    or "7 عناصر محددة" (items)."""
    return not armed_origin and not group_named and not _ARMED.search(window) and not _TERRORIST.search(window)


_CLAUSE_BREAK = regex.compile(r"[،;؛.]|,(?!\d)")  # (not quotation marks or brackets: "عناصر «داعش»")


def _in_clause(text: str, noun, m) -> bool:
    """Whether mention ``m`` stands in the clause of ``noun``, a few words from it."""
    a, b = (noun[1], m.start) if noun[1] <= m.start else (m.end, noun[0])
    return a <= b and not _CLAUSE_BREAK.search(text, a, b) and _words_between(text, a, b) <= NOUN_WINDOW


@rule("forces.the_organisation")
def _names_the_group(text: str, noun, group_starts, hi: int) -> bool:
    """"The organisation" (التنظيم) in the clause right after عناصر or leaders names the armed group
    the sentence named before them: "أعدم داعش 13 قياديا بارزا بالتنظيم" (ISIS's own)."""
    if not any(g < noun[0] for g in group_starts):
        return False
    m = _GROUP_ANAPHOR.search(text, noun[1], min(hi, noun[1] + 40))
    return m is not None and not regex.match(r"\p{L}", text[m.end():m.end() + 1]) \
        and not _CLAUSE_BREAK.search(text, noun[1], m.start()) and _words_between(text, noun[1], m.start()) <= 3


@rule("forces.leaders_not_of_group")
def _leaders_not_of_group(part: bool, group_named: bool, window: str) -> bool:
    """Leaders (قادة، قياديين) are an armed group's men only where the group is named in their clause,
    they are called terrorist, or they are a part of the claim before ("من بينهم خمسة قادة"); not
    "عدد من قادة القطاعات الأمنية" at a funeral, nor a movement's civilian leaders."""
    return not part and not group_named and _TERRORIST.search(window) is None


@rule("forces.armed_group_members")
def _armed_group_members(noun, group_named: bool, window: str) -> bool:
    """عناصر of an armed group named in their clause, or called terrorist, are a force of whatever
    origin, though the text names none ("قتلت عدداً من العناصر الإرهابية"; the group that killed or
    executed them is no origin): the members of an armed group that is not a Libyan side's own."""
    return noun[2] in ("elements", "leaders") and (group_named or _TERRORIST.search(window) is not None)


def _force_type(text, noun, q, origins, actors, sentence, window, nouns, lo, hi, group_named=False, part=False):
    """The force type of a claim from its noun and origins, or None when the noun is no force here."""
    force_type = noun[2]
    armed_origin = any(actors[o].kind == "armed_group" for o in origins)
    if force_type in ("troops", "fighters", "elements") and _company_men(origins):
        return "mercenaries"
    if force_type == "contractors":
        return None if _civilian_contractors(text, noun, hi, armed_origin, sentence) else "mercenaries"
    if force_type in ("people", "operatives"):
        if (_people_not_armed(armed_origin) if force_type == "people" else _operatives_not_armed(armed_origin, sentence)):
            return None
        return "mercenaries" if _company_men(origins) else "fighters"
    if force_type == "leaders":
        return None if _leaders_not_of_group(part, group_named, window) else "fighters"
    if force_type == "elements":
        # (English "members": the armed men named in their own phrase, "members of Syrian factions", not
        # "15 Security Council members" in a sentence about fighters)
        english = text[noun[0]:noun[1]].isascii()
        if _elements_not_armed(armed_origin, text[noun[1]:noun[1] + 50] if english else window,
                               group_named and not english):
            return None
        # ... and what "عدد" named before them, where it named what they are: "يقدر عدد المرتزقة
        # الروس بنحو 2000 عنصر" counts mercenaries
        named = [n for n in nouns if lo <= n[0] and n[1] <= q.start and n[2] in _PEOPLE_KINDS
                 and not _BREAK.search(text, n[1], q.start)
                 and _NUMBER_OF.search(text, max(lo, n[0] - 40), n[0])]
        return named[-1][2] if named else "mercenaries" if _of_mercenaries(text, noun) else "fighters"
    return force_type


@rule("forces.not_foreign")
def _not_foreign(origins, force_type: str, window: str) -> bool:
    """A claim with no foreign origin, not about mercenaries, in a clause that does not say foreign
    ("foreign", أجانب, خارجية) or mercenaries is not about foreign forces ("fighters in the ranks of
    the mercenaries" are)."""
    return not origins and force_type != "mercenaries" and not _FOREIGN.search(window) \
        and not _MERCENARY.search(window)


@rule("forces.trainers_not_military")
def _not_military(force_type: str, sentence: str) -> bool:
    """Trainers and advisers count only in a sentence about the military: not the coaches of a
    football club or the advisers of a ministry."""
    return force_type == "trainers" and not _MILITARY.search(sentence)


@rule("forces.casualty_count")
def _casualties(text: str, start: int, end: int, s_start: int, s_end: int) -> bool:
    """A figure of the dead, wounded or captured counts losses, not strength: "مقتل 17 جنديا تركيا",
    "killing at least 17 Turkish soldiers", "17 Turkish soldiers were killed"."""
    return bool(_CASUALTY_BEFORE.search(text, max(s_start, start - 40), start) or _CASUALTY_AFTER.match(text, end, s_end))


# a mark may tell a word from a number: ألّف "formed" is not ألف "thousand"
_NOT_A_NUMBER = regex.compile("أل\u0651ف|ال\u0651ف")


@mark_free(rewrite("amount", within="surface"), keep_row=lambda r: not _NOT_A_NUMBER.search(r["amount"]))
def claims_in(doc) -> list[dict]:
    """Force claims in one :class:`~libyakit.document.Document` or text (the rows of
    :func:`extract_forces` without ``article_id``).
    """
    _vocabulary()
    actors = actor_info()
    text, mentions, sentences = doc.text, doc.mentions, doc.sentences
    starts = [m.start for m in mentions]  # mentions come sorted by start
    persons = None
    rows = []
    hits = _stem_hits(text)
    if hits == []:
        return rows
    last_claim, last_sentence = None, -2  # the article's last claim and its sentence's index
    kind_ends = {}  # actor kind -> ([mention end], [actor id]) in text order, built when first asked for

    def named_before_kind(kind: str, pos: int):
        if kind not in kind_ends:
            ms = [m for m in mentions if m.actor_id and actors[m.actor_id].kind == kind]
            kind_ends[kind] = ([m.end for m in ms], [m.actor_id for m in ms])
        ends, ids = kind_ends[kind]
        i = bisect_right(ends, pos)
        return ids[i - 1] if i else None

    named_before = {}  # force family -> the last claim of that family that named an origin, its sentence
    for si, (s_start, s_end, sentence) in enumerate(sentences):
        s_hits = None if hits is None else within(hits, hits, s_start, s_end)
        antecedent = last_claim if last_sentence == si - 1 else None  # (a claim in the sentence before)
        if s_hits == [] and antecedent is None:
            continue  # no force noun in the sentence
        nouns = _nouns_in(text, s_start, s_end, s_hits) if s_hits != [] else []
        s_mentions = within(mentions, starts, s_start, s_end)
        if nouns:
            s_mentions = _accusative_nisbas(text, nouns, s_mentions, actors)
        if not nouns and _STRONG not in sentence and antecedent is None and not (
                (_FIGHTING.search(sentence) or _JOINING.search(sentence))
                and any(m.alias_type in ("demonym", "nisba") for m in s_mentions)):
            continue  # (no force noun: only "18,000 Syrians to fight" or "a 2,000-strong force" may count)
        # dates are no amounts, nor the bounds of one's words: "Turkey intervened in January 2020 ...,
        # sending hundreds of troops" ("2020" must not cut Turkey off from the troops)
        quantities = [q for q in find_quantities(sentence) if not _is_date(sentence, q)]
        if any(q.low != q.low and q.high != q.high for q in quantities):
            noun_starts = {n[0] - s_start for n in nouns}
            quantities = [q for q in quantities if not _unranged_without_noun(sentence, q, noun_starts)
                          and not _superlative(sentence, q)]
        if not quantities:
            continue
        cues = None
        people = None
        prev_claim = None
        counted = set()
        for i, q0 in enumerate(quantities):
            q = type(q0)(q0.start + s_start, q0.end + s_start, q0.surface, q0.low, q0.high, q0.qualifier)
            lo = quantities[i - 1].end + s_start if i else s_start
            hi = quantities[i + 1].start + s_start if i + 1 < len(quantities) else s_end
            if _measures(text, q) or _named_by_number(text, q, s_start) or _ratio(text, q, s_start):
                continue
            q = _head_count(q)
            if _no_head_count(q):
                continue
            if people is None:
                people = {m.start for m in s_mentions if m.alias_type in ("demonym", "nisba")}
                people_ends = {m.end for m in s_mentions if m.alias_type in ("demonym", "nisba")}
                mention_starts = {m.start for m in s_mentions}
                groups = {m.start for m in s_mentions if actors[m.actor_id].kind == "armed_group"
                          and not actors[m.actor_id].libyan}
            # (a noun an amount before it has counted is not counted again: "وقتل أربعة جنود أتراك
            # وأصيب عشرات", "54 عنصرا من الفرقة 30")
            noun = _nearest_noun(text, [n for n in nouns if n[0] not in counted], q, lo, hi, people, s_end, groups)
            if noun is not None and noun[0] >= q.end:
                counted.add(noun[0])
            if noun is None and prev_claim is not None and (frm := _FROM_NEXT.match(text, q.end, hi)) \
                    and _names_an_actor(text, frm.end(), hi, mention_starts):
                noun = (q.end, q.end, prev_claim["force_type"], LISTED_FROM)  # "... and a thousand from Chad"
            if noun is None and prev_claim is not None and (demonym := _COUNTED_DEMONYM.match(text, q.end)) \
                    and demonym.end(1) in people_ends and not _DEMONYM_THEN_NOUN.match(text, demonym.start(1)):
                # a breakdown of the claim before: "about 20,000 fighters, including at least 11,000 Sudanese
                # and some 7,000 Syrians"
                noun = (demonym.start(1), demonym.end(1), prev_claim["force_type"], BREAKDOWN)
            if noun is None and prev_claim is not None and (word := _subset(text, q, lo)) is not None:
                noun = (word.start(1), word.end(1), prev_claim["force_type"], SUBSET)  # "including 340 children"
            if noun is None and (of := _OF_THEM_AFTER.match(text, q.end)
                                 or _OF_THEM_BEFORE.search(text, max(lo, q.start - 40), q.start)) \
                    and (kind := _of_them_kind(prev_claim or antecedent, nouns, min(of.start(), q.start), quantities, s_start)) is not None:
                # ("1500 منهم", "منهم ... نحو 2600": the row's surface holds the pronoun)
                a, b = (q.end, of.end()) if of.start() == q.end else (of.start(), of.start() + len(of.group().split()[0]))
                noun = (a, b, kind, OF_THEM)
            if noun is None and prev_claim is None and antecedent is not None and _anaphoric(text, q, lo, s_end):
                noun = (q.end, q.end, antecedent["force_type"], ANAPHORIC)  # "there were more than 20,000"
            if noun is None or _is_year(text, q, noun, lo):
                continue
            if q.qualifier == "exact" and _exceeds(text, q, lo):
                q = type(q)(q.start, q.end, q.surface, q.low, float("nan"), "more_than")
            after = _listed_after(text, [m for m in s_mentions if q.end <= m.start < hi], max(q.end, noun[1]))
            before = [m for m in s_mentions if lo <= m.start and m.end <= q.start]
            if _libyan_force(text, q, noun, s_mentions, actors):
                continue
            if cues is None:
                if persons is None:  # (sorted by end, as they come: mentions do not nest)
                    people = [m for m in mentions if actors[m.actor_id].kind == "person"]
                    persons = (people, [m.end for m in people])
                cues = _attributions(text, s_start, s_end, s_mentions, actors, persons, named_before_kind)
            start, end = min(q.start, noun[0]), max(q.end, noun[1])
            source = _attribution_of(cues, start, end)
            killed = _CASUALTY_BEFORE.search(text, max(s_start, min(q.start, noun[0]) - 40), min(q.start, noun[0]))
            if killed is not None:
                before = [m for m in before if not _killer(text, m, killed, s_start, actors)]
            # demonyms on the noun itself say where they are from; a place named further on is where they
            # came through or who sent them ("1,750 Syrian mercenaries arrived from Turkey", "6 آلاف مرتزق
            # سوري ... وآخرون من شركة فاغنر"); "Sudanese and Chadian fighters" are both
            senders = ()
            if noun[2] in _SENT_KINDS or _of_mercenaries(text, noun):
                states = [m.start for m in before if actors[m.actor_id].kind == "state"]
                senders = [m for m in before + after if actors[m.actor_id].kind == "state"
                           and _sender(text, m, lo, q.start, states)]
                if senders:
                    before = [m for m in before if m not in senders]
                    after = [m for m in after if m not in senders]
            if noun[3] == OF_THEM:  # (a state named by name near "of them" is where they are or go, not who they
                # are: "ويعالج منهم 40 شخصا في مستشفيات تركيا"; their origin is the force's they are part of)
                before, after = ([m for m in ms if m.alias_type in ("demonym", "nisba")
                                  or actors[m.actor_id].kind != "state"] for ms in (before, after))
            origin_ms = _foreign(_on_the_noun(text, noun, before + after), actors, source, text) \
                or _foreign(after, actors, source, text) or _foreign(before, actors, source, text)
            origins = tuple(dict.fromkeys(m.actor_id for m in origin_ms))
            if origins:  # (and the armed group they belong to or joined: "900 جهادي تونسي انضموا إلى داعش")
                origins += tuple(dict.fromkeys(m.actor_id for m in after if m.actor_id not in origins
                                               and _joined_group(text, m, actors)))
            if noun[3] == DEMONYM_JOINED:  # where they are from, and the group they joined
                joined_ms = [m for m in s_mentions if m.start == noun[0]] + [
                    next(m for m in s_mentions if m.start in groups and m.start >= noun[1])]
                origins = tuple(dict.fromkeys(m.actor_id for m in joined_ms))
            if not origins and prev_claim is not None and (noun[3] == SUBSET or _AND_NEXT.fullmatch(
                    text, prev_claim["end"], start)):
                origins = prev_claim["origins"]  # "Ankara has deployed 500 troops and a dozen military advisers"
            window = text[lo:hi]
            # (an armed group, not a Libyan side, named in the clause: "عناصر «داعش»", also where it killed them)
            group_named = any(lo <= m.start < hi and actors[m.actor_id].kind == "armed_group"
                              and not actors[m.actor_id].libyan and _in_clause(text, noun, m) for m in s_mentions)
            if not group_named and noun[2] in ("elements", "leaders") and _names_the_group(
                    text, noun, [m.start for m in s_mentions if m.start in groups], hi):
                group_named = True  # "... بالتنظيم": the group the sentence named before them is their origin
                if not any(actors[o].kind == "armed_group" for o in origins):
                    origins = (next(m for m in reversed(s_mentions) if m.start in groups and m.start < noun[0]).actor_id,)
            part = noun[3] in (SUBSET, OF_THEM) or _part_of_claim(text, q, lo, prev_claim)  # ("13 قياديا، بينهم خمسة قادة")
            force_type = _force_type(text, noun, q, origins, actors, sentence, window, nouns, lo, hi, group_named, part)
            if force_type is None:
                continue
            if not origins and part and (prev_claim or (antecedent if noun[3] == OF_THEM else None)) is not None:
                origins = (prev_claim or antecedent)["origins"]
            # (sent or backed from abroad: foreign, whatever their origin; looked for only where no origin is named)
            if (noun[3] != ANAPHORIC and not part and _not_foreign(
                    origins or _foreign(senders, actors, source, text) or tuple(
                        m.actor_id for m in before + after if actors[m.actor_id].kind == "state"
                        and not actors[m.actor_id].libyan and _backer(text, m)),
                    force_type, window)
                    and not (not text[noun[0]:noun[1]].isascii() and _armed_group_members(noun, group_named, window))) \
                    or _not_military(force_type, sentence):  # (a restated or a part of a claim: as foreign as it)
                continue
            if not origins and noun[3] == ANAPHORIC:
                origins = antecedent["origins"]
            elif not origins and (earlier := named_before.get(_FAMILY.get(force_type, force_type))) is not None \
                    and _same_force(earlier, si, sentence):
                origins = earlier[0]["origins"]
            claim = {
                "origins": origins, "force_type": force_type,
                "counts": "casualties" if _casualties(text, start, end, s_start, s_end) else "strength",
                "low": q.low, "high": q.high,
                "qualifier": q.qualifier, "attributed_to": source, "amount": q.surface,
                "start": start, "end": end, "surface": text[start:end], "sentence": sentence, "rule": noun[3],
            }
            rows.append(claim)
            prev_claim = last_claim = claim
            last_sentence = si
            if origins and not part and noun[3] != BREAKDOWN:  # (a part's origin is the part's, not the force's)
                named_before[_FAMILY.get(force_type, force_type)] = (claim, si)
    named = {}
    for claim in rows:
        if claim["origins"]:
            named.setdefault(_figure_key(claim), claim)
    for claim in rows:
        if not claim["origins"] and (same := named.get(_figure_key(claim))) is not None and _restated(claim):
            claim["origins"] = same["origins"]
    return rows


def speaker_source(statement: dict) -> str:
    """A statement's speaker as a claim's source: the actor id, an unnamed source's label
    ("spokesperson"), or ``unlisted:`` + the name as written."""
    if statement["speaker_id"]:
        return statement["speaker_id"]
    if statement["speaker_en"] and statement["speaker_en"].islower():
        return statement["speaker_en"]
    return f"unlisted:{statement['speaker_name']}" if statement["speaker_name"] else ""


def with_statement_sources(claims: list[dict], statements: list[dict]) -> list[dict]:
    """``claims`` whose source the text does not give at the figure take the speaker of the quotation
    or reported statement they stand in (:func:`libyakit.quotes.quotes_in`): who states a figure is
    its source."""
    holding = None
    for c in claims:
        if c["attributed_to"]:
            continue
        if holding is None:
            holding = _Holding(statements)
        inside = [s for s in holding.around(c["start"], c["end"]) if speaker_source(s)]
        if inside:
            c["attributed_to"] = speaker_source(min(inside, key=lambda s: s["end"] - s["start"]))
            c["rule"] = f"{c['rule']}+{STATEMENT_SOURCE}" if c.get("rule") else STATEMENT_SOURCE
    return claims


class _Holding:
    """Statements asked which of them hold a span, without a scan of every statement for every claim
    (quadratic in a long article's length): sorted by start, with the furthest end reached so far,
    so that the look back from a span's start stops at the first statement from which none reaches
    its end."""

    def __init__(self, statements: list[dict]):
        self.statements = statements
        self.order = sorted(range(len(statements)), key=lambda i: statements[i]["start"])
        self.starts = [statements[i]["start"] for i in self.order]
        self.reach = list(accumulate((statements[i]["end"] for i in self.order), max))

    def around(self, start: int, end: int) -> list[dict]:
        """The statements with ``s["start"] <= start`` and ``end <= s["end"]``, in the order given."""
        k = bisect_right(self.starts, start) - 1
        held = []
        while k >= 0 and self.reach[k] >= end:
            i = self.order[k]
            if self.statements[i]["end"] >= end:
                held.append(i)
            k -= 1
        return [self.statements[i] for i in sorted(held)]


def extract_forces(articles, *, progress: bool | None = None):
    """One row per claim about foreign troops, mercenaries, fighters, bases or trainers.

    Columns
    -------
    article_id; origins (tuple of actor ids, in the order named; empty =
    foreign forces in general); force_type (mercenaries | troops | fighters |
    bases | trainers); counts (strength — how many there are, sent or deployed —
    or casualties — killed, wounded, captured or executed: "مقتل 17 جنديا
    تركيا", "17 Turkish soldiers were killed"); low, high (numbers, NaN when open: "more than 5,000"
    has no high); qualifier (exact | approx | more_than | less_than | range |
    vague — vague amounts carry the documented range of
    :data:`libyakit.numbers.VAGUE`); attributed_to (actor id or source label,
    empty when the text does not say; a figure inside a quotation or a reported statement with no
    source of its own takes the statement's speaker: "وتابعت: «في ليبيا بين 17 و20 ألف مرتزق»" —
    an actor id, a label, or ``unlisted:`` + the name as written); amount (the amount as written); start,
    end, surface (from the amount to its force noun: ``text[start:end] ==
    surface``); sentence; rule (how the noun was found, :func:`libyakit.rules.list_rules` ``forces``:
    forces.noun_after, forces.noun_before, forces.number_of, forces.subset ..., with
    ``+forces.statement_source`` when a statement's speaker gave the source).
    """
    import pandas as pd

    from .corpus import rows_per_article
    from .pipeline import forces_in

    rows = rows_per_article(articles, forces_in, desc="forces", progress=progress)
    df = pd.DataFrame(rows, columns=FORCE_COLUMNS)
    return df.astype({"low": "float64", "high": "float64", "start": "int64", "end": "int64"})


