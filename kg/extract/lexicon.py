"""General words of the domain: what a name's head noun says about its type, role words,
demonyms. Knowledge of how this news is written, never names from any one article.
"""

from __future__ import annotations

from kg.records import EntityType

# The types of bodies: agents that hold posts, host events, sign agreements and have parents.
ORG_TYPES = (EntityType.ORGANIZATION, EntityType.COMPANY, EntityType.HOSPITAL, EntityType.GOVERNMENT_BODY)

# Head nouns of event names ("... Innovative Cooperation Forum", "... Fair for Trade in Services").
EVENT_HEADS = frozenset({
    "forum", "forums", "fair", "expo", "exposition", "exhibition", "exhibitions", "summit",
    "conference", "congress", "symposium", "ceremony", "festival", "dialogue", "meeting",
    "session", "show", "seminar", "workshop", "roadshow", "competition", "contest", "gala",
    "salon", "week", "month", "assembly", "gathering", "event", "events", "launch",
    "hackathon", "tour", "carnival", "marathon", "campaign", "matchmaking", "meetup",
    "sub-forum", "subforum", "roundtable", "round-table", "lecture", "webinar", "briefing",
    "activity", "convention", "conclave", "biennale", "day",  # "X Investment Day", "Open Day"
    "awards",  # "the 2023 X Awards were presented": an awards programme and its ceremony
    "challenge",  # "the third X Innovation Challenge": a competition held in rounds and a final
    "cup",  # "the 4th X Cup": a competition named after its trophy
    "pavilion",  # "the Japan Pavilion" of an expo: a themed part of it, with exhibitors of its own
})
# Heads that name an occurrence only as a description ("the signing ceremony").
DESCRIPTIVE_EVENT_HEADS = frozenset({
    "forum", "fair", "expo", "exhibition", "summit", "conference", "congress", "symposium",
    "ceremony", "festival", "dialogue", "meeting", "seminar", "workshop", "roadshow",
    "competition", "contest", "event", "gathering", "session", "show", "week", "sub-forum",
    "roundtable", "experience hall", "lecture", "salon", "course", "camp", "webinar", "briefing",
    "pavilion", "challenge", "final",  # "the final of the third X Challenge"
})
# "X Training Programme" is held (it opens, runs and closes); "X Talent Programme" is a scheme.
EVENT_PROGRAMME_MODIFIERS = frozenset({"training", "exchange", "study", "internship", "fellowship"})
HOSPITAL_HEADS = frozenset({"hospital", "hospitals", "clinic", "clinics", "infirmary", "sanatorium"})
GOVERNMENT_HEADS = frozenset({
    "ministry", "commission", "administration", "bureau", "department", "government",
    "municipality", "office", "council", "procuratorate", "court",
})
# "X Administrative Committee", "Management Committee of X": government bodies of zones.
GOVERNMENT_COMMITTEE_MODIFIERS = frozenset({
    "administrative", "management", "administration", "party", "municipal", "standing",
})
ORGANIZATION_HEADS = frozenset({
    "association", "society", "alliance", "federation", "chamber", "union", "university",
    "college", "institute", "academy", "foundation", "center", "centre", "committee",
    "league", "network", "consortium", "club", "platform", "organization", "organisation",
    "nations", "agency", "school", "laboratory", "lab", "board", "secretariat",
    "fund", "institution", "cdc", "observatory", "incubator", "hub", "faculty", "division", "cluster",
    "council",
})
COMPANY_HEADS = frozenset({
    "co", "ltd", "inc", "corp", "corporation", "company", "group", "holding", "holdings",
    "pharmaceutical", "pharmaceuticals", "pharma", "technology", "technologies", "tech",
    "biotech", "biotechnology", "biopharma", "biopharmaceutical", "biologics", "medical",
    "healthcare", "securities", "bank", "capital", "ventures", "investment", "investments",
    "labs", "therapeutics", "biosciences", "bioscience", "electric", "electronics", "imaging",
    "diagnostics", "devices", "instruments", "systems", "solutions", "software", "motors",
    "enterprises", "industries", "llc", "plc", "gmbh", "ag", "sa", "limited", "partners",
    "insurance", "logistics", "energy", "chemical", "chemicals", "biology", "bio",
    "health", "lifesciences", "genomics", "robotics", "semiconductor", "telecom", "surgical",
    "medtech", "laboratories", "biomedical", "optics", "dental", "orthopedics", "wellness",
    "consultants", "consulting", "advisors", "associates", "assurance", "insurers", "pharmacy",
    # legal forms of other countries: Danish and Norwegian "A/S", Swedish "AB", Finnish "Oy",
    # Dutch "BV" and "NV", Italian "S.r.l." and "S.p.A.", Japanese "K.K.", Malaysian "Sdn. Bhd."
    "a/s", "asa", "ab", "oy", "oyj", "bv", "nv", "srl", "s.r.l", "spa", "s.p.a", "kk", "k.k", "pte", "pty",
    "sdn", "bhd",
})
# Honorifics before a person's name, without their full stop ("Dr.", "Prof.", Malaysian "Dato'").
HONORIFICS = frozenset({"mr", "ms", "mrs", "dr", "prof", "professor", "madam", "sir", "dame", "dato", "dato'",
                        "dato’", "datuk", "datin"})
