"""The starter corpus that `claimcheck init` writes: small, valid, and commented."""

STARTER_FILES = {
    "sources.yaml": """\
# Who says things. `reliability` is the Admiralty grade: A (completely reliable)
# ... E (unreliable), F (cannot be judged, the default).
sources:
  - id: daily-news
    name: The Daily News
    kind: newspaper
    reliability: B
  - id: ministry
    name: Ministry of Information
    kind: government
    represents: [republic]   # its assertions about the republic are self-interested
  - id: insider
    name: Anonymous insider
    kind: anonymous

entities:
  - id: republic
    name: The Republic
    aliases: [the government]
    kind: country
""",
    "claims.yaml": """\
# What is said, and who affirms, denies or doubts it.
claims:
  - id: talks-held
    text: The Republic held secret talks with its neighbour
    subject: republic
    tags: [diplomacy]
    assertions:
      - source: daily-news
        stance: affirms
        date: 2025-10-12
        via: [insider]            # the newspaper got it from the insider
        quote: "Officials met twice in October"
      - source: ministry
        stance: denies
        date: 2025-10-13

  - id: talks-agreed
    text: The Republic agreed to a deal with its neighbour
    subject: republic
    assertions:
      - source: insider
        stance: affirms
        date: 2025-10

  - id: delegates
    text: How many delegates the Republic sent to the talks
    subject: republic
    predicate: delegates
    assertions:
      - source: daily-news
        stance: affirms
        date: 2025-10-12
        value: 12
        withdrawn: 2025-10-14     # corrected two days later (below): no longer counted
      - source: daily-news
        stance: affirms
        date: 2025-10-14
        value: {min: 8, max: 10}  # a range: some number from 8 through 10
      - source: insider
        stance: affirms
        date: 2025-10
        value: 9

# A deal needs talks: whoever affirms the deal also supports the talks, so the
# ministry's denial contradicts the insider too.
rules:
  - id: deal-needs-talks
    kind: implies
    if: talks-agreed
    then: talks-held
""",
}
