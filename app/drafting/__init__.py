"""Drafting: a regulation of one region adapted into a draft (rancangan) for another region or kind.

``adapt`` rewrites provision text for the target government (Bupati -> Gubernur ...) and flags
what needs a human decision; ``plan`` is a draft as pieces with their origins; ``opening`` carries
Menimbang and Mengingat over; ``renumber`` numbers BAB, Bagian, Paragraf and Pasal anew and
rewrites cross-references; ``assemble`` builds the whole regulation in the form of Lampiran II
UU 12/2011; ``layout`` lays it out as printed; ``checks`` reviews a draft; ``export`` writes it
(text, DOCX, HTML, comparison matrix); ``store`` keeps drafts in the knowledge base.
"""