# Head words of a zone's or park's name, which a city's name may follow ("X Zone of Linyi").
ZONE_HEADS = frozenset({"zone", "park", "area", "base", "valley"})
PLACE_HEADS = frozenset({
    "district", "town", "city", "province", "county", "village", "township", "zone", "area",
    "park", "region", "port", "island", "valley", "e-town", "prefecture", "harbor", "harbour",
    "subdistrict", "street", "road", "avenue", "bay", "new area", "base", "community",
    "country", "state", "republic", "kingdom", "emirates",
})
VENUE_HEADS = frozenset({
    "hall", "building", "hotel", "stadium", "auditorium", "theater", "theatre",
    "venue", "square", "plaza", "guesthouse", "arena", "gymnasium", "tower", "mansion", "campus",
})
# "Convention Center", "Exhibition Center": a center named for events is a venue.
VENUE_CENTER_MODIFIERS = frozenset({
    "convention", "exhibition", "conference", "expo", "international", "exposition", "sports",
    "cultural", "culture", "art", "arts", "trade",
})
AGREEMENT_HEADS = frozenset({
    "convention", "agreement", "memorandum", "treaty", "declaration", "accord", "charter",
    "protocol", "pact", "mou",
})

# Words that connect the parts of one proper name.
NAME_CONNECTORS = frozenset({"of", "for", "and", "in", "on", "&", "de", "the", "to"})

# Agreement nouns, for "signed a strategic cooperation agreement with ...".
AGREEMENT_NOUNS = (
    "agreements?", "memorand(?:ums?|a)(?: of (?:understanding|cooperation|collaboration))?", "mous?", "contracts?",
    "deals?",
    "conventions?", "treat(?:y|ies)", "declarations?", "accords?", "letters? of intent",
    "framework agreements?", "partnerships?", "pacts?", "protocols?", "charters?",
    "(?:cooperation\\s+)?intentions?",  # "reached a cooperation intention with X"
)

ROLE_WORDS = frozenset({
    "president", "director", "secretary", "chairman", "chairwoman", "chair", "ceo", "head",
    "dean", "mayor", "governor", "minister", "ambassador", "founder", "co-founder", "officer",
    "chief", "commissioner", "spokesperson", "spokesman", "spokeswoman", "professor",
    "academician", "manager", "executive", "leader", "principal", "director-general",
    "secretary-general", "vice-president", "vice-chairman", "vice-mayor", "consul",
    "consul-general", "representative", "partner", "researcher", "physician", "doctor",
    "surgeon", "superintendent", "administrator", "counselor", "counsellor", "inspector",
    "deputy", "chairperson", "editor", "general", "engineer", "scientist", "adviser", "advisor",
    "economist", "consultant", "vice-minister", "vice-governor", "vice-chairwoman",
    "counsel", "examiner", "vice-chair", "president-elect", "directress", "curator", "rector",
    "provost", "chancellor", "attaché", "envoy", "delegate", "convenor", "convener", "moderator",
    "nurse", "member",  # "member of the Standing Committee of the X Municipal Committee": a post in its body
})
# A body's Party units: a post in one is a post in the body ("Secretary of the Party Leadership
# Group and Director of the X Commission").
PARTY_UNITS = frozenset({"party leadership group", "leading party members' group", "leading party members group",
                         "party group", "party committee", "cpc committee", "party leadership"})
