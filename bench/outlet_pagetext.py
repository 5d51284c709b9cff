"""The outlet read from page text (``metadata.outlet_from_text``) on the three line corpora
(aeb-lines, wcxb-dev-lines, fundus-tests-lines: page text with no URL given to the reader), against
each page's own site (its URL's host): how often a name is found, how often it names that site
(letters of the host's first label in the name or the name's in it, Cyrillic transliterated), and
the pages where the masthead rule (the page's first line) decided.

    python bench/outlet_pagetext.py [N]   # N: list N names that are not the site, per corpus

A publisher's company name from a copyright line ("New York Times Company") counts as "other":
the column is a floor, not an accuracy.
"""
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from storydiff.extract.metadata import _masthead, outlet_from_text

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "extraction"

def site_key(url):
    host = (urlsplit(url).hostname or "").lower()
    host = re.sub(r"^(www|m|amp|edition|www\d)\.", "", host)
    return host.split(".")[0] if host.count(".") >= 1 else host

def norm(s):
    return re.sub(r"[\W_]", "", s.lower())

def translit(s):
    t = {"а":"a","б":"b","в":"v","г":"h","ґ":"g","д":"d","е":"e","є":"ie","ж":"zh","з":"z","и":"y","і":"i","ї":"i","й":"i","к":"k","л":"l","м":"m","н":"n","о":"o","п":"p","р":"r","с":"s","т":"t","у":"u","ф":"f","х":"kh","ц":"ts","ч":"ch","ш":"sh","щ":"shch","ь":"","ю":"iu","я":"ia","ы":"y","э":"e","ъ":""}
    return "".join(t.get(c, c) for c in s.lower())

print("| corpus | pages | outlet found | names the site | other | decided by the masthead rule |")
print("|---|---:|---:|---:|---:|---:|")
for corpus in ("aeb", "wcxb-dev", "fundus-tests"):
    n = found = right = masthead = masthead_right = 0
    wrong = []
    path = DATA / f"{corpus}-lines" / "lines.jsonl"
    if not path.exists():
        sys.exit(f"{path} not found: this benchmark reads ../shared/data")
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if not r.get("url"):
            continue
        n += 1
        o = outlet_from_text("\n".join(r["lines"]))
        if not o:
            continue
        found += 1
        k = norm(site_key(r["url"]))
        on = norm(translit(o))
        ok = bool(k and (k in on or on in k or on[:5] == k[:5]))
        right += ok
        if o == _masthead([x for x in r["lines"] if x.strip()]):
            masthead += 1
            masthead_right += ok
        if not ok:
            wrong.append((o, r["url"]))
    print(f"| {corpus} | {n} | {found} | {right} | {found - right} | {masthead} ({masthead_right} the site) |")
    for o, u in wrong[:int(sys.argv[1]) if len(sys.argv) > 1 else 0]:
        print("   ", repr(o), u)
