"""A comparison written out for people: CSV of the pairs, and a self-contained HTML report a
study-visit team can print (side by side, words only in A struck through, words only in B
underlined), and lines for a terminal; similar clauses as lines for a terminal; a coverage
matrix as CSV."""

from __future__ import annotations

import csv
import html
import io
import textwrap

from app.index.terminal import clause_label
from app.models import CompareSide, Comparison, Coverage, DiffPart, SimilarResult

CSV_COLUMNS = ("pasal_a", "pasal_b", "relation", "score", "provision_a", "provision_b")

#: the stylesheet of the printable HTML reports (this comparison, a draft's matrix in app.drafting.export)
STYLE = """
body{font-family:Georgia,serif;margin:2em;color:#222}h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:.4em;vertical-align:top;font-size:.92em}
th{background:#eee}del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:underline}
.rel{white-space:nowrap;text-align:center}.spesimen{color:#a00;font-weight:bold}
@media print{body{margin:0}tr{page-break-inside:avoid}}
"""


def to_csv(comparison: Comparison) -> str:
    """One row per Pasal pair."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for pair in comparison.pairs:
        writer.writerow((pair.a, pair.b, pair.relation, f"{pair.score:.4f}", pair.a_id, pair.b_id))
    return out.getvalue()


def _side_html(parts: list[DiffPart], side: str) -> str:
    shown = []
    for part in parts:
        text = html.escape(part.text)
        if part.op == "equal":
            shown.append(text)
        elif part.op == "delete" and side == "a":
            shown.append(f"<del>{text}</del>")
        elif part.op == "insert" and side == "b":
            shown.append(f"<ins>{text}</ins>")
    return " ".join(shown)


def _title(meta: CompareSide) -> str:
    name = " ".join(str(x) for x in (meta.jenis, meta.daerah, f"Nomor {meta.nomor}" if meta.nomor else None,
                                     f"Tahun {meta.tahun}" if meta.tahun else None) if x)
    mark = ' <span class="spesimen">(SPESIMEN)</span>' if meta.spesimen else ""
    return f"{html.escape(name or meta.ref)}{mark}"


def to_html(comparison: Comparison) -> str:
    """The whole report as one HTML page (no outside files)."""
    a, b = comparison.a, comparison.b
    rows = "\n".join(
        f"<tr><td>Pasal {html.escape(p.a)}<br>{_side_html(p.diff, 'a')}</td>"
        f"<td class=rel>{html.escape(p.relation)}<br>{p.score:.2f}</td>"
        f"<td>Pasal {html.escape(p.b)}<br>{_side_html(p.diff, 'b')}</td></tr>"
        for p in comparison.pairs
    )
    babs = "\n".join(f"<tr><td>{html.escape(row.bab)}</td><td>{row.carried} / {row.pasal}</td><td>{row.share:.0%}</td></tr>"
                     for row in comparison.by_bab)
    definitions = comparison.definitions
    changed = "\n".join(f"<tr><td>{html.escape(c.term)}</td><td>{html.escape(c.a)}</td><td>{html.escape(c.b)}</td></tr>"
                        for c in definitions.changed)
    only = ", ".join
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>Perbandingan: {html.escape(a.ref)} dan {html.escape(b.ref)}</title>
<style>{STYLE}</style></head><body>
<h1>Perbandingan Pasal demi Pasal</h1>
<p><b>A:</b> {_title(a)}<br><b>B:</b> {_title(b)}</p>
<p>{comparison.carried:.0%} Pasal A terbawa ke B. Hubungan: {html.escape(only(f"{k} {v}" for k, v in sorted(comparison.relations.items())))}.<br>
Hanya di A: Pasal {html.escape(only(comparison.only_a) or "-")}.<br>Hanya di B: Pasal {html.escape(only(comparison.only_b) or "-")}.</p>
<h2>Pasangan Pasal</h2>
<table><tr><th>A</th><th>hubungan</th><th>B</th></tr>
{rows}
</table>
<h2>Per BAB (A)</h2>
<table><tr><th>BAB</th><th>Pasal terbawa</th><th>bagian</th></tr>
{babs}
</table>
<h2>Definisi (Pasal 1)</h2>
<p>Sama: {definitions.same}. Hanya di A: {html.escape(only(definitions.only_a) or "-")}. Hanya di B: {html.escape(only(definitions.only_b) or "-")}.</p>
<table><tr><th>istilah</th><th>A</th><th>B</th></tr>
{changed}
</table>
</body></html>
"""


def to_lines(comparison: Comparison) -> list[str]:
    """A terminal summary: one line per pair, then what is only on either side."""
    lines = [f"A: {comparison.a.ref}   B: {comparison.b.ref}",
             f"{comparison.carried:.0%} of A's Pasal carried into B; "
             + ", ".join(f"{k} {v}" for k, v in sorted(comparison.relations.items()))]
    lines += [f"  Pasal {p.a:>4} -> Pasal {p.b:<4} {p.relation:<10} {p.score:.2f}" for p in comparison.pairs]
    lines.append(f"only in A: {', '.join(comparison.only_a) or '-'}")
    lines.append(f"only in B: {', '.join(comparison.only_b) or '-'}")
    return lines


def diff_text(parts: list[DiffPart]) -> str:
    """A word diff as plain text: ``[-only in A-] {+only in B+}``.

    >>> diff_text([DiffPart(op="delete", text="Bupati"), DiffPart(op="insert", text="Gubernur"),
    ...            DiffPart(op="equal", text="menetapkan")])
    '[-Bupati-] {+Gubernur+} menetapkan'
    """
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return " ".join(marks[part.op].format(part.text) for part in parts)


def similar_lines(result: SimilarResult, *, width: int = 100) -> list[str]:
    """A terminal listing of similar clauses: each with its label and score, and its word diff
    from the query (``[-query only-] {+clause only+}``)."""
    what = "Pasal" if result.level == "pasal" else "klausul"
    lines = [f"{len(result.hits)} {what} serupa (similar) dari {result.candidates} kandidat"]
    for number, hit in enumerate(result.hits, start=1):
        lines += ["", f"{number}. {clause_label(hit.regulation, hit.pasal, hit.ayat)}",
                  f"   {hit.label} {hit.score:.2f} (cosine {hit.cosine:.2f}, ratio {hit.ratio:.2f})  {hit.provision_id}"]
        lines += textwrap.wrap(diff_text(hit.diff), width=width, initial_indent="   ", subsequent_indent="   ")
    return lines


def coverage_csv(matrix: Coverage) -> str:
    """One row per topic, one column per regulation (its id), each cell the Pasal numbers."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(("kunci", "nama", "kelompok", *(regulation.id for regulation in matrix.regulations)))
    for topic in matrix.topics:
        writer.writerow((topic.kunci, topic.nama, topic.kelompok, *(" ".join(cell.pasal) for cell in topic.cells)))
    return out.getvalue()