ROLE_MODIFIERS = frozenset({
    "deputy", "vice", "executive", "general", "party", "chief", "senior", "honorary",
    "acting", "managing", "associate", "assistant", "first", "permanent", "regional",
    "global", "founding", "standing", "district", "municipal", "former", "medical", "pro", "interim",
})

# Words of a function that qualify a post in a capitalised title ("Brand Manager", "Sales
# Director", "Business Development Manager"): part of the role, never an organization's name.
ROLE_QUALIFIERS = frozenset({
    "brand", "marketing", "sales", "product", "project", "program", "programme", "research",
    "technical", "operations", "communications", "business", "commercial", "clinical", "scientific",
    "finance", "financial", "country", "area", "account", "nursing", "development", "strategy",
    "innovation", "quality", "regulatory", "investment", "cluster",
})

DEMONYMS: dict[str, str] = {
    "german": "Germany", "french": "France", "british": "United Kingdom", "us": "United States",
    "american": "United States", "u.s.": "United States", "japanese": "Japan",
    "korean": "South Korea", "south korean": "South Korea", "swiss": "Switzerland",
    "italian": "Italy", "spanish": "Spain", "dutch": "Netherlands", "danish": "Denmark",
    "swedish": "Sweden", "finnish": "Finland", "norwegian": "Norway", "belgian": "Belgium",
    "austrian": "Austria", "irish": "Ireland", "israeli": "Israel", "indian": "India",
    "singaporean": "Singapore", "canadian": "Canada", "australian": "Australia",
    "russian": "Russia", "brazilian": "Brazil", "chinese": "China", "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates", "thai": "Thailand", "malaysian": "Malaysia",
    "indonesian": "Indonesia", "vietnamese": "Vietnam", "polish": "Poland", "greek": "Greece",
    "hungarian": "Hungary", "czech": "Czech Republic", "turkish": "Turkey",
    "mexican": "Mexico", "argentine": "Argentina", "egyptian": "Egypt",
    "south african": "South Africa", "new zealand": "New Zealand", "portuguese": "Portugal",
    "luxembourgish": "Luxembourg", "pakistani": "Pakistan", "kazakh": "Kazakhstan",
    "kenyan": "Kenya", "tanzanian": "Tanzania", "zambian": "Zambia", "mongolian": "Mongolia",
    "ethiopian": "Ethiopia", "nigerian": "Nigeria", "ghanaian": "Ghana", "uzbek": "Uzbekistan",
    "laotian": "Laos", "cambodian": "Cambodia", "filipino": "Philippines", "nepali": "Nepal",
    "sri lankan": "Sri Lanka", "bangladeshi": "Bangladesh", "iranian": "Iran", "qatari": "Qatar",
    "kuwaiti": "Kuwait", "omani": "Oman", "jordanian": "Jordan", "moroccan": "Morocco",
    "algerian": "Algeria", "tunisian": "Tunisia", "chilean": "Chile", "peruvian": "Peru",
    "colombian": "Colombia", "cuban": "Cuba", "ukrainian": "Ukraine", "serbian": "Serbia",
    "romanian": "Romania", "bulgarian": "Bulgaria", "croatian": "Croatia", "slovak": "Slovakia",
    "estonian": "Estonia", "latvian": "Latvia", "lithuanian": "Lithuania", "icelandic": "Iceland",
    "maltese": "Malta", "cypriot": "Cyprus", "uruguayan": "Uruguay", "azerbaijani": "Azerbaijan",
    "georgian": "Georgia", "armenian": "Armenia", "kyrgyz": "Kyrgyzstan", "tajik": "Tajikistan",
    "turkmen": "Turkmenistan",
}
COUNTRIES = frozenset(DEMONYMS.values()) | {
    "China", "Viet Nam", "Korea", "the Netherlands", "UK", "US", "USA", "UAE", "Russian Federation",
    "Republic of Korea", "U.S.", "U.S",
    # countries whose adjective the list above does not hold
    "Myanmar", "Brunei", "Timor-Leste", "Bhutan", "Maldives", "Afghanistan", "Iraq", "Syria", "Lebanon",
    "Bahrain", "Yemen", "Belarus", "Moldova", "Slovenia", "Albania", "North Macedonia", "Montenegro",
    "Bosnia and Herzegovina", "Venezuela", "Ecuador", "Bolivia", "Paraguay", "Panama", "Costa Rica",
    "Angola", "Mozambique", "Zimbabwe", "Uganda", "Rwanda", "Senegal", "Cameroon", "Sudan", "Libya",
    "Madagascar", "Namibia", "Botswana", "Djibouti", "Fiji", "Papua New Guinea", "Samoa", "Tonga",
}
# Nouns that say the entities listed after them are companies, hospitals, countries...
LIST_CUES: dict[str, EntityType] = {
    "company": EntityType.COMPANY, "companies": EntityType.COMPANY,
    "enterprise": EntityType.COMPANY, "enterprises": EntityType.COMPANY,
    "firm": EntityType.COMPANY, "firms": EntityType.COMPANY, "maker": EntityType.COMPANY,
    "makers": EntityType.COMPANY, "manufacturer": EntityType.COMPANY,
    "manufacturers": EntityType.COMPANY, "leaders": EntityType.COMPANY,
    "giant": EntityType.COMPANY, "giants": EntityType.COMPANY, "brands": EntityType.COMPANY,
    "pharmaceutical companies": EntityType.COMPANY, "multinationals": EntityType.COMPANY,
    "startups": EntityType.COMPANY, "developer": EntityType.COMPANY,
    "hospitals": EntityType.HOSPITAL, "hospital": EntityType.HOSPITAL,
    "institutions": EntityType.ORGANIZATION, "organizations": EntityType.ORGANIZATION,
    "universities": EntityType.ORGANIZATION, "associations": EntityType.ORGANIZATION,
    "countries": EntityType.PLACE, "country": EntityType.PLACE, "regions": EntityType.PLACE,
    "cities": EntityType.PLACE, "nations": EntityType.PLACE, "provinces": EntityType.PLACE,
}

