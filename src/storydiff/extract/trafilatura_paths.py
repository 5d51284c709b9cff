"""trafilatura's costliest pruning XPaths evaluated in Python, to the same elements.

trafilatura prunes each tree it extracts from with XPath expressions whose ``re:test`` is an EXSLT
function: libxml2 calls back into Python for every element the expression reaches, with or
without the attribute it tests. On AEB's pages the pruning lists' expressions took 2.2 s of the
5.6 s ``extract_html`` spends in all (the wcxb + fundus mix: 5.8 s of 21 s), and the baseline's
cleaning (the page measure of trafilatura's recall gate) 4 ms a call; the same tests written as
one walk over the elements in Python take a third of that.

Each replacement is installed only over the expression it was written from: its text, with
every quoted literal blanked, must read as the template here, and the literals (the regexes, the
class names) are taken from trafilatura's own text. Another trafilatura whose expressions read
otherwise keeps its own. The replacement is a callable returning the same list in the same
(document) order, which is all trafilatura does with them (``prune_unwanted_nodes``,
``basic_cleaning``); a call it was not written for (an ElementTree, XPath variables) goes to the
XPath. tests/test_trafilatura_paths.py compares both on a page written to exercise every test.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

_LITERAL = re.compile(r"'([^']*)'")


def _template(path: str) -> str:
    return " ".join(_LITERAL.sub("''", path).split())


def _first_of(el: etree._Element, one: str, other: str) -> str:
    """XPath's string(@one|@other): the value of whichever comes first in the start tag, or ''."""
    a, b = el.get(one), el.get(other)
    if b is None:
        return a or ""
    if a is None:
        return b
    for key, value in el.items():  # both there: the one written first
        if key in (one, other):
            return value
    return a


def _search(pattern: str, flags: str = "") -> Callable[[str], re.Match | None]:
    """The test of EXSLT's re:test (lxml: Python's re, 'i' among the flags for IGNORECASE)."""
    compiled = re.compile(pattern, re.IGNORECASE if "i" in flags else 0)
    if compiled.search(""):
        # re:test on a missing attribute tests ''; these tests skip missing attributes
        raise ValueError(f"pattern matches the empty string: {pattern!r}")
    return compiled.search


def _words(*words: str) -> None:
    if not all(words):
        # contains(@x, '') and starts-with(@x, '') hold without the attribute: not what is tested here
        raise ValueError("an empty literal")


def _overall_discard_layout(lit: list[str]) -> Callable:
    # .//*[self::div or self::item or self::list or self::p or self::section or self::span][
    # @data-lp-replacement-content or contains(translate(@role, N, n), nav) or
    # contains(@data-component, X) or re:test(@id|@class, C) or re:test(@id, I) or re:test(@class, K)]
    n_upper, n_lower, role_word, component, first_re, id_re, class_re = lit
    if len(n_upper) != 1 or len(n_lower) != 1:
        raise ValueError("translate() of more than one letter")
    _words(role_word, component)
    first_test, id_test, class_test = _search(first_re), _search(id_re), _search(class_re)
    tags = ("div", "item", "list", "p", "section", "span")

    def evaluate(tree: etree._Element) -> list:
        found = []
        for el in tree.iterdescendants(*tags):
            get = el.get
            i, c = get("id"), get("class")
            role = get("role")
            component_value = get("data-component")
            if (
                get("data-lp-replacement-content") is not None
                or (role is not None and role_word in role.replace(n_upper, n_lower))
                or (component_value is not None and component in component_value)
                or ((i is not None or c is not None) and first_test(_first_of(el, "id", "class")))
                or (i is not None and id_test(i))
                or (c is not None and class_test(c))
            ):
                found.append(el)
        return found

    return evaluate


def _overall_discard_hidden(lit: list[str]) -> Callable:
    # .//*[@class=T or starts-with(@id|@class, R) or re:test(@id|@style, H) or contains(@style, D1) or
    # contains(@style, D2) or re:test(@id, I) or re:test(@class, K) or @aria-hidden=A]
    title, reply, hidden_re, none1, none2, id_re, class_re, aria = lit
    _words(title, reply, none1, none2, aria)
    hidden_test, id_test, class_test = _search(hidden_re), _search(id_re), _search(class_re)

    def evaluate(tree: etree._Element) -> list:
        found = []
        for el in tree.iterdescendants(etree.Element):
            get = el.get
            i, c, s = get("id"), get("class"), get("style")
            if i is None and c is None and s is None:
                if get("aria-hidden") == aria:
                    found.append(el)
                continue
            if (
                c == title
                or ((i is not None or c is not None) and _first_of(el, "id", "class").startswith(reply))
                or ((i is not None or s is not None) and hidden_test(_first_of(el, "id", "style")))
                or (s is not None and (none1 in s or none2 in s))
                or (i is not None and id_test(i))
                or (c is not None and class_test(c))
                or get("aria-hidden") == aria
            ):
                found.append(el)
        return found

    return evaluate


