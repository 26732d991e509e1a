"""Progress logs shared by the tests of the checks that read them, one tidy and one not."""

from __future__ import annotations

GOOD = """\
acties:
  - id: A.1
    titel: Met een nette log
    doelen: [1]
    mijlpalen:
      - omschrijving: Stap
        deadline: Q2 2026
        voortgang:
          - {datum: 2025-10-01, status: lopend, beoordeling: op-koers}
          - {datum: 2025-12-01, deadline: Q4 2026, reden: Later,
             bron: {document: realisatieagenda, sectie: x}}
          - {datum: 2026-01-10, status: gereed, bron: {document: realisatieagenda, sectie: y}}
    bron: {document: realisatieagenda, sectie: x}
"""

BAD = """\
acties:
  - id: A.1
    titel: Met een rommelige log
    doelen: [1]
    status: gereed
    mijlpalen:
      - omschrijving: Stap
        deadline: Q2 2026
        status: lopend
        voortgang:
          - {datum: 2025-12-01, status: lopend}
          - {datum: 2025-10-01, deadline: Q2 2026}
          - {datum: 2025-12-02, beoordeling: risico, reden: Zomaar}
          - {datum: 2026-01-10, status: gereed}
          - {datum: 2027-01-10, status: vervallen, bron: {document: realisatieagenda, sectie: z}}
    bron: {document: realisatieagenda, sectie: x}
"""