# Subject words that title-case body names end in ("... of Traditional Chinese Medicine"), never
# part of a person's name.
TOPIC_WORDS = frozenset({
    "medicine", "medical", "health", "science", "sciences", "technology", "engineering",
    "economics", "economic", "exchanges", "exchange", "culture", "education", "research",
    "development", "affairs", "trade", "commerce", "industry", "pharmacy", "nursing", "studies",
    "management", "planning", "innovation", "biology", "chemistry", "physics",
})

# Standing bodies whose names end in an event word (matched on the lower-cased name's end).
STANDING_BODIES = ("people congress", "peoples congress", "political consultative conference",
                   "cppcc national committee", "party congress")

# Legal forms that end a company's name ("Co., Ltd.", "Inc.", "GmbH").
LEGAL_SUFFIXES = frozenset({"co", "ltd", "inc", "llc", "plc", "corp", "limited", "gmbh", "ag", "sa",
                            "s.a", "bv", "nv", "kg", "spa", "s.p.a", "pte", "pty", "lp", "llp", "ab", "oy", "kk",
                            "k.k", "sdn", "bhd", "a/s"})
# Business nouns shared by "and" inside one company name ("X Investment and Development Co.").
BUSINESS_NOUNS = frozenset({"development", "technology", "trade", "trading", "investment", "management",
                            "manufacturing", "construction", "operation", "operations", "services",
                            "research", "consulting", "holding", "holdings", "marketing", "sales",
                            "distribution", "logistics", "engineering", "production", "import", "export"})