def _id_or_class(tags: tuple[str, ...], id_re: str, class_re: str, narrow: Callable | None = None) -> Callable:
    id_test, class_test = _search(id_re), _search(class_re)

    def evaluate(tree: etree._Element) -> list:
        found = []
        for el in tree.iterdescendants(*tags):
            i, c = el.get("id"), el.get("class")
            if ((i is not None and id_test(i)) or (c is not None and class_test(c))) and (narrow is None or narrow(el, i, c)):
                found.append(el)
        return found

    return evaluate


def _comments_and_lists(lit: list[str]) -> Callable:
    # .//*[self::div or self::list or self::section or self::details or self::ol or self::ul][
    # re:test(@id, I) or re:test(@class, K)][not(self::ol or self::ul) or re:test(@id, I2) or re:test(@class, K2)]
    id_re, class_re, list_id_re, list_class_re = lit
    list_id, list_class = _search(list_id_re), _search(list_class_re)

    def narrow(el, i, c):
        return el.tag not in ("ol", "ul") or (i is not None and list_id(i)) or (c is not None and list_class(c))

    return _id_or_class(("div", "list", "section", "details", "ol", "ul"), id_re, class_re, narrow)


def _comments(lit: list[str]) -> Callable:
    # .//*[self::div or self::list or self::section or self::details][re:test(@id, I) or re:test(@class, K)]
    id_re, class_re = lit
    return _id_or_class(("div", "list", "section", "details"), id_re, class_re)


def _appended_articles(lit: list[str]) -> Callable:
    # .//*[self::div or self::section or self::aside][re:test(@id, I) or re:test(@class, K)][
    # not(.//h1) or re:test(@id, I2) or re:test(@class, K2)]
    id_re, class_re, own_id_re, own_class_re = lit
    own_id, own_class = _search(own_id_re), _search(own_class_re)

    def narrow(el, i, c):
        return (next(el.iterdescendants("h1"), None) is None or (i is not None and own_id(i))
                or (c is not None and own_class(c)))

    return _id_or_class(("div", "section", "aside"), id_re, class_re, narrow)


def _share_buttons(lit: list[str]) -> Callable:
    # .//*[self::div or self::section or self::aside][contains(@class, X)]
    (word,) = lit
    _words(word)

    def evaluate(tree: etree._Element) -> list:
        found = []
        for el in tree.iterdescendants("div", "section", "aside"):
            c = el.get("class")
            if c is not None and word in c:
                found.append(el)
        return found

    return evaluate


def _content_block(lit: list[str]) -> Callable:
    # .//*[self::article or self::div or self::main or self::section][@class=A or @class=B or
    # @itemprop=P or @id=D or re:test(@id, I) or re:test(@class, K)][1]: the [1] counts along each
    # parent's children (.//* is descendant-or-self::node()/child::*), so the first match among
    # each element's children, not the first of the page
    class_a, class_b, itemprop, ident, id_re, class_re = lit
    id_test, class_test = _search(id_re), _search(class_re)

    def evaluate(tree: etree._Element) -> list:
        found, parents = [], set()
        for el in tree.iterdescendants("article", "div", "main", "section"):
            i, c = el.get("id"), el.get("class")
            if not (c in (class_a, class_b) or el.get("itemprop") == itemprop or i == ident
                    or (i is not None and id_test(i)) or (c is not None and class_test(c))):
                continue
            parent = el.getparent()  # never None: a descendant of tree
            if parent not in parents:
                parents.add(parent)
                found.append(el)
        return found

    return evaluate


def _basic_clean(lit: list[str]) -> Callable:
    # .//aside|.//div[contains(@class|@id, F)]|.//fencedframe|.//footer|.//script|.//style|.//svg|.//template|
    # .//*[re:test(@class, C, flags) or re:test(@id, I, flags)]: one walk, each element once, in document order
    word, class_re, class_flags, id_re, id_flags = lit
    _words(word)
    class_test, id_test = _search(class_re, class_flags), _search(id_re, id_flags)
    tags = frozenset(("aside", "fencedframe", "footer", "script", "style", "svg", "template"))

    def evaluate(tree: etree._Element) -> list:
        found = []
        for el in tree.iterdescendants(etree.Element):
            if el.tag in tags:
                found.append(el)
                continue
            c, i = el.get("class"), el.get("id")
            if (c is None and i is None) or not (
                (el.tag == "div" and word in _first_of(el, "class", "id"))
                or (c is not None and class_test(c))
                or (i is not None and id_test(i))
            ):
                continue
            found.append(el)
        return found

    return evaluate


