"""The web pages in a real browser (headless Chromium): the story renders, the stylesheet loads
under the Content-Security-Policy, and script smuggled into article text never runs."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from cdp import CHROMIUM, serving

if not CHROMIUM.exists():
    pytest.skip("needs Debian's chromium at /usr/bin/chromium", allow_module_level=True)

uvicorn = pytest.importorskip("uvicorn")
from example_items import as_html, quake_items  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402 - after the skip checks

from storydiff.serve.api import create_app  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "storydiff" / "examples"
TOKEN = "browser-test"
# Each would leave a mark in the DOM if it ran: a changed title, an attribute, an element.
TITLE_ATTACK = "<script>document.title='PWNED'</script>"
BODY_ATTACKS = (
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">",
    "<script>document.body.insertAdjacentHTML('beforeend','<p id=pwned>pwned</p>')</script>",
)


def _items() -> list[dict]:
    attack_body = " ".join(BODY_ATTACKS) + " The harbour board voted to dredge the channel next spring."
    return [*quake_items(), {"title": TITLE_ATTACK, "outlet": "Mallory Gazette", "html": as_html(attack_body)}]


class _RecordPaths:
    """ASGI wrapper noting every path the browser asked for, so the test can tell the
    stylesheet was fetched (a CSP that blocked it would leave the page unstyled)."""

    def __init__(self, app):
        self.app, self.paths = app, []

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            self.paths.append(scope["path"])
        await self.app(scope, receive, send)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("web") / "news.db")
    app = create_app(db, token=TOKEN)
    with TestClient(app) as client:
        result = client.post(
            "/api/articles", json=_items(), headers={"Authorization": f"Bearer {TOKEN}"}
        ).json()
    assert result["stored"] == 4, result
    recorder = _RecordPaths(app)
    with serving(recorder) as base:
        yield base, result, recorder, tmp_path_factory.mktemp("chromium")


def chromium(profile: Path, *args: str) -> str:
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]
    done = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_story_page_renders_with_its_stylesheet(site):
    base, result, recorder, profile = site
    sid = result["items"][0]["story_id"]
    dom = chromium(profile, "--dump-dom", f"{base}/stories/{sid}")
    assert "Strong earthquake kills 12 in Berovac" in dom
    assert "Ostrania Press Agency" in dom and "Daily Lantern" in dom
    assert "1 independent source" in dom
    assert "/static/web.css" in recorder.paths


def test_story_page_screenshot(site):
    base, result, _, profile = site
    sid = result["items"][0]["story_id"]
    shot = profile / "story.png"
    chromium(
        profile,
        "--window-size=1200,1600",
        "--hide-scrollbars",
        f"--screenshot={shot}",
        f"{base}/stories/{sid}",
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a blank page compresses to a few KB


@pytest.mark.parametrize("page", ["article", "story", "index"])
def test_injected_script_does_not_run(site, page):
    base, result, _, profile = site
    attack = result["items"][-1]
    url = {
        "article": f"{base}/articles/{attack['article_id']}",
        "story": f"{base}/stories/{attack['story_id']}",
        "index": f"{base}/",
    }[page]
    dom = chromium(profile, "--dump-dom", url)
    title = re.search(r"<title>(.*?)</title>", dom, re.DOTALL)
    expected = "storydiff: stories" if page == "index" else html.escape(TITLE_ATTACK, quote=False)
    assert title and title.group(1) == expected  # had the script run, it would read just PWNED
    assert 'id="pwned"' not in dom and "data-pwned" not in dom.split("<main>")[0]
    assert "<script" not in dom.lower() and "<img" not in dom.lower()  # no element was parsed from the text
    assert html.escape(TITLE_ATTACK, quote=False) in dom  # shown as the text it is
    if page == "article":
        assert "onerror=" in dom and "harbour board" in dom