# Words that open a post ("... and Vice President of Y"): "and" before one ends a name.
ROLE_STARTERS = (ROLE_WORDS - {"general", "partner", "representative", "doctor", "physician", "editor",
                               "engineer", "leader", "officer", "executive",
                               "member"}) | {"vice", "deputy", "honorary",
                                                                              "acting"}

# Place words news writes in lower case after a name ("Lakeside district", "Pine province").
LOWER_PLACE_HEADS = frozenset({"district", "county", "city", "province", "town", "township",
                               "village", "prefecture", "municipality", "subdistrict"})

# Names that hold an "and" wherever they stand ("Belt and Road countries", "the Belt and Road
# Initiative", "X Maternal and Child Health Hospital"): general knowledge of this news, lower case.
AND_NAMES = frozenset({"belt and road", "maternal and child", "women and children", "mother and child",
                       "woman and child", "obstetrics and gynecology", "obstetrics and gynaecology"})

# Company heads that end a company's name for certain (unlike "Medical" or "Health").
STRONG_COMPANY_HEADS = frozenset({"group", "co", "ltd", "inc", "corp", "corporation", "company",
                                  "limited", "holdings", "labs", "plc", "llc", "gmbh", "ag"})

# Verbs a title-case headline capitalises ("Acme Signs Agreement With Lakeside"): never part of a name.
HEADLINE_VERBS = frozenset({
    "signs", "signed", "inks", "inked", "holds", "opens", "launches", "kicks", "hosts", "attends",
    "unveils", "visits", "meets", "begins", "concludes", "wins", "joins", "sign", "ink",
    "partner", "reach", "reaches", "renews", "seals", "strikes", "forges", "settles", "lands",
    "showcases", "presents", "exhibits", "debuts", "displays", "introduces", "announces",
    "partners", "teams", "expands", "enters", "brings", "highlights", "demonstrates", "receives",
    "welcomes", "gathers", "draws", "attracts", "closes", "ends", "starts", "returns", "held",
    "opened", "launched", "unveiled", "showcased", "kicked",
})

# Words of an agreement's kind; a capitalised run of only these is a kind, not a name.
GENERIC_AGREEMENT_WORDS = frozenset({
    "strategic", "cooperation", "framework", "agreement", "agreements", "memorandum", "memoranda",
    "understanding", "of", "on", "investment", "partnership", "contract", "contracts", "comprehensive",
    "collaboration", "project", "projects", "mou", "mous", "letter", "intent", "cooperative", "deal",
    "deals", "the", "a", "an", "and", "in-depth", "long-term", "cooperation-agreement",
})

# Plural nouns for people sent by a body ("representatives from A, B and C").
PEOPLE_NOUNS = frozenset({
    "representatives", "officials", "delegates", "delegations", "delegation", "experts", "leaders",
    "executives", "guests", "staff", "members", "scholars", "researchers", "people", "heads",
    "professionals", "entrepreneurs", "investors", "participants", "attendees", "speakers",
    "fellows", "academicians", "specialists", "scientists", "doctors", "physicians", "practitioners",
    "students", "diplomats", "envoys", "buyers", "visitors", "exhibitors", "partners", "panelists",
    "panellists", "moderators", "presenters", "lecturers", "nurses", "trainees", "surgeons", "pharmacists",
    "workers", "administrators", "clinicians", "technicians",
})

# Words of a field of study or work: "Department of Science and Technology", "School of Public
# Health" name what the part does, not a body it belongs to.
FIELD_WORDS = TOPIC_WORDS | {
    "public", "health", "social", "internal", "clinical", "basic", "preventive",
    "traditional", "chinese", "western", "pharmaceutical", "life", "environmental", "information",
    "international", "foreign", "human", "resources", "finance", "security", "law", "arts",
    "agriculture", "veterinary", "dental", "stomatology", "surgery", "pediatrics", "oncology",
    "cardiology", "neurology", "radiology", "pathology", "rehabilitation", "nutrition", "business",
    "administration", "policy", "statistics", "communication", "commerce", "transport", "care",
}

