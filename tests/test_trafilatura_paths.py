"""trafilatura's pruning XPaths evaluated in Python: the same elements, in the same order."""

from pathlib import Path

import pytest
from lxml import etree
from trafilatura import xpaths

from storydiff.extract import trafilatura_paths as tp
from storydiff.extract.html import _parse_markup, extract_html

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "storydiff" / "examples"

# Every attribute the expressions read, present, absent, empty, in either order, on the tags they
# select and on others; nested so that a match inside a match and the h1 test count.
PAGE = """<html><body>
<div class="cookie-x" id="main">first attribute: class</div>
<div id="main" class="cookie-x">first attribute: id</div>
<div id="" class="">empty</div>
<span role="Navigation">role with a capital</span><p role="navbar">role</p><p data-lp-replacement-content="">lp</p>
<section data-component="xMostPopularStoriesY">popular</section>
<div id="social-1"><p class="story"><span class="byline">By</span></p></div>
<p class="article-meta">meta</p><p class="dfpAd">ad</p><p class="x ad-slot">ad</p><p class="bad-slot">no</p>
<a class="comments-title">title</a><i id="reply-3" class="x">reply</i><i class="reply-3" id="x">reply by class</i>
<b id="reply-4">reply</b><b id="hidden-box" style="color:red">hidden by id</b><b style="color:red" id="hidden-box">id second</b><b id="box" style="a:hidden">style second</b>
<b style="hidden" id="box">style first</b><em style="display: none">none</em><em style="display:none">none</em>
<em aria-hidden="true">aria</em><em aria-hidden="false">not aria</em><em class="x hidden">hidden class</em>
<div id="comments"><ul class="commentlist"><li>c</li></ul><ol id="comment-list"><li>c</li></ol><ul class="x"><li>l</li></ul></div>
<ol class="post-comments">o</ol><details id="disqus_thread">d</details><div class="commentary">not comments</div>
<section class="infinite-scroll"><h1>Kept: it holds the headline</h1></section>
<aside id="infinitescroll"><p>appended</p></aside><div class="mvp-post-add-box"><h1>own token</h1></div>
<div class="elementor-share-buttons x">share</div><span class="elementor-share-buttons">not this tag</span>
<list class="menu"><item class="tags">converted tags</item></list>
<main><div class="post">first post</div><div class="entry">second: not the first match of its parent</div>
<section itemprop="articleBody"><article id="story-articleBody">nested: the first of its own parent</article></section></main>
<aside><footer>nested</footer></aside><div class="x" id="site-footer">footer by id, second</div>
<div id="site-footer" class="x">footer by id, first</div><p class="footer">not a div</p><template>t</template>
<div id="CookieBanner">banner in capitals</div><span class="x cookie_notice y">notice</span><svg><g/></svg>
</body></html>"""


@pytest.fixture(autouse=True)
def _installed():
    tp.install()
    yield
    tp.install()


def test_basic_cleaning_same_elements_as_the_xpath():
    import sys

    tree = _parse_markup(PAGE)
    expression = sys.modules["trafilatura.baseline"].BASIC_CLEAN_XPATH
    assert isinstance(expression, tp.PythonPath)
    found = expression(tree)
    assert _names(found) == _names(expression.xpath(tree))
    texts = [e.text for e in found]
    assert "footer by id, first" in texts and "footer by id, second" not in texts and "not a div" not in texts
    assert "banner in capitals" in texts and "notice" in texts


def _names(elements):
    return [etree.tostring(e, with_tail=False)[:60] for e in elements]


@pytest.mark.parametrize("name", ["OVERALL_DISCARD_XPATH", "REMOVE_COMMENTS_AND_LISTS_XPATH", "REMOVE_COMMENTS_XPATH",
                                  "RAW_TREE_PRUNE_XPATH", "BODY_XPATH"])
def test_same_elements_as_the_xpath(name):
    tree = _parse_markup(PAGE)
    for expression in getattr(xpaths, name):
        if name == "BODY_XPATH" and not isinstance(expression, tp.PythonPath):
            continue  # its first expression only
        assert isinstance(expression, tp.PythonPath)
        found = expression(tree)
        assert _names(found) == _names(expression.xpath(tree))
    assert any(expression(tree) for expression in getattr(xpaths, name))  # the page exercises each list


def test_attribute_order_decides_the_union():
    tree = _parse_markup(PAGE)
    hidden = xpaths.OVERALL_DISCARD_XPATH[1](tree)
    texts = [e.text for e in hidden]
    # re:test(@id|@style, 'hidden') reads whichever attribute the tag writes first
    assert "hidden by id" in texts and "style first" in texts
    assert "style second" not in texts and "id second" not in texts
    assert "reply by class" in texts and "not aria" not in texts


def test_the_first_content_block_of_each_parent():
    tree = _parse_markup(PAGE)
    texts = [e.text for e in xpaths.BODY_XPATH[0](tree)]
    assert texts == ["first post", "nested: the first of its own parent"]


def test_a_changed_expression_keeps_its_xpath(monkeypatch):
    tp.uninstall()
    changed = etree.XPath(".//*[self::div][contains(@class, 'elementor-share-buttons') or @hidden]")
    expressions = list(xpaths.RAW_TREE_PRUNE_XPATH)
    expressions[1] = changed
    monkeypatch.setattr(xpaths, "RAW_TREE_PRUNE_XPATH", expressions)
    installed = tp.install()
    assert "RAW_TREE_PRUNE_XPATH[1]" not in installed and "RAW_TREE_PRUNE_XPATH[0]" in installed
    assert expressions[1] is changed


def test_install_is_idempotent_and_undone():
    first = xpaths.OVERALL_DISCARD_XPATH[0]
    assert tp.install() == tp.install() and xpaths.OVERALL_DISCARD_XPATH[0] is first
    tp.uninstall()
    assert isinstance(xpaths.OVERALL_DISCARD_XPATH[0], etree.XPath)


@pytest.mark.parametrize("page", sorted(EXAMPLES.glob("*.html")), ids=lambda p: p.name)
def test_extraction_unchanged(page):
    html = page.read_bytes()
    with_python = [extract_html(html), extract_html(html, fast=True)]
    tp.uninstall()
    assert [extract_html(html), extract_html(html, fast=True)] == with_python
