"""The CSS and JavaScript inlined into every page of the viewer (viewer.py).

Inline so a report is one folder that works offline, from a file:// address, with
no network request; the pages' Content-Security-Policy forbids any other source.
"""
from __future__ import annotations

# Background colours for up to ten speakers per article, light enough for black text
# (contrast above 7:1) and far apart in hue; more speakers reuse them in order.
SPEAKER_COLOURS = ("#ffd6a5", "#caffbf", "#9bf6ff", "#ffc6ff", "#fdffb6",
                   "#bdb2ff", "#ffadad", "#a0c4ff", "#d0f4de", "#e4c1f9")
UNATTRIBUTED_COLOUR = "#e6e6e6"

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:; base-uri 'none'; form-action 'none'")

_SPEAKER_RULES = "\n".join(
    f".sp{i} {{ background: {c}; }} .sw.sp{i} {{ border-color: {c}; }}"
    for i, c in enumerate(SPEAKER_COLOURS))

CSS = """
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 Georgia, 'DejaVu Serif', serif; color: #1d1d1f; background: #fafaf7; }
header.top { background: #22303c; color: #fff; padding: .6rem 1.2rem; display: flex; gap: 1.2rem;
  align-items: baseline; font-family: system-ui, 'DejaVu Sans', sans-serif; }
header.top a { color: #cfe3ff; text-decoration: none; }
header.top .brand { font-weight: 700; color: #fff; }
main { padding: 1rem 1.2rem 3rem; max-width: 1200px; margin: 0 auto; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .4rem 0 .3rem; }
h2 { font: 600 1rem system-ui, 'DejaVu Sans', sans-serif; margin: 1.2rem 0 .4rem; }
.meta, .small, table, .panel, .legend { font-family: system-ui, 'DejaVu Sans', sans-serif; }
.meta { color: #555; font-size: .9rem; margin-bottom: .8rem; }
.small { font-size: .85rem; color: #555; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; background: #fff; }
th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
th { background: #f0f0ec; font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 360px; gap: 1.6rem; align-items: start; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
.article-text { white-space: pre-wrap; background: #fff; padding: 1.2rem 1.4rem; border: 1px solid #e3e3e3;
  border-radius: 6px; font-size: 1.05rem; line-height: 1.7; overflow-wrap: anywhere; }
.q { border-radius: 2px; padding: .1em 0; cursor: help; }
.q.sp-none { background: """ + UNATTRIBUTED_COLOUR + """; }
.q.hot { outline: 2px solid #22303c; }
.cue { text-decoration: underline 2px #c0392b; text-underline-offset: 3px; }
.mention { font-weight: 700; border-bottom: 2px dotted #22303c; }
.mention.hot { background: #22303c; color: #fff; }
.num { border: 1.5px solid #1a7f37; border-radius: 3px; padding: 0 .15em; }
.date { border: 1.5px dashed #8250df; border-radius: 3px; padding: 0 .15em; }
.panel { position: sticky; top: .8rem; max-height: calc(100vh - 1.6rem); overflow: auto; font-size: .88rem;
  background: #fff; border: 1px solid #e3e3e3; border-radius: 6px; padding: .2rem .9rem .8rem; }
.speaker { margin: .7rem 0 .9rem; }
.speaker .name { font-weight: 700; font-size: .95rem; }
.sw { display: inline-block; width: .9em; height: .9em; border-radius: 2px; vertical-align: -.1em;
  margin-right: .35em; border: .45em solid; }
.sw.sp-none { border-color: """ + UNATTRIBUTED_COLOUR + """; }
.desc { color: #555; font-style: italic; }
ol.quotes { margin: .3rem 0 0; padding-left: 1.3rem; }
ol.quotes li { margin: .25rem 0; }
ol.quotes li.hot { background: #fff4c2; }
ol.quotes a { color: #1d1d1f; text-decoration: none; }
ol.quotes a:hover { text-decoration: underline; }
.how { color: #666; font-size: .8rem; }
.badge { font-size: .72rem; border: 1px solid #aaa; border-radius: 8px; padding: 0 .4em; color: #444; }
.legend { font-size: .82rem; color: #444; margin: .2rem 0 .8rem; display: flex; flex-wrap: wrap; gap: .8rem; }
.tip { position: fixed; z-index: 10; max-width: 380px; background: #22303c; color: #fff; padding: .45rem .65rem;
  border-radius: 5px; font: .85rem/1.4 system-ui, 'DejaVu Sans', sans-serif; pointer-events: none;
  box-shadow: 0 3px 10px rgba(0,0,0,.25); }
details.warnings { font-size: .85rem; color: #8a4b00; margin: .4rem 0; }
""" + _SPEAKER_RULES

# Hover: light up every piece of the quote, its speaker's mention and its panel entry,
# and show how the speaker was found. Text goes in through textContent only.
# `data-hover-ready` on <body> counts the quote pieces wired up, for tests and scripts.
JS = """
(function () {
  'use strict';
  var tip = document.createElement('div');
  tip.className = 'tip'; tip.setAttribute('role', 'tooltip'); tip.hidden = true;
  document.body.appendChild(tip);
  var lit = [];
  function clear() {
    lit.forEach(function (el) { el.classList.remove('hot'); });
    lit = []; tip.hidden = true;
  }
  function light(q) {
    document.querySelectorAll('[data-q="' + q + '"]').forEach(function (el) {
      el.classList.add('hot'); lit.push(el);
    });
    document.querySelectorAll('.mention').forEach(function (el) {
      if ((el.getAttribute('data-mq') || '').split(' ').indexOf(q) >= 0) {
        el.classList.add('hot'); lit.push(el);
      }
    });
  }
  function show(el, ev) {
    var q = el.getAttribute('data-q');
    clear(); light(q);
    var how = el.getAttribute('data-how');
    if (!how) { return; }
    tip.textContent = how; tip.hidden = false;
    var r = el.getBoundingClientRect();
    var x = ev && ev.clientX ? ev.clientX : r.left;
    var y = ev && ev.clientY ? ev.clientY : r.top;
    tip.style.left = Math.max(8, Math.min(x + 12, window.innerWidth - 390)) + 'px';
    tip.style.top = (y + 18) + 'px';
  }
  var wired = 0;
  document.querySelectorAll('.article-text .q, ol.quotes li[data-q]').forEach(function (el) {
    el.addEventListener('mouseenter', function (ev) { show(el, ev); });
    el.addEventListener('mouseleave', clear);
    wired += 1;
  });
  document.body.setAttribute('data-hover-ready', String(wired));
})();
"""
