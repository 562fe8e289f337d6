"""Grouping statements from different interviews that say the same thing into themes.

1. A user's own ``#tag`` names a theme explicitly and always wins.
2. An untagged statement joins a tag's theme when it contains every word of the tag
   ("#late-payments" takes "chasing late payments by hand").
3. The rest are grouped by greedy set cover over shared keywords: the keyword shared by
   the most interviews becomes a theme with every statement that contains it, and so on
   while a keyword is still shared by ``min_interviews`` interviews. A lazy max-heap keeps
   this at O(postings x log keywords), never pairwise over statements.
4. Whatever is left stands alone as a theme of one interview.

Everything is ordered explicitly, so the same input always gives the same themes.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from jtbd.synthesis.keywords import is_content_word, keywords, stem


@dataclass(frozen=True)
class Statement:
    """One thing one interview said: a force, a job, a timeline trigger."""

    text: str
    interview: str
    source: str
    line: int | None = None
    quote: bool = False
    tags: tuple[str, ...] = ()


@dataclass
class Theme:
    """Statements that say the same thing, with a label and the interviews behind it."""

    label: str
    statements: list[Statement]
    tag: str | None = None
    """The user's #tag that named the theme, or None for an automatic theme."""
    keyword: str | None = None
    """The shared keyword an automatic theme was built around."""
    interviews: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.interviews = sorted({s.interview for s in self.statements})

    @property
    def count(self) -> int:
        """How many distinct interviews mention the theme."""
        return len(self.interviews)

    def quotes(self, limit: int = 3) -> list[Statement]:
        """Up to ``limit`` representative statements, from different interviews.

        The statements most typical of the theme (sharing the most words with the rest)
        first; a verbatim quote wins a tie, because the participant's words carry more.
        """
        common = Counter(word for s in self.statements for word in keywords(s.text))
        ranked = sorted(
            self.statements,
            key=lambda s: (
                -sum(common[word] - 1 for word in keywords(s.text)),
                not s.quote,
                s.interview,
                s.line or 0,
            ),
        )
        chosen: list[Statement] = []
        seen: set[str] = set()
        for statement in ranked:
            if statement.interview not in seen:
                chosen.append(statement)
                seen.add(statement.interview)
            if len(chosen) == limit:
                break
        return chosen


def group_statements(statements: list[Statement], min_interviews: int = 2) -> list[Theme]:
    """Group statements into themes, most-mentioned first (ties by label)."""
    ordered = sorted(statements, key=lambda s: (s.interview, s.source, s.line or 0, s.text))
    words = [keywords(s.text) for s in ordered]
    themes = _tag_themes(ordered, words)
    assigned = {index for theme in themes.values() for index in theme}
    result = [
        Theme(label=_humanise(tag), statements=[ordered[i] for i in members], tag=tag)
        for tag, members in themes.items()
    ]
    remaining = [i for i in range(len(ordered)) if i not in assigned]
    for keyword, members in _keyword_cover(ordered, words, remaining, min_interviews):
        group = [ordered[i] for i in members]
        result.append(Theme(label=_phrase_label(group, keyword), statements=group, keyword=keyword))
        assigned.update(members)
    for index in range(len(ordered)):
        if index not in assigned:
            result.append(Theme(label=_shorten(ordered[index].text), statements=[ordered[index]]))
    result.sort(key=lambda theme: (-theme.count, theme.label.lower(), theme.label))
    return result


def _tag_themes(ordered: list[Statement], words: list[frozenset[str]]) -> dict[str, list[int]]:
    """Themes named by the user's tags, and the untagged statements that name the tag."""
    themes: dict[str, list[int]] = defaultdict(list)
    for index, statement in enumerate(ordered):
        if statement.tags:
            themes[statement.tags[0]].append(index)
    tag_words = {tag: keywords(tag.replace("-", " ").replace("_", " ")) for tag in themes}
    by_size = sorted(themes, key=lambda tag: (-len(themes[tag]), tag))
    for index, statement in enumerate(ordered):
        if statement.tags:
            continue
        for tag in by_size:
            if tag_words[tag] and tag_words[tag] <= words[index]:
                themes[tag].append(index)
                break
    return {tag: sorted(members) for tag, members in sorted(themes.items())}