# Pairs of words that "and" joins inside one name, never between two: "X Science and Technology
# Investment Group Co., Ltd.", "Y Import and Export Co.", "Bureau of Culture and Tourism"
PAIRED_NAME_WORDS = frozenset({
    ("science", "technology"), ("sciences", "technology"), ("research", "development"),
    ("import", "export"), ("culture", "tourism"), ("trade", "investment"), ("industry", "information"),
    ("investment", "financing"), ("investment", "development"), ("investment", "construction"),
    ("economic", "technological"), ("economic", "technology"),
})

# Words that open the second half of one coordinated name ("X Biomedicine and Health Industry
# Forum", "Y Medical and Pharmaceutical University"); any other capitalised word after "and"
# opens a new name when the first half is already a company's.
GENERIC_NAME_WORDS = TOPIC_WORDS | BUSINESS_NOUNS | {
    "international", "national", "regional", "global", "industry", "industrial", "pharmaceutical",
    "pharmaceuticals", "biomedicine", "biomedical", "wellness", "care", "healthcare", "elderly",
    "life", "medicines", "equipment", "devices", "hospital", "social", "public", "cultural",
    "tourism", "investment", "information", "communication", "communications", "biotechnology",
    "technological", "scientific", "academic", "clinical", "rehabilitation", "nutrition", "food",
    "drug", "drugs", "traditional", "chinese", "western", "modern", "smart", "digital", "green",
}


# "Pro-Vice-Chancellor", "Acting-Director", "Co-Chair": a role word after role prefixes
_ROLE_PREFIXES = frozenset({"vice", "pro", "deputy", "co", "acting", "interim", "assistant", "associate",
                            "executive", "sub", "under", "senior", "chief"})


def is_role_word(word: str) -> bool:
    """A role word, or one built of role prefixes and a role word with hyphens.

    >>> is_role_word("Pro-Vice-Chancellor"), is_role_word("vice-president"), is_role_word("Sino-Swiss")
    (True, True, False)
    """
    w = word.lower().strip(".,")
    if w in ROLE_WORDS:
        return True
    *prefixes, last = w.split("-")
    return bool(prefixes) and last in ROLE_WORDS and all(p in _ROLE_PREFIXES for p in prefixes)


# Holidays the news dates things by ("during the Spring Festival"): no event of the graph.
HOLIDAYS = frozenset({
    "spring festival", "lantern festival", "dragon boat festival", "mid-autumn festival",
    "qingming festival", "double ninth festival", "national day", "new year", "new year's day",
    "lunar new year", "chinese new year", "christmas", "easter", "labor day", "labour day",
    "national day holiday", "golden week",
})


# Heads of places that hold companies (a park, a zone, a valley): their tenants are located in
# them, and they may exhibit at an investment pavilion (a city does not).
HOLDING_PLACE_HEADS = frozenset({"park", "zone", "valley", "harbor", "harbour", "base", "town"})

# Nouns for bodies a park or zone holds ("houses 60 companies", "has attracted 28 enterprises"):
# a list after one of them names tenants; after "investors" or "partners" it does not.
BODY_NOUNS = frozenset({
    "company", "enterprise", "firm", "institution", "hospital", "manufacturer", "business", "maker",
    "drugmaker", "startup", "organization", "organisation", "tenant", "player", "developer", "producer",
    "supplier", "clinic", "center", "centre", "lab", "laboratory",
})


def is_body_noun(word: str) -> bool:
    """A noun (singular or plural) for bodies a place holds.

    >>> is_body_noun("companies"), is_body_noun("Enterprises"), is_body_noun("investors")
    (True, True, False)
    """
    w = word.lower()
    singular = w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") else w
    return w in BODY_NOUNS or singular in BODY_NOUNS