# (trafilatura.xpaths list, index, the expression's text with its literals blanked, builder)
_REPLACEMENTS = [
    ("OVERALL_DISCARD_XPATH", 0,
     ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
     "@data-lp-replacement-content or contains(translate(@role, '', ''), '') or contains(@data-component, '') or "
     "re:test(@id|@class, '') or re:test(@id, '') or re:test(@class, '')]",
     _overall_discard_layout),
    ("OVERALL_DISCARD_XPATH", 1,
     ".//*[@class='' or starts-with(@id|@class, '') or re:test(@id|@style, '') or contains(@style, '') or "
     "contains(@style, '') or re:test(@id, '') or re:test(@class, '') or @aria-hidden='']",
     _overall_discard_hidden),
    ("REMOVE_COMMENTS_AND_LISTS_XPATH", 0,
     ".//*[self::div or self::list or self::section or self::details or self::ol or self::ul][ "
     "re:test(@id, '') or re:test(@class, '')][ not(self::ol or self::ul) or re:test(@id, '') or re:test(@class, '')]",
     _comments_and_lists),
    ("REMOVE_COMMENTS_XPATH", 0,
     ".//*[self::div or self::list or self::section or self::details][ re:test(@id, '') or re:test(@class, '')]",
     _comments),
    ("RAW_TREE_PRUNE_XPATH", 0,
     ".//*[self::div or self::section or self::aside][ re:test(@id, '') or re:test(@class, '')][ "
     "not(.//h1) or re:test(@id, '') or re:test(@class, '')]",
     _appended_articles),
    ("BODY_XPATH", 0,
     ".//*[self::article or self::div or self::main or self::section][ @class='' or @class='' or @itemprop='' or "
     "@id='' or re:test(@id, '') or re:test(@class, '') ][1]",
     _content_block),
    ("RAW_TREE_PRUNE_XPATH", 1,
     ".//*[self::div or self::section or self::aside][contains(@class, '')]",
     _share_buttons),
]


# (module, name, the expression's text with its literals blanked, builder): expressions a module
# holds by name, replaced in each module that imported it
_NAMED_REPLACEMENTS = [
    (("trafilatura.settings", "trafilatura.baseline"), "BASIC_CLEAN_XPATH",
     ".//aside|.//div[contains(@class|@id, '')]|.//fencedframe|.//footer|.//script|.//style|.//svg|.//template|"
     ".//*[re:test(@class, '', '') or re:test(@id, '', '')]",
     _basic_clean),
]


class PythonPath:
    """One of trafilatura's XPath expressions, evaluated in Python to the same elements."""

    def __init__(self, xpath: etree.XPath, evaluate: Callable) -> None:
        self.xpath, self.path, self._evaluate = xpath, xpath.path, evaluate

    def __call__(self, tree, **variables) -> list:
        if variables or not isinstance(tree, etree._Element):
            return self.xpath(tree, **variables)
        return self._evaluate(tree)

    def __repr__(self) -> str:
        return f"PythonPath({self.path!r})"


def _replacement(current: object, template: str, build: Callable) -> PythonPath | None:
    """The evaluator for ``current`` when it reads as ``template`` (itself when installed already)."""
    if isinstance(current, PythonPath):
        return current
    if not isinstance(current, etree.XPath) or _template(current.path) != template:
        return None  # another trafilatura: its own expression stays
    try:
        return PythonPath(current, build(_LITERAL.findall(current.path)))
    except (ValueError, re.error):
        return None


def install() -> list[str]:
    """Put the Python evaluators in trafilatura's expression lists (in place: its modules hold
    the lists themselves) and in the modules that hold one by name; the names of those
    installed. Idempotent."""
    import importlib

    from trafilatura import xpaths

    installed = []
    for name, index, template, build in _REPLACEMENTS:
        expressions = getattr(xpaths, name, None)
        if isinstance(expressions, list) and index < len(expressions):
            found = _replacement(expressions[index], template, build)
            if found is not None:
                expressions[index] = found
                installed.append(f"{name}[{index}]")
    for modules, name, template, build in _NAMED_REPLACEMENTS:
        holders = [importlib.import_module(m) for m in modules]
        found = _replacement(getattr(holders[0], name, None), template, build)
        # every holder must hold the same expression: one that holds another keeps it
        if found is not None and all(getattr(h, name, None) in (found, found.xpath) for h in holders):
            for holder in holders:
                setattr(holder, name, found)
            installed.append(name)
    return installed


def uninstall() -> None:
    """trafilatura's own XPath expressions back (for comparisons)."""
    import importlib

    from trafilatura import xpaths

    for name, index, _, _ in _REPLACEMENTS:
        expressions = getattr(xpaths, name, None)
        if isinstance(expressions, list) and index < len(expressions) and isinstance(expressions[index], PythonPath):
            expressions[index] = expressions[index].xpath
    for modules, name, _, _ in _NAMED_REPLACEMENTS:
        for module in modules:
            holder = importlib.import_module(module)
            if isinstance(getattr(holder, name, None), PythonPath):
                setattr(holder, name, getattr(holder, name).xpath)