def _keyword_cover(
    ordered: list[Statement],
    words: list[frozenset[str]],
    remaining: list[int],
    min_interviews: int,
) -> list[tuple[str, list[int]]]:
    """Greedy set cover: repeatedly take the keyword shared by the most interviews."""
    postings: dict[str, list[int]] = defaultdict(list)
    # word -> interviews (with how many untaken statements) still using it; kept up to
    # date as statements are taken, so a keyword's score costs O(1).
    users: dict[str, Counter[str]] = defaultdict(Counter)
    for index in remaining:
        for word in words[index]:
            postings[word].append(index)
            users[word][ordered[index].interview] += 1
    taken: set[int] = set()
    heap = [(-len(users[word]), word) for word in postings]
    heapq.heapify(heap)
    groups: list[tuple[str, list[int]]] = []
    while heap:
        negative, word = heapq.heappop(heap)
        current = len(users[word])
        if current < min_interviews:
            continue
        if current != -negative:  # stale: other themes took some of its statements
            heapq.heappush(heap, (-current, word))
            continue
        members = [i for i in postings[word] if i not in taken]
        taken.update(members)
        for index in members:
            interview = ordered[index].interview
            for other in words[index]:
                counter = users[other]
                counter[interview] -= 1
                if not counter[interview]:
                    del counter[interview]
        groups.append((word, members))
    return groups


# A longer label may run through small words ("know where everything is") but starts on
# a content word and ends on one, or on a form of "to be", never hanging ("paid for the").
_COPULAS = frozenset({"is", "are", "was", "were"})
_LONGEST_LABEL = 5  # words
_LABEL_SAMPLE = 200  # statements


def _phrase_label(group: list[Statement], anchor: str) -> str:
    """Name an automatic theme by what its statements share, never by one person's words.

    The longest phrase of three to five words around the shared keyword that at least
    three statements and half of them use ("know where everything is"); else the two-word
    phrase most statements use ("bank sync"); else the keyword itself ("Invoices").
    """
    # What most statements share shows in any large sample; the first ones (in a fixed
    # order) keep labelling linear in big studies.
    group = group[:_LABEL_SAMPLE]
    counts: Counter[tuple[str, ...]] = Counter()
    surfaces: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for statement in group:
        tokens = [_surface(token, i > 0) for i, token in enumerate(_TOKEN.findall(statement.text))]
        lowered = [token.lower() for token in tokens]
        content = [is_content_word(t) for t in lowered]
        # A content word's stem, or a small word as it is, to compare phrases by.
        words = [stem(t) if c else t for t, c in zip(lowered, content, strict=True)]
        seen: set[tuple[str, ...]] = set()
        for index, word in enumerate(words):
            if word != anchor or not content[index]:
                continue
            for start in range(max(0, index - _LONGEST_LABEL + 1), index + 1):
                for end in range(index + 1, min(len(words), start + _LONGEST_LABEL) + 1):
                    key = tuple(words[start:end])
                    if key in seen or not _label_shaped(lowered[start:end], content[start:end]):
                        continue
                    seen.add(key)
                    counts[key] += 1
                    surfaces[key][" ".join(tokens[start:end])] += 1
    # A longer label says more, so it must be shared more: by three statements and half.
    needed = max(3, (len(group) + 1) // 2)
    longer = sorted(
        (-len(key), -n, key) for key, n in counts.items() if len(key) > 2 and n >= needed
    )
    pairs = sorted((-n, key) for key, n in counts.items() if len(key) == 2 and n >= 2)
    if longer:
        key = longer[0][2]
    elif pairs:
        key = pairs[0][1]
    else:
        key = (anchor,)
    if key not in surfaces:
        return anchor
    text = min(surfaces[key].items(), key=lambda item: (-item[1], item[0]))[0]
    return text[:1].upper() + text[1:]


def _label_shaped(words: list[str], content: list[bool]) -> bool:
    """A phrase a label can be: two words are both content words, as they always were;
    a longer one starts on a content word and does not end on one that leaves it hanging."""
    if len(words) == 2:
        return all(content)
    return content[0] and (content[-1] or words[-1] in _COPULAS)


_TOKEN = re.compile(r"[^\W\d_]+")


def _surface(token: str, inside: bool) -> str:
    """Lower case, except what is capitalised for its own sake: acronyms ("VAT"), "I", and
    names inside a sentence ("Sunday", "SageDesk"); a sentence's first word is lowered."""
    if token.isupper() and (len(token) > 1 or token == "I"):
        return token
    return token if inside and token[:1].isupper() else token.lower()


def _shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—-") + "…"


def _humanise(tag: str) -> str:
    """ "late-payments" -> "Late payments"; a short tag is read as an acronym: "vat" -> "VAT"."""
    if len(tag) <= 3 and tag.isalpha():
        return tag.upper()
    words = tag.replace("-", " ").replace("_", " ").replace("/", " / ").strip()
    return words[:1].upper() + words[1:]
